package dev.obdio.uds;

import java.util.Arrays;

/** WriteDataByIdentifier (0x2E): writes one DID's value. */
public final class WriteDataByIdentifier {

    private WriteDataByIdentifier() {
    }

    /**
     * {@code 2E DID data…}.
     *
     * @param did  the data identifier
     * @param data the value (at least one byte; copied in and out)
     */
    public record Request(int did, byte[] data) implements UdsRequest<Response> {
        /** Validates and copies. */
        public Request {
            Checks.did("did", did);
            data = Checks.copy("data", data);
            if (data.length == 0) {
                throw new IllegalArgumentException("data: a value needs at least one byte");
            }
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int serviceId() {
            return UdsService.WRITE_DATA_BY_IDENTIFIER.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).u16(did).bytes(data).toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            return new Response(new ResponseReader(response, serviceId()).echo16(did, "dataIdentifier"));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.did == did && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return did * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("WriteDataByIdentifier.Request[did=%04X, data=%s]", did, Hex.format(data));
        }
    }

    /**
     * The positive response.
     *
     * @param did the DID written
     */
    public record Response(int did) {
    }
}
