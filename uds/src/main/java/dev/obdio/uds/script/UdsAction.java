package dev.obdio.uds.script;

import dev.obdio.uds.Addressing;
import dev.obdio.uds.DiagnosticSessionControl;
import dev.obdio.uds.Dtc;
import dev.obdio.uds.EcuReset;
import dev.obdio.uds.RoutineControl;
import dev.obdio.uds.UdsService;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One command of the CLI and of scripts ({@code session extended}, {@code read F190},
 * {@code raw 22 F1 90}, …), as a value. {@link UdsActionRunner} runs it.
 */
public sealed interface UdsAction {

    /** The command as typed, for logs. */
    String command();

    /**
     * Whether the command changes the vehicle (writes, resets, routines, DTC clearing, and raw
     * requests of such services), so it needs {@code --allow-write}.
     */
    boolean changesVehicle();

    /**
     * {@code session default|extended|programming|safety|N [--functional] [--suppress]}.
     *
     * @param session    the session
     * @param addressing physical, or functional (every ECU)
     * @param suppress   suppress the positive response
     */
    record Session(int session, Addressing addressing, boolean suppress) implements UdsAction {
        @Override
        public String command() {
            return "session " + word(session, DiagnosticSessionControl.nameOf(session))
                    + (addressing == Addressing.FUNCTIONAL ? " --functional" : "") + (suppress ? " --suppress" : "");
        }

        @Override
        public boolean changesVehicle() {
            return false;
        }
    }

    /**
     * {@code reset hard|soft|key-off-on|N}.
     *
     * @param resetType the reset type
     */
    record Reset(int resetType) implements UdsAction {
        @Override
        public String command() {
            return "reset " + word(resetType, EcuReset.nameOf(resetType));
        }

        @Override
        public boolean changesVehicle() {
            return true;
        }
    }

    /**
     * {@code read DID…}.
     *
     * @param dids the DIDs, read in one request
     */
    record Read(List<Integer> dids) implements UdsAction {
        /** Copies the list. */
        public Read {
            dids = List.copyOf(dids);
        }

        @Override
        public String command() {
            return "read " + dids.stream().map(d -> String.format("%04X", d)).collect(Collectors.joining(" "));
        }

        @Override
        public boolean changesVehicle() {
            return false;
        }
    }

    /** The value of a {@code write}. */
    sealed interface WriteValue {
        /**
         * Text for the DID's codec ({@code WVWZZZ1JZXW000001}, {@code 650}); unquoted text that
         * starts with {@code 0x} is hex.
         *
         * @param text   the text
         * @param quoted whether it was quoted (then never hex)
         */
        record CodecText(String text, boolean quoted) implements WriteValue {
            @Override
            public String toString() {
                return quoted ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : text;
            }
        }

        /**
         * Bytes, with variables.
         *
         * @param pattern the bytes
         */
        record Bytes(BytePattern pattern) implements WriteValue {
            @Override
            public String toString() {
                return pattern.toString();
            }
        }
    }

    /**
     * {@code write DID VALUE}.
     *
     * @param did   the DID
     * @param value its value
     */
    record Write(int did, WriteValue value) implements UdsAction {
        @Override
        public String command() {
            return String.format("write %04X %s", did, value);
        }

        @Override
        public boolean changesVehicle() {
            return true;
        }
    }

    /**
     * {@code security LEVEL [--key-algo SPEC]}.
     *
     * @param level        the odd seed level
     * @param keyAlgorithm the algorithm by name, or empty for the script's / client's
     */
    record Security(int level, Optional<String> keyAlgorithm) implements UdsAction {
        @Override
        public String command() {
            return String.format("security %d", level) + keyAlgorithm.map(a -> " --key-algo " + a).orElse("");
        }

        @Override
        public boolean changesVehicle() {
            return false;
        }
    }

