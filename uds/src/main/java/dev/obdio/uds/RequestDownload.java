package dev.obdio.uds;

/**
 * RequestDownload (0x34): announces a transfer to the server's memory. The server answers with
 * maxNumberOfBlockLength, the longest TransferData request it takes, service identifier and
 * block sequence counter included; its byte count is the high nibble of the
 * lengthFormatIdentifier. {@link UdsClient#download} runs the whole 0x34/0x36/0x37 sequence.
 */
public final class RequestDownload {

    private RequestDownload() {
    }

    /**
     * {@code 34 dataFormatIdentifier ALFID address size}.
     *
     * @param dataFormat the dataFormatIdentifier: high nibble compression, low nibble encryption
     *                   (0x00: neither)
     * @param location   where the data goes and how long it is
     */
    public record Request(int dataFormat, MemoryLocation location) implements UdsRequest<Response> {
        /** Validates the fields. */
        public Request {
            Checks.byteValue("dataFormat", dataFormat);
            Checks.notNull("location", location);
        }

        @Override
        public int serviceId() {
            return UdsService.REQUEST_DOWNLOAD.id();
        }

        @Override
        public byte[] encode() {
            RequestWriter out = new RequestWriter(serviceId()).u8(dataFormat);
            location.writeWithFormat(out);
            return out.toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            return new Response(parseMaxBlockLength(response, serviceId()));
        }
    }

    /** Reads {@code lengthFormatIdentifier maxNumberOfBlockLength}, shared with RequestUpload. */
    static long parseMaxBlockLength(UdsResponse response, int serviceId) {
        ResponseReader in = new ResponseReader(response, serviceId);
        int lfid = in.u8("lengthFormatIdentifier");
        int bytes = lfid >> 4;
        if (bytes < 1 || bytes > 8) {
            throw in.malformed(String.format("lengthFormatIdentifier 0x%02X: maxNumberOfBlockLength must take 1..8 "
                    + "bytes, not %d", lfid, bytes));
        }
        long max = in.unsigned(bytes, "maxNumberOfBlockLength");
        if (max < 3 && max >= 0) {
            throw in.malformed("maxNumberOfBlockLength " + max + " leaves no room for data after SID and block counter");
        }
        return max;
    }

    /**
     * The positive response.
     *
     * @param maxBlockLength maxNumberOfBlockLength: the longest TransferData request, its SID and
     *                       block sequence counter included
     */
    public record Response(long maxBlockLength) {
        /** The most data bytes one TransferData request carries. */
        public long maxDataPerBlock() {
            return maxBlockLength - 2;
        }
    }
}
