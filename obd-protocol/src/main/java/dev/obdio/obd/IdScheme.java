package dev.obdio.obd;

import dev.obdio.can.CanFilter;
import dev.obdio.can.CanFrame;
import dev.obdio.isotp.IsoTpAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The CAN identifiers of OBD on CAN (ISO 15765-4) for one identifier size. An ECU is named by the
 * identifier it answers on ({@code 0x7E8}, {@code 0x18DAF110}); its physical request identifier
 * and its ISO-TP address follow from that.
 */
enum IdScheme {
    /** 0x7DF functional, 0x7E0+n physical, answers on 0x7E8+n (n = 0..7). */
    ELEVEN_BIT(ObdAddressing.CAN_11_BIT) {
        @Override
        boolean isResponseId(CanFrame f) {
            return !f.extended() && f.id() >= FIRST_11 && f.id() <= LAST_11;
        }

        @Override
        boolean isResponseId(int id) {
            return id >= FIRST_11 && id <= LAST_11;
        }

        @Override
        int requestId(int responseId) {
            return responseId - 8;
        }

        @Override
        IsoTpAddress functionalAddress() {
            // A broadcast channel receives nothing: its receive id only has to differ from 0x7DF.
            return IsoTpAddress.normal11(0x7DF, 0x7DE);
        }

        @Override
        IsoTpAddress physicalAddress(int responseId) {
            return IsoTpAddress.normal11(requestId(responseId), responseId);
        }

        @Override
        CanFilter responseFilter() {
            return new CanFilter(FIRST_11, CanFrame.EFF_FLAG | CanFrame.RTR_FLAG | 0x7F8, false);
        }

        @Override
        CanFilter requestFilter() {
            return new CanFilter(0x7C0, CanFrame.EFF_FLAG | CanFrame.RTR_FLAG | 0x7C0, false); // 0x7C0..0x7FF: 0x7DF, 0x7E0..0x7E7
        }

        @Override
        int engineId() {
            return FIRST_11;
        }

        @Override
        int transmissionId() {
            return FIRST_11 + 1;
        }

        @Override
        String format(int responseId) {
            return String.format(Locale.ROOT, "%03X", responseId);
        }
    },
    /** 0x18DB33F1 functional, 0x18DA&lt;ecu&gt;F1 physical, answers on 0x18DAF1&lt;ecu&gt;. */
    TWENTY_NINE_BIT(ObdAddressing.CAN_29_BIT) {
        @Override
        boolean isResponseId(CanFrame f) {
            return f.extended() && isResponseId(f.id());
        }

        @Override
        boolean isResponseId(int id) {
            return (id & 0xFFFFFF00) == RESPONSE_29 && (id & 0xFF) != TESTER;
        }

        @Override
        int requestId(int responseId) {
            return IsoTpAddress.NORMAL_FIXED_PHYSICAL | (responseId & 0xFF) << 8 | TESTER;
        }

        @Override
        IsoTpAddress functionalAddress() {
            return new IsoTpAddress.NormalFixed(FUNCTIONAL_TARGET, TESTER, true);
        }

        @Override
        IsoTpAddress physicalAddress(int responseId) {
            return IsoTpAddress.normalFixed(responseId & 0xFF, TESTER);
        }

        @Override
        CanFilter responseFilter() {
            return new CanFilter(RESPONSE_29 | CanFrame.EFF_FLAG,
                    CanFrame.EFF_FLAG | CanFrame.RTR_FLAG | 0x1FFFFF00, false);
        }

        @Override
        CanFilter requestFilter() {
            return new CanFilter(0x18DA00F1 | CanFrame.EFF_FLAG, CanFrame.EFF_FLAG | CanFrame.RTR_FLAG | 0x1FFE00FF,
                    false); // 0x18DAxxF1 and 0x18DBxxF1
        }

        @Override
        int engineId() {
            return RESPONSE_29 | 0x10;
        }

        @Override
        int transmissionId() {
            return RESPONSE_29 | 0x18;
        }

        @Override
        String format(int responseId) {
            return String.format(Locale.ROOT, "%08X", responseId);
        }
    };

    /** The tester's address in 29-bit identifiers. */
    static final int TESTER = 0xF1;
    /** The functional target address in 29-bit identifiers (0x18DB33F1). */
    static final int FUNCTIONAL_TARGET = 0x33;
    private static final int FIRST_11 = 0x7E8;
    private static final int LAST_11 = 0x7EF;
    private static final int RESPONSE_29 = 0x18DAF100;

    private final ObdAddressing addressing;

    IdScheme(ObdAddressing addressing) {
        this.addressing = addressing;
    }

    /** The addressing option that selects this scheme. */
    ObdAddressing addressing() {
        return addressing;
    }

    /** Whether the frame comes from an ECU answering a tester. */
    abstract boolean isResponseId(CanFrame f);

    /** Whether {@code id} is an identifier ECUs answer on. */
    abstract boolean isResponseId(int id);

    /** The physical request identifier of the ECU answering on {@code responseId}. */
    abstract int requestId(int responseId);

    /** The tester's functional (broadcast) request address. */
    abstract IsoTpAddress functionalAddress();

    /** The tester's address for talking to one ECU: requests and flow control out, answers in. */
    abstract IsoTpAddress physicalAddress(int responseId);

    /** A receive filter for every answer identifier of this scheme. */
    abstract CanFilter responseFilter();

    /** A receive filter for the tester's request identifiers (to see our own frames come back). */
    abstract CanFilter requestFilter();

    /** Where python-OBD expects the engine (the first ECU; 0x10 in 29-bit, see docs/COMPATIBILITY.md). */
    abstract int engineId();

    /** Where python-OBD expects the transmission (the second ECU; 0x18 in 29-bit). */
    abstract int transmissionId();

    /** The id as people write it: {@code 7E8}, {@code 18DAF110}. */
    abstract String format(int responseId);

    /** The scheme of an identifier ECUs answer on, if it is one. */
    static Optional<IdScheme> ofResponseId(int id) {
        for (IdScheme s : values()) {
            if (s.isResponseId(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The scheme a forced addressing selects; empty for AUTO. */
    static Optional<IdScheme> of(ObdAddressing addressing) {
        for (IdScheme s : values()) {
            if (s.addressing == addressing) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
