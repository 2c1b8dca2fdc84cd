package dev.obdio.uds;

/**
 * TesterPresent (0x3E): tells the server a tester is still there, so a non-default session does
 * not time out (S3). {@code 3E 80} (suppressed response) is what the client's keep-alive sends.
 */
public final class TesterPresent {

    private TesterPresent() {
    }

    /**
     * {@code 3E 00} or {@code 3E 80}.
     *
     * @param suppressPositiveResponse set bit 7
     */
    public record Request(boolean suppressPositiveResponse) implements UdsRequest<Response> {
        @Override
        public int serviceId() {
            return UdsService.TESTER_PRESENT.id();
        }

        @Override
        public byte[] encode() {
            return new RequestWriter(serviceId()).u8(SubFunctions.withSuppress(0, suppressPositiveResponse)).toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            new ResponseReader(response, serviceId()).echo(0, "zeroSubFunction");
            return new Response();
        }
    }

    /** The positive response {@code 7E 00}. */
    public record Response() {
    }
}
