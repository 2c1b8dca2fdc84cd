package dev.obdio.uds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Security key algorithms by name, for scripts and the CLI ({@code --key-algo NAME[:PARAMS]}).
 * Built in:
 * <ul>
 *   <li>{@code none}: no algorithm; only an already unlocked level (zero seed) succeeds.</li>
 *   <li>{@code xor:HEX}: the seed XOR the constant, repeated over the seed
 *       ({@code xor:5A5A5A5A}).</li>
 *   <li>{@code obdio-xor-rotate-add:secret=HEX,rotate=N[,LEVEL=SECRET/ROTATE…]}: the obdio
 *       simulator's algorithm (see {@link ObdioXorRotateAdd}); entries {@code LEVEL=SECRET/ROTATE}
 *       give a level its own secret, e.g. {@code secret=5A3C96E1,rotate=7,3=C3E1F00D/13}.</li>
 * </ul>
 * More come from {@link #register} or, for the CLI, from jars on the class path that declare a
 * {@link Provider} in {@code META-INF/services/dev.obdio.uds.SecurityKeyAlgorithms$Provider}.
 * Thread-safe.
 */
public final class SecurityKeyAlgorithms {

    /** Makes algorithms of one name from their parameter text. */
    public interface Provider {
        /** The name, lower case: letters, digits and '-'. */
        String name();

        /** One line: what the parameters are. */
        String help();

        /**
         * An algorithm for the parameters after {@code NAME:} (empty when none were given).
         *
         * @throws IllegalArgumentException when the parameters are wrong, saying how
         */
        SecurityKeyAlgorithm create(String parameters);
    }

    /** The name of the algorithm that computes no key. */
    public static final String NONE = "none";

    /** An algorithm that has no key: unlocking works only for levels already unlocked (zero seed). */
    public static final SecurityKeyAlgorithm NO_ALGORITHM = (level, seed) -> {
        throw new IllegalStateException(String.format(
                "security level 0x%02X sent seed %s, but no key algorithm is configured (name one, e.g. --key-algo xor:HEX)",
                level, Hex.format(seed)));
    };

    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    static {
        register(simple(NONE, "no parameters; only levels that are already unlocked (zero seed) succeed", p -> {
            if (!p.isEmpty()) {
                throw new IllegalArgumentException("none takes no parameters");
            }
            return NO_ALGORITHM;
        }));
        register(simple("xor", "xor:HEX - the seed XOR the constant bytes, repeated over the seed", XorAlgorithm::parse));
        register(simple(ObdioXorRotateAdd.NAME, "secret=HEX,rotate=N[,LEVEL=SECRET/ROTATE...] - the obdio simulator's "
                + "algorithm", ObdioXorRotateAdd::parse));
        for (Provider p : ServiceLoader.load(Provider.class, SecurityKeyAlgorithms.class.getClassLoader())) {
            register(p);
        }
    }

    private SecurityKeyAlgorithms() {
    }

    private static Provider simple(String name, String help, java.util.function.Function<String, SecurityKeyAlgorithm> f) {
        return new Provider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String help() {
                return help;
            }

            @Override
            public SecurityKeyAlgorithm create(String parameters) {
                return f.apply(parameters);
            }
        };
    }

    /**
     * Adds or replaces an algorithm name.
     *
     * @throws IllegalArgumentException for a name that is not lower-case letters, digits and '-'
     */
    public static void register(Provider provider) {
        Checks.notNull("provider", provider);
        String name = provider.name();
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("algorithm name \"" + name + "\": use lower-case letters, digits and '-'");
        }
        PROVIDERS.put(name, provider);
    }

    /**
     * The algorithm a spec names: {@code NAME} or {@code NAME:PARAMETERS}.
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or bad parameters
     */
    public static SecurityKeyAlgorithm byName(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no key algorithm named; known: " + String.join(", ", names()));
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        String parameters = colon < 0 ? "" : s.substring(colon + 1).strip();
        Provider p = PROVIDERS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown key algorithm \"" + name + "\"; known: " + String.join(", ", names()));
        }
        try {
            return p.create(parameters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key algorithm " + name + ": " + e.getMessage() + " (" + p.help() + ")", e);
        }
    }

    /** The known names, sorted. */
    public static List<String> names() {
        List<String> n = new ArrayList<>(PROVIDERS.keySet());
        Collections.sort(n);
        return n;
    }

    /** Name to help line, sorted by name. */
    public static Map<String, String> help() {
        Map<String, String> h = new TreeMap<>();
        new HashMap<>(PROVIDERS).forEach((k, v) -> h.put(k, v.help()));
        return h;
    }
}
