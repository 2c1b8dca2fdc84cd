package dev.obdio.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A diagnostic trouble code held by a simulated ECU, with the flags that decide where it shows:
 * mode 03 (stored / UDS confirmed), mode 07 (pending), mode 0A (permanent), the MIL, and the UDS
 * status byte (ISO 14229-1 D.2).
 *
 * @param code        the two-byte OBD code
 * @param failureType UDS failure type byte, the third byte of the UDS DTC (0x00 when unspecified)
 * @param stored      confirmed: reported by mode 03, counted in PID 01, UDS status bit 3
 * @param pending     reported by mode 07, UDS status bits 2 and 1
 * @param permanent   reported by mode 0A; survives mode 04 and UDS 0x14
 * @param mil         this DTC requests the malfunction indicator lamp (UDS status bit 7); needs {@code stored}
 * @param active      the test fails right now (UDS status bit 0)
 * @param occurrences how often the fault occurred, 0..255 (UDS extended data record 0x01)
 * @param freezeFrame sensor values when the DTC was stored (mode 02 frame 0, UDS snapshot record 1);
 *                    empty for none. Only a stored DTC can carry one.
 */
public record DtcSpec(DtcCode code, int failureType, boolean stored, boolean pending, boolean permanent, boolean mil,
                      boolean active, int occurrences, Map<Signal, Double> freezeFrame) {

    /** Validates the flags' consistency and copies the freeze frame. */
    public DtcSpec {
        Checks.notNull("code", code);
        Checks.range("failureType", failureType, 0, 255);
        Checks.range("occurrences", occurrences, 0, 255);
        if (!stored && !pending && !permanent) {
            throw new IllegalArgumentException("stored: " + code + " must be stored, pending or permanent (at least one)");
        }
        if (mil && !stored) {
            throw new IllegalArgumentException("mil: " + code + " can only request the MIL when stored");
        }
        Checks.notNull("freezeFrame", freezeFrame);
        if (!freezeFrame.isEmpty() && !stored) {
            throw new IllegalArgumentException("freezeFrame: " + code + " has a freeze frame but is not stored");
        }
        EnumMap<Signal, Double> copy = new EnumMap<>(Signal.class);
        copy.putAll(freezeFrame);
        freezeFrame = Collections.unmodifiableMap(copy);
    }

    /** A stored (confirmed) DTC with the MIL on, no freeze frame. */
    public static DtcSpec stored(String code) {
        return new DtcSpec(DtcCode.parse(code), 0, true, false, false, true, false, 1, Map.of());
    }

    /** A pending DTC. */
    public static DtcSpec pending(String code) {
        return new DtcSpec(DtcCode.parse(code), 0, false, true, false, false, true, 1, Map.of());
    }

    /** A permanent DTC only (as after a clear). */
    public static DtcSpec permanentOnly(String code) {
        return new DtcSpec(DtcCode.parse(code), 0, false, false, true, false, false, 1, Map.of());
    }

    /** This DTC with a freeze frame. */
    public DtcSpec withFreezeFrame(Map<Signal, Double> frame) {
        return new DtcSpec(code, failureType, stored, pending, permanent, mil, active, occurrences, frame);
    }

    /** This DTC as permanent too. */
    public DtcSpec withPermanent(boolean value) {
        return new DtcSpec(code, failureType, stored, pending, value, mil, active, occurrences, freezeFrame);
    }
}
