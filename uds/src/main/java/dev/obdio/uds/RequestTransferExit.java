package dev.obdio.uds;

import java.util.Arrays;

/** RequestTransferExit (0x37): ends a download or upload. */
public final class RequestTransferExit {

    private RequestTransferExit() {
    }

    /**
     * {@code 37 [transferRequestParameterRecord]}.
     *
     * @param parameterRecord manufacturer data, usually empty (e.g. a checksum; copied in and out)
     */
    public record Request(byte[] parameterRecord) implements UdsRequest<Response> {
        /** Copies the record. */
        public Request {
            parameterRecord = Checks.copy("parameterRecord", parameterRecord);
        }

        /** A request without parameters. */
        public Request() {
            this(new byte[0]);
        }

        @Override
        public byte[] parameterRecord() {
            return parameterRecord.clone();
        }

        @Override
        public int serviceId() {
            return UdsService.REQUEST_TRANSFER_EXIT.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).bytes(parameterRecord).toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            return new Response(new ResponseReader(response, serviceId()).rest());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && Arrays.equals(r.parameterRecord, parameterRecord);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parameterRecord);
        }

        @Override
        public String toString() {
            return "RequestTransferExit.Request[" + Hex.format(parameterRecord) + "]";
        }
    }

    /**
     * The positive response.
     *
     * @param parameterRecord transferResponseParameterRecord (copied in and out)
     */
    public record Response(byte[] parameterRecord) {
        /** Copies the record. */
        public Response {
            parameterRecord = Checks.copy("parameterRecord", parameterRecord);
        }

        @Override
        public byte[] parameterRecord() {
            return parameterRecord.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && Arrays.equals(r.parameterRecord, parameterRecord);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parameterRecord);
        }

        @Override
        public String toString() {
            return "RequestTransferExit.Response[" + Hex.format(parameterRecord) + "]";
        }
    }
}
