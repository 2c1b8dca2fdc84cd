package dev.obdio.uds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * ReadDataByIdentifier (0x22): one or several DIDs in one request. The response is the DIDs
 * each followed by its value, with no lengths on the wire: the parser takes each value's
 * length from its {@link DidCodec}. A value of variable length runs to the end of the response,
 * or, for text, up to the next requested DID (0x8000 and above, whose first byte is not ASCII).
 *
 * <p>A server may leave out DIDs it does not support as long as it supports one; the response then
 * holds fewer values than requested, in the order they came.
 */
public final class ReadDataByIdentifier {

    private ReadDataByIdentifier() {
    }

    /**
     * {@code 22 DID DID …}.
     *
     * @param dids the DIDs, 1 or more, each once
     */
    public record Request(List<Integer> dids) implements UdsRequest<Response> {
        /** Validates and copies. */
        public Request {
            Checks.notNull("dids", dids);
            if (dids.isEmpty()) {
                throw new IllegalArgumentException("dids: give at least one DID");
            }
            Set<Integer> seen = new HashSet<>();
            for (Integer did : dids) {
                Checks.did("did", Checks.notNull("did", did));
                if (!seen.add(did)) {
                    throw new IllegalArgumentException(String.format("dids: %04X is requested twice", did));
                }
            }
            dids = List.copyOf(dids);
        }

        /** A request for some DIDs. */
        public static Request of(int... dids) {
            List<Integer> list = new ArrayList<>(dids.length);
            for (int d : dids) {
                list.add(d);
            }
            return new Request(list);
        }

        @Override
        public int serviceId() {
            return UdsService.READ_DATA_BY_IDENTIFIER.id();
        }

        @Override
        public byte[] encode() {
            RequestWriter out = new RequestWriter(serviceId());
            dids.forEach(out::u16);
            return out.toBytes();
        }

        @Override
        public Response parse(UdsResponse response, UdsClientConfig config) {
            return ReadDataByIdentifier.parse(response, dids, config.codecs());
        }
    }

    static Response parse(UdsResponse response, List<Integer> requested, DidCodecs codecs) {
        ResponseReader in = new ResponseReader(response, UdsService.READ_DATA_BY_IDENTIFIER.id());
        List<Integer> pending = new ArrayList<>(requested);
        List<DidValue> values = new ArrayList<>();
        if (!in.hasMore()) {
            throw in.malformed("no data identifier in the response");
        }
        while (in.hasMore()) {
            if (in.remaining() < 2) {
                throw in.malformed("1 stray byte after the last value");
            }
            int did = in.u16("dataIdentifier");
            int index = pending.indexOf(did);
            if (index < 0) {
                throw in.unexpected(String.format(requested.contains(did) ? "DID %04X twice" : "DID %04X was not requested", did));
            }
            pending.remove(index);
            DidCodec codec = codecs.codecFor(did);
            int length = valueLength(in, did, codec, pending);
            values.add(codecs.decode(did, in.bytes(length, String.format("value of DID %04X (%s)", did, codec.describe()))));
        }
        return new Response(values);
    }

    /** The length of the value at the reader's position. */
    private static int valueLength(ResponseReader in, int did, DidCodec codec, List<Integer> pending) {
        OptionalInt fixed = codec.length();
        if (fixed.isPresent()) {
            return fixed.getAsInt();
        }
        if (pending.isEmpty()) {
            return in.remaining();
        }
        if (codec.textual()) {
            for (int i = 0; i < in.remaining(); i++) {
                int b = in.peek(i);
                if (b >= 0x80) {
                    if (i + 1 < in.remaining() && pending.contains(b << 8 | in.peek(i + 1))) {
                        return i;
                    }
                    break;
                }
            }
            return in.remaining();
        }
        // Maybe the server left the others out; then this value is the rest.
        for (int i = 0; i + 1 < in.remaining(); i++) {
            if (pending.contains(in.peek(i) << 8 | in.peek(i + 1))) {
                throw in.malformed(String.format("DID %04X has no fixed length (codec %s) and more DIDs follow: "
                        + "configure its length, or read it alone", did, codec.describe()));
            }
        }
        return in.remaining();
    }

    /**
     * The positive response.
     *
     * @param values the values, in the order the server sent them
     */
    public record Response(List<DidValue> values) {
        /** Copies the list. */
        public Response {
            values = List.copyOf(Checks.notNull("values", values));
        }

        /** The value of one DID, if the server sent it. */
        public Optional<DidValue> value(int did) {
            return values.stream().filter(v -> v.did() == did).findFirst();
        }
    }
}
