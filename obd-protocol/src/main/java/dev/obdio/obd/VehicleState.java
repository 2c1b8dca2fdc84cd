package dev.obdio.obd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a connection knows about the vehicle, immutable: the identifiers in use, the ECUs that
 * answered with their roles and supported commands, and whether those were read. The supported
 * set is computed once, since every query asks it.
 */
final class VehicleState {

    /** Nothing known. */
    static final VehicleState UNKNOWN = new VehicleState(null, Map.of(), false);

    private final IdScheme scheme;
    private final Map<Integer, Ecu> ecus;
    private final boolean discovered;
    private final Set<ObdCommand> supported;

    /**
     * @param scheme     the identifiers; null until a vehicle answered (or they were forced)
     * @param ecus       the ECUs by answer id
     * @param discovered whether the supported-PID masks were read
     */
    VehicleState(IdScheme scheme, Map<Integer, Ecu> ecus, boolean discovered) {
        this.scheme = scheme;
        this.ecus = Collections.unmodifiableMap(new TreeMap<>(ecus));
        this.discovered = discovered;
        this.supported = computeSupported(this.ecus);
    }

    /** The identifiers; null until known. */
    IdScheme scheme() {
        return scheme;
    }

    /** The ECUs by answer id, ascending. */
    Map<Integer, Ecu> ecus() {
        return ecus;
    }

    /** Whether the supported-PID masks were read. */
    boolean discovered() {
        return discovered;
    }

    /** The role of the ECU answering on {@code id}; for an ECU not met before, python-OBD's rule for ids. */
    EcuRole role(int id) {
        Ecu e = ecus.get(id);
        if (e != null) {
            return e.role();
        }
        Map<Integer, EcuRole> roles = new LinkedHashMap<>();
        ecus.forEach((k, v) -> roles.put(k, v.role()));
        return scheme == null ? EcuRole.UNKNOWN : RoleAssignment.late(scheme, id, roles);
    }

    /** This state with an ECU first heard after the probe added (unknown support). */
    VehicleState withLateEcu(int id) {
        if (ecus.containsKey(id) || scheme == null) {
            return this;
        }
        Map<Integer, Ecu> next = new TreeMap<>(ecus);
        next.put(id, new Ecu(id, scheme.requestId(id), scheme == IdScheme.TWENTY_NINE_BIT, role(id), Set.of()));
        return new VehicleState(scheme, next, discovered);
    }

    /**
     * The commands python-OBD would call supported: the base commands (minus ELM327 adapter
     * commands, there is no adapter), plus each ECU's commands whose ECU mask accepts that ECU.
     */
    Set<ObdCommand> supported() {
        return supported;
    }

    private static Set<ObdCommand> computeSupported(Map<Integer, Ecu> ecus) {
        TreeSet<ObdCommand> out = SupportDiscovery.newSet();
        for (ObdCommand c : ObdCommands.baseCommands()) {
            if (!c.isAdapterCommand()) {
                out.add(c);
            }
        }
        for (Ecu e : ecus.values()) {
            for (ObdCommand c : e.supportedCommands()) {
                if (c.accepts(e.role())) {
                    out.add(c);
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The ECUs, ascending by answer id. */
    List<Ecu> ecuList() {
        return List.copyOf(ecus.values());
    }
}
