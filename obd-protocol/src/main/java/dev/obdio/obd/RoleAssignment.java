package dev.obdio.obd;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which answering ECU is the engine, as python-OBD decides from the answers to {@code 0100}
 * ({@code Protocol.populate_ecu_map}): a single ECU is the engine whatever its id; among several,
 * the one on the engine's id (0x7E8) is the engine and the one on the transmission's id (0x7E9)
 * the transmission; without an ECU on the engine's id, the one whose answer has the most bits set
 * (the most PIDs supported; the lowest id on a tie) becomes the engine, even if it was the
 * transmission. Everything else is unknown. In 29-bit the engine's and transmission's ids are
 * 0x18DAF110 and 0x18DAF118 (see {@code docs/COMPATIBILITY.md}).
 */
final class RoleAssignment {
    private RoleAssignment() {
    }

    /**
     * Roles for the ECUs that answered {@code 0100}.
     *
     * @param scheme  the identifiers in use
     * @param answers each ECU's positive answer to {@code 0100}, by the id it answered on
     */
    static Map<Integer, EcuRole> assign(IdScheme scheme, Map<Integer, byte[]> answers) {
        Map<Integer, EcuRole> roles = new TreeMap<>();
        if (answers.isEmpty()) {
            return roles;
        }
        if (answers.size() == 1) {
            roles.put(answers.keySet().iterator().next(), EcuRole.ENGINE);
            return roles;
        }
        boolean engineFound = false;
        for (int id : new TreeMap<>(answers).keySet()) {
            if (id == scheme.engineId()) {
                roles.put(id, EcuRole.ENGINE);
                engineFound = true;
            } else if (id == scheme.transmissionId()) {
                roles.put(id, EcuRole.TRANSMISSION);
            }
        }
        if (!engineFound) {
            int best = 0;
            Integer engine = null;
            for (Map.Entry<Integer, byte[]> e : new TreeMap<>(answers).entrySet()) {
                int bits = 0;
                for (byte b : e.getValue()) {
                    bits += Integer.bitCount(b & 0xFF);
                }
                if (bits > best) {
                    best = bits;
                    engine = e.getKey();
                }
            }
            if (engine != null) {
                roles.put(engine, EcuRole.ENGINE);
            }
        }
        for (int id : answers.keySet()) {
            roles.putIfAbsent(id, EcuRole.UNKNOWN);
        }
        return roles;
    }

    /** The role of an ECU that was not there when roles were assigned. */
    static EcuRole late(IdScheme scheme, int id, Map<Integer, EcuRole> known) {
        if (id == scheme.engineId() && !known.containsValue(EcuRole.ENGINE)) {
            return EcuRole.ENGINE;
        }
        if (id == scheme.transmissionId() && !known.containsValue(EcuRole.TRANSMISSION)) {
            return EcuRole.TRANSMISSION;
        }
        return EcuRole.UNKNOWN;
    }
}
