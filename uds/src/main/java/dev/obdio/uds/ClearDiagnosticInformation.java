package dev.obdio.uds;

import java.util.OptionalInt;

/** ClearDiagnosticInformation (0x14): clears the DTCs of a group (0xFFFFFF: all). */
public final class ClearDiagnosticInformation {
    /** The group of all DTCs. */
    public static final int ALL_GROUPS = 0xFFFFFF;

    private ClearDiagnosticInformation() {
    }

    /**
     * {@code 14 group(3) [memorySelection]}.
     *
     * @param group           the DTC group, 0..0xFFFFFF
     * @param memorySelection the user-defined memory to clear (ISO 14229-1:2020), or empty
     */
    public record Request(int group, OptionalInt memorySelection) implements UdsRequest<Response> {
        /** Validates the fields. */
        public Request {
            Checks.range("group", group, 0, 0xFFFFFF);
            Checks.notNull("memorySelection", memorySelection);
            memorySelection.ifPresent(m -> Checks.byteValue("memorySelection", m));
        }

        /** A request for a group in the server's primary memory. */
        public Request(int group) {
            this(group, OptionalInt.empty());
        }

        @Override
        public int serviceId() {
            return UdsService.CLEAR_DIAGNOSTIC_INFORMATION.id();
        }

        @Override
        public byte[] encode() {
            RequestWriter out = new RequestWriter(serviceId()).u24(group);
            memorySelection.ifPresent(out::u8);
            return out.toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            return new Response(group);
        }
    }

    /**
     * The positive response ({@code 54}, no parameters).
     *
     * @param group the group that was cleared
     */
    public record Response(int group) {
    }
}
