package dev.obdio.uds;

import java.util.Arrays;

/**
 * Any request as bytes, for services without a typed request. Its "parsed" response is the
 * response itself. Bit 7 of the second byte suppresses the positive response when the
 * service (by {@link UdsService}) has a sub-function.
 *
 * @param bytes the request, service identifier first
 */
public record RawRequest(byte[] bytes) implements UdsRequest<UdsResponse> {

    /** Validates and copies. */
    public RawRequest {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("a request needs at least its service identifier");
        }
        bytes = bytes.clone();
    }

    /** A request from hex text ({@code 22 F1 90}). */
    public static RawRequest ofHex(String hex) {
        return new RawRequest(Hex.parse(hex));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public int serviceId() {
        return bytes[0] & 0xFF;
    }

    @Override
    public byte[] encode() {
        return bytes.clone();
    }

    @Override
    public boolean suppressPositiveResponse() {
        return UdsService.suppressesPositiveResponse(bytes);
    }

    @Override
    public UdsResponse parse(UdsResponse response, UdsClientConfig config) {
        return response;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRequest r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawRequest[" + Hex.format(bytes) + "]";
    }
}
