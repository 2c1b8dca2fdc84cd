package dev.obdio.cli;

import dev.obdio.obd.ObdAddressing;
import dev.obdio.obd.ObdOptions;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How {@code obdio obd BUS …} commands talk to the vehicle: the options of {@link ObdOptions}. */
final class ObdConnectOptions {

    @Option(names = "--ids", paramLabel = "auto|11|29", defaultValue = "auto",
            description = "CAN identifiers: 11-bit (0x7DF/0x7E8), 29-bit (0x18DB33F1/0x18DAF1xx), or try both "
                    + "(default: ${DEFAULT-VALUE})")
    String ids;

    @Option(names = "--bitrate", paramLabel = "BPS", defaultValue = "500000",
            description = "the bus bit rate, 500000 or 250000, for the protocol name (default: ${DEFAULT-VALUE})")
    int bitrate;

    @Option(names = "--p2", paramLabel = "MS", defaultValue = "50",
            description = "how long an ECU has to start answering, in ms (default: ${DEFAULT-VALUE}, ISO 15765-4)")
    long p2Millis;

    @Option(names = "--ecu", paramLabel = "ID",
            description = "ask only this ECU, physically: the hex id it answers on (7E8, 18DAF110)")
    String ecu;

    /** The options, or an {@link IllegalArgumentException} naming the bad one. */
    ObdOptions toOptions() {
        ObdOptions o = ObdOptions.DEFAULTS.withAddressing(switch (ids.toLowerCase(Locale.ROOT)) {
            case "auto" -> ObdAddressing.AUTO;
            case "11" -> ObdAddressing.CAN_11_BIT;
            case "29" -> ObdAddressing.CAN_29_BIT;
            default -> throw new IllegalArgumentException("--ids must be auto, 11 or 29, not '" + ids + "'");
        });
        o = o.withBitrate(bitrate).withP2(Duration.ofMillis(p2Millis));
        if (ecu != null) {
            int id;
            try {
                id = Integer.parseUnsignedInt(ecu.startsWith("0x") || ecu.startsWith("0X") ? ecu.substring(2) : ecu, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--ecu takes the hex id an ECU answers on (7E8, 18DAF110), not '"
                        + ecu + "'");
            }
            o = o.withPhysicalEcu(id);
        }
        return o;
    }
}
