package dev.obdio.obd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds what each ECU supports by walking the chains of supported-PID masks, as python-OBD's
 * {@code __load_commands} does but per ECU: {@code 0100} (answered at the probe), then
 * {@code 0120} and {@code 0140} for the ECUs whose previous mask lists them; {@code 0600},
 * {@code 0620} … {@code 06A0}; {@code 0900}. Every mode 01 PID found also makes its mode 02
 * (freeze frame) twin supported. The ECUs that answer a chain's first mask support that mask.
 */
final class SupportDiscovery {
    private static final int[] CHAIN_MODES = {0x01, 0x06, 0x09};
    private static final int CURRENT_DATA = 0x01;
    private static final int FREEZE_FRAME = 0x02;
    private static final int MASK_BYTES = 4;

    private SupportDiscovery() {
    }

    /** Steps {@link #discover} takes at most, the probe included. */
    static int maxSteps() {
        int n = 0;
        for (int mode : CHAIN_MODES) {
            n += getters(mode).size();
        }
        return n;
    }

    /**
     * Walks the chains.
     *
     * @param exchanger sends the mask requests
     * @param probe     each ECU's answer to {@code 0100} (from the probe that found them)
     * @param progress  told before each request; step 1 was the probe
     * @return the commands each ECU supports, by answer id (ECUs first heard here included)
     */
    static Map<Integer, Set<ObdCommand>> discover(Exchanger exchanger, Map<Integer, byte[]> probe,
                                                  ConnectProgress progress) throws InterruptedException {
        Map<Integer, Set<ObdCommand>> supported = new TreeMap<>();
        probe.keySet().forEach(id -> supported.put(id, newSet()));
        int total = maxSteps();
        int done = 1;
        for (int mode : CHAIN_MODES) {
            List<ObdCommand> chain = getters(mode);
            for (int i = 0; i < chain.size(); i++) {
                ObdCommand getter = chain.get(i);
                Set<Integer> askers = new TreeSet<>();
                for (Map.Entry<Integer, Set<ObdCommand>> e : supported.entrySet()) {
                    if (i == 0 || e.getValue().contains(getter)) {
                        askers.add(e.getKey());
                    }
                }
                if (askers.isEmpty()) {
                    total -= chain.size() - i; // the chain ends here for every ECU
                    break;
                }
                Map<Integer, byte[]> masks;
                if (mode == CURRENT_DATA && i == 0) {
                    masks = probe;
                } else {
                    progress.step(getter.requestHex() + " " + getter.name(), done, total);
                    masks = masks(getter, exchanger.exchange(getter.request(), askers));
                    done++;
                }
                for (Map.Entry<Integer, byte[]> m : masks.entrySet()) {
                    Set<ObdCommand> set = supported.computeIfAbsent(m.getKey(), k -> newSet());
                    set.add(getter);
                    addFromMask(set, mode, getter.pid().getAsInt(), m.getValue());
                }
            }
        }
        progress.step("done", total, total);
        return supported;
    }

    /** The mask requests of one mode, in chain order. */
    private static List<ObdCommand> getters(int mode) {
        List<ObdCommand> out = new ArrayList<>();
        for (ObdCommand c : ObdCommands.pidGetters()) {
            if (c.mode().orElse(-1) == mode && c.pid().isPresent()) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt(c -> c.pid().getAsInt()));
        return out;
    }

    /** The 4 mask bytes of each well-formed answer ({@code 41 20 b1 b2 b3 b4}), by ECU. */
    static Map<Integer, byte[]> masks(ObdCommand getter, ObdTransport.Exchange exchange) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        for (ResponseWindow.Answer a : exchange.answers()) {
            byte[] mask = mask(getter.mode().getAsInt(), getter.pid().getAsInt(), a.data());
            if (mask != null) {
                out.putIfAbsent(a.ecu(), mask);
            }
        }
        return out;
    }

    /** The mask bytes of one answer, or null when it is not a positive answer to this mask. */
    static byte[] mask(int mode, int pid, byte[] data) {
        if (data.length < 2 + MASK_BYTES || (data[0] & 0xFF) != mode + 0x40 || (data[1] & 0xFF) != pid) {
            return null;
        }
        return Arrays.copyOfRange(data, 2, 2 + MASK_BYTES);
    }

    private static void addFromMask(Set<ObdCommand> set, int mode, int base, byte[] mask) {
        for (int pid : BitArray.of(mask).supportedPids(base)) {
            if (pid > 0xFF) {
                continue;
            }
            ObdCommands.byModeAndPid(mode, pid).ifPresent(set::add);
            if (mode == CURRENT_DATA) {
                ObdCommands.byModeAndPid(FREEZE_FRAME, pid).ifPresent(set::add);
            }
        }
    }

    /** A set ordered by mode, then PID. */
    static TreeSet<ObdCommand> newSet() {
        return new TreeSet<>(CommandOrder.BY_MODE_AND_PID);
    }
}
