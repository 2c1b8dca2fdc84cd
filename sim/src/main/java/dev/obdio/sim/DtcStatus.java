package dev.obdio.sim;

/**
 * A DTC as an ECU holds it right now: its flags and the ISO 14229-1 status byte it reports over UDS.
 *
 * @param code           the OBD code
 * @param failureType    the UDS failure type byte
 * @param statusByte     the UDS DTC status byte (bit 0 testFailed ... bit 7 warningIndicatorRequested)
 * @param stored         confirmed (mode 03)
 * @param pending        pending (mode 07)
 * @param permanent      permanent (mode 0A)
 * @param mil            requests the MIL
 * @param active         failing now
 * @param occurrences    occurrence counter
 * @param hasFreezeFrame a freeze frame is stored with it
 */
public record DtcStatus(DtcCode code, int failureType, int statusByte, boolean stored, boolean pending,
                        boolean permanent, boolean mil, boolean active, int occurrences, boolean hasFreezeFrame) {

    /** The three-byte UDS DTC number: OBD code then failure type, e.g. 0x030100 for P0301. */
    public int udsNumber() {
        return (code.value() << 8) | failureType;
    }
}
