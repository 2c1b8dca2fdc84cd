package dev.obdio.uds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * ECUReset (0x11). After a positive answer the server restarts in the default session, so the
 * client stops its keep-alive and falls back to the configured P2/P2*.
 */
public final class EcuReset {
    /** 0x01 hardReset. */
    public static final int HARD = 0x01;
    /** 0x02 keyOffOnReset. */
    public static final int KEY_OFF_ON = 0x02;
    /** 0x03 softReset. */
    public static final int SOFT = 0x03;
    /** 0x04 enableRapidPowerShutDown: the response carries the power-down time. */
    public static final int ENABLE_RAPID_POWER_SHUTDOWN = 0x04;
    /** 0x05 disableRapidPowerShutDown. */
    public static final int DISABLE_RAPID_POWER_SHUTDOWN = 0x05;

    private static final Map<String, Integer> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("hard", HARD);
        WORDS.put("key-off-on", KEY_OFF_ON);
        WORDS.put("soft", SOFT);
        WORDS.put("enable-rapid-power-shutdown", ENABLE_RAPID_POWER_SHUTDOWN);
        WORDS.put("disable-rapid-power-shutdown", DISABLE_RAPID_POWER_SHUTDOWN);
    }

    private EcuReset() {
    }

    /** A reset type from {@code hard}, {@code key-off-on}, {@code soft}, … or a number. */
    public static int parseType(String text) {
        return SubFunctions.parse("reset type", text, WORDS);
    }

    /** The ISO name of a reset type. */
    public static String nameOf(int type) {
        return switch (type) {
            case HARD -> "hardReset";
            case KEY_OFF_ON -> "keyOffOnReset";
            case SOFT -> "softReset";
            case ENABLE_RAPID_POWER_SHUTDOWN -> "enableRapidPowerShutDown";
            case DISABLE_RAPID_POWER_SHUTDOWN -> "disableRapidPowerShutDown";
            default -> type >= 0x40 && type <= 0x5F ? "vehicleManufacturerSpecific"
                    : type >= 0x60 && type <= 0x7E ? "systemSupplierSpecific" : "ISOSAEReserved";
        };
    }

    /**
     * {@code 11 type}.
     *
     * @param resetType                the reset type, 0x01..0x7F
     * @param suppressPositiveResponse set bit 7
     */
    public record Request(int resetType, boolean suppressPositiveResponse) implements UdsRequest<Response> {
        /** Validates the type. */
        public Request {
            SubFunctions.check("resetType", resetType, false);
        }

        /** A request that wants the positive response. */
        public Request(int resetType) {
            this(resetType, false);
        }

        @Override
        public int serviceId() {
            return UdsService.ECU_RESET.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).u8(SubFunctions.withSuppress(resetType, suppressPositiveResponse))
                    .toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = new ResponseReader(response, serviceId());
            int type = in.echo(resetType, "resetType");
            if (type == ENABLE_RAPID_POWER_SHUTDOWN) {
                return new Response(type, OptionalInt.of(in.u8("powerDownTime")));
            }
            return new Response(type, OptionalInt.empty());
        }
    }

    /**
     * The positive response.
     *
     * @param resetType     the reset type echoed
     * @param powerDownTime seconds to power-down, for enableRapidPowerShutDown (0xFF: not available)
     */
    public record Response(int resetType, OptionalInt powerDownTime) {
        /** Validates the fields. */
        public Response {
            Checks.notNull("powerDownTime", powerDownTime);
        }
    }
}
