package dev.obdio.uds;

import java.util.Arrays;

/**
 * TransferData (0x36): one block of a download or upload. The block sequence counter starts at
 * 0x01 and wraps from 0xFF to 0x00.
 */
public final class TransferData {

    private TransferData() {
    }

    /** The counter after {@code counter}: 0x01, 0x02, …, 0xFF, 0x00, 0x01, … */
    public static int nextCounter(int counter) {
        return (counter + 1) & 0xFF;
    }

    /**
     * {@code 36 counter data…}.
     *
     * @param blockSequenceCounter the counter, 0x00..0xFF
     * @param data                 the block (empty when uploading; copied in and out)
     */
    public record Request(int blockSequenceCounter, byte[] data) implements UdsRequest<Response> {
        /** Validates and copies. */
        public Request {
            Checks.byteValue("blockSequenceCounter", blockSequenceCounter);
            data = Checks.copy("data", data);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int serviceId() {
            return UdsService.TRANSFER_DATA.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).u8(blockSequenceCounter).bytes(data).toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            ResponseReader in = new ResponseReader(response, serviceId());
            int counter = in.echo(blockSequenceCounter, "blockSequenceCounter");
            return new Response(counter, in.rest());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.blockSequenceCounter == blockSequenceCounter && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return blockSequenceCounter * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("TransferData.Request[counter=%02X, %d bytes]", blockSequenceCounter, data.length);
        }
    }

    /**
     * The positive response.
     *
     * @param blockSequenceCounter the counter echoed
     * @param data                 transferResponseParameterRecord: the block, when uploading (copied in and out)
     */
    public record Response(int blockSequenceCounter, byte[] data) {
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
            return o instanceof Response r && r.blockSequenceCounter == blockSequenceCounter && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return blockSequenceCounter * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("TransferData.Response[counter=%02X, %d bytes]", blockSequenceCounter, data.length);
        }
    }
}
