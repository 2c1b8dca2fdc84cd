package dev.obdio.uds;

import java.util.Arrays;

/** ReadMemoryByAddress (0x23): reads a memory block. */
public final class ReadMemoryByAddress {

    private ReadMemoryByAddress() {
    }

    /**
     * {@code 23 ALFID address size}.
     *
     * @param location the block
     */
    public record Request(MemoryLocation location) implements UdsRequest<Response> {
        /** Validates the block. */
        public Request {
            Checks.notNull("location", location);
            if (location.size() < 1) {
                throw new IllegalArgumentException("location: the size must be at least 1");
            }
        }

        @Override
        public int serviceId() {
            return UdsService.READ_MEMORY_BY_ADDRESS.id();
        }

        @Override
        public byte[] encode() {
            RequestWriter out = new RequestWriter(serviceId());
            location.writeWithFormat(out);
            return out.toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = new ResponseReader(response, serviceId());
            byte[] data = in.rest();
            if (data.length != location.size()) {
                throw in.malformed(data.length + " bytes of data, " + location.size() + " requested");
            }
            return new Response(data);
        }
    }

    /**
     * The positive response.
     *
     * @param data the memory content (copied in and out)
     */
    public record Response(byte[] data) {
        /** Copies the data. */
        public Response {
            data = Checks.copy("data", data);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "ReadMemoryByAddress.Response[" + Hex.format(data) + "]";
        }
    }
}