    /** What a {@code dtc} command asks. */
    enum DtcReport {
        /** 0x19 0x02 (the default). */
        BY_STATUS_MASK,
        /** 0x19 0x01 ({@code --count}). */
        COUNT,
        /** 0x19 0x0A ({@code --supported}). */
        SUPPORTED,
        /** 0x19 0x03 ({@code --snapshot-ids}). */
        SNAPSHOT_IDS,
        /** 0x19 0x04 ({@code --snapshot DTC}). */
        SNAPSHOTS,
        /** 0x19 0x06 ({@code --extended DTC}). */
        EXTENDED_DATA
    }

    /**
     * {@code dtc [--mask HEX] [--count|--supported|--snapshot-ids|--snapshot DTC|--extended DTC] [--record HEX]}.
     *
     * @param report       what to ask
     * @param statusMask   the status mask (BY_STATUS_MASK, COUNT)
     * @param dtc          the DTC (SNAPSHOTS, EXTENDED_DATA)
     * @param recordNumber the record (SNAPSHOTS, EXTENDED_DATA; 0xFF all)
     */
    record Dtcs(DtcReport report, int statusMask, Optional<Dtc> dtc, int recordNumber) implements UdsAction {
        @Override
        public String command() {
            return switch (report) {
                case BY_STATUS_MASK -> String.format("dtc --mask %02X", statusMask);
                case COUNT -> String.format("dtc --count --mask %02X", statusMask);
                case SUPPORTED -> "dtc --supported";
                case SNAPSHOT_IDS -> "dtc --snapshot-ids";
                case SNAPSHOTS -> String.format("dtc --snapshot %s --record %02X", dtc.orElseThrow(), recordNumber);
                case EXTENDED_DATA -> String.format("dtc --extended %s --record %02X", dtc.orElseThrow(), recordNumber);
            };
        }

        @Override
        public boolean changesVehicle() {
            return false;
        }
    }

    /**
     * {@code clear-dtc [GROUP]}.
     *
     * @param group the DTC group (0xFFFFFF all)
     */
    record ClearDtcs(int group) implements UdsAction {
        @Override
        public String command() {
            return String.format("clear-dtc %06X", group);
        }

        @Override
        public boolean changesVehicle() {
            return true;
        }
    }

    /**
     * {@code routine start|stop|result ID [DATA]}.
     *
     * @param controlType start, stop or result
     * @param routineId   the routine
     * @param data        the option record
     */
    record Routine(int controlType, int routineId, BytePattern data) implements UdsAction {
        @Override
        public String command() {
            String type = switch (controlType) {
                case RoutineControl.START -> "start";
                case RoutineControl.STOP -> "stop";
                default -> "result";
            };
            String d = data.toString();
            return String.format("routine %s %04X", type, routineId) + (d.isEmpty() ? "" : " " + d);
        }

        @Override
        public boolean changesVehicle() {
            return true;
        }
    }

    /** {@code tester-present}: {@code 3E 00}, answered by {@code 7E 00}. */
    record TesterPresent() implements UdsAction {
        @Override
        public String command() {
            return "tester-present";
        }

        @Override
        public boolean changesVehicle() {
            return false;
        }
    }

    /**
     * {@code raw HEX… [--functional]}, or a script line of hex.
     *
     * @param bytes      the request
     * @param addressing physical or functional
     */
    record Raw(BytePattern bytes, Addressing addressing) implements UdsAction {
        @Override
        public String command() {
            return "raw " + bytes + (addressing == Addressing.FUNCTIONAL ? " --functional" : "");
        }

        /** By the service identifier; services obdio does not know and requests starting with a variable count as changing. */
        @Override
        public boolean changesVehicle() {
            if (!bytes.parts().isEmpty() && bytes.parts().get(0) instanceof BytePattern.Literal l && l.bytes().length > 0) {
                return UdsService.byId(l.bytes()[0] & 0xFF).map(UdsService::changesVehicle).orElse(true);
            }
            return true;
        }
    }

    private static String word(int value, String isoName) {
        return String.format("0x%02X", value) + " (" + isoName + ")";
    }
}
