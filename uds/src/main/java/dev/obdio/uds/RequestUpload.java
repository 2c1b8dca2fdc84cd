package dev.obdio.uds;

/**
 * RequestUpload (0x35): announces a transfer from the server's memory; the answer is shaped as
 * RequestDownload's. {@link UdsClient#upload} runs the whole 0x35/0x36/0x37 sequence.
 */
public final class RequestUpload {

    private RequestUpload() {
    }

    /**
     * {@code 35 dataFormatIdentifier ALFID address size}.
     *
     * @param dataFormat the dataFormatIdentifier (0x00: no compression or encryption)
     * @param location   where the data is and how long it is
     */
    public record Request(int dataFormat, MemoryLocation location) implements UdsRequest<Response> {
        /** Validates the fields. */
        public Request {
            Checks.byteValue("dataFormat", dataFormat);
            Checks.notNull("location", location);
        }

        @Override
        public int serviceId() {
            return UdsService.REQUEST_UPLOAD.id();
        }

        @Override
        public byte[] encode() {
            RequestWriter out = new RequestWriter(serviceId()).u8(dataFormat);
            location.writeWithFormat(out);
            return out.toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            return new Response(RequestDownload.parseMaxBlockLength(response, serviceId()));
        }
    }

    /**
     * The positive response.
     *
     * @param maxBlockLength the longest TransferData response the server sends, SID and counter included
     */
    public record Response(long maxBlockLength) {
    }
}
