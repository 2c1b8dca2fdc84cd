package dev.obdio.uds;

import java.util.Arrays;

/** WriteMemoryByAddress (0x3D): writes a memory block. */
public final class WriteMemoryByAddress {

    private WriteMemoryByAddress() {
    }

    /**
     * {@code 3D ALFID address size data…}.
     *
     * @param location the block; its size must equal the data's length
     * @param data     the bytes to write (copied in and out)
     */
    public record Request(MemoryLocation location, byte[] data) implements UdsRequest<Response> {
        /** Validates and copies. */
        public Request {
            Checks.notNull("location", location);
            data = Checks.copy("data", data);
            if (data.length == 0 || location.size() != data.length) {
                throw new IllegalArgumentException("location size " + location.size() + " must equal the data length "
                        + data.length + " (at least 1)");
            }
        }

        /** A request for {@code data} at {@code address}, formats picked to fit. */
        public static Request of(long address, byte[] data) {
            return new Request(MemoryLocation.of(address, data.length), data);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int serviceId() {
            return UdsService.WRITE_MEMORY_BY_ADDRESS.id();
        }

        @Override
        public byte[] encode() {
            RequestWriter out = new RequestWriter(serviceId());
            location.writeWithFormat(out);
            return out.bytes(data).toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = new ResponseReader(response, serviceId());
            MemoryLocation echoed = MemoryLocation.read(in);
            if (echoed.address() != location.address() || echoed.size() != location.size()) {
                throw in.unexpected("echo " + echoed + ", requested " + location);
            }
            return new Response(echoed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.location.equals(location) && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return location.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "WriteMemoryByAddress.Request[" + location + ", " + Hex.format(data) + "]";
        }
    }

    /**
     * The positive response.
     *
     * @param location the block the server echoed
     */
    public record Response(MemoryLocation location) {
    }
}
