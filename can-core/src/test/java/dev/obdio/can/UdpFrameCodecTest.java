package dev.obdio.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;
import org.msgpack.value.ValueType;

class UdpFrameCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private final UdpFrameEncoder encoder = new UdpFrameEncoder();
    private final UdpFrameDecoder decoder = new UdpFrameDecoder();

    private CanFrame decode(byte[] datagram) throws UdpMalformedDatagramException {
        return decoder.decode(datagram, 0, datagram.length);
    }

    private CanFrame decode(Map<String, ?> map) throws UdpMalformedDatagramException {
        return decode(UdpTestDatagrams.pack(map));
    }

    /** Datagrams written by python-can 4.1.0's pack_message (msgpack 1.0.3), byte for byte. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Message(arbitration_id=0x123, is_extended_id=False, data=[1, 2, 3])
            "8ba974696d657374616d70cb0000000000000000ae6172626974726174696f6e5f6964cd0123ae69735f657874656e6465645f6964c2"
                    + "af69735f72656d6f74655f6672616d65c2ae69735f6572726f725f6672616d65c2a76368616e6e656cc0a3646c6303a464617461"
                    + "c403010203a569735f6664c2ae626974726174655f737769746368c2b56572726f725f73746174655f696e64696361746f72c2"
                    + "| CanFrame[123 [3] 010203]",
            // Message(arbitration_id=0x123, is_remote_frame=True, dlc=4): extended by python-can's default
            "8ba974696d657374616d70cb0000000000000000ae6172626974726174696f6e5f6964cd0123ae69735f657874656e6465645f6964c3"
                    + "af69735f72656d6f74655f6672616d65c3ae69735f6572726f725f6672616d65c2a76368616e6e656cc0a3646c6304a464617461"
                    + "c400a569735f6664c2ae626974726174655f737769746368c2b56572726f725f73746174655f696e64696361746f72c2"
                    + "| CanFrame[00000123 remote len=4]",
            // Message(arbitration_id=0x1abcdef, is_fd=True, bitrate_switch=True, data=bytes(range(12)))
            "8ba974696d657374616d70cb0000000000000000ae6172626974726174696f6e5f6964ce01abcdefae69735f657874656e6465645f6964c3"
                    + "af69735f72656d6f74655f6672616d65c2ae69735f6572726f725f6672616d65c2a76368616e6e656cc0a3646c630ca464617461"
                    + "c40c000102030405060708090a0ba569735f6664c3ae626974726174655f737769746368c3b56572726f725f73746174655f696e"
                    + "64696361746f72c2| CanFrame[01ABCDEF fd brs [12] 000102030405060708090A0B]",
            // Message(arbitration_id=0x4, is_error_frame=True, is_extended_id=False, data=bytes(8))
            "8ba974696d657374616d70cb0000000000000000ae6172626974726174696f6e5f696404ae69735f657874656e6465645f6964c2"
                    + "af69735f72656d6f74655f6672616d65c2ae69735f6572726f725f6672616d65c3a76368616e6e656cc0a3646c6308a464617461"
                    + "c4080000000000000000a569735f6664c2ae626974726174655f737769746368c2b56572726f725f73746174655f696e64696361"
                    + "746f72c2| CanFrame[00000004 error [8] 0000000000000000]",
    })
    void decodesPythonCanDatagrams(String hex, String frame) throws Exception {
        assertThat(decode(HEX.parseHex(hex))).hasToString(frame);
    }

    @Test
    void encodesExactlyWhatPythonCanWrites() {
        // The first vector above, except for the timestamp python-can left at 0.0.
        byte[] ours = encoder.encode(CanFrame.of(0x123, (byte) 1, (byte) 2, (byte) 3), 0);
        assertThat(HEX.formatHex(ours)).isEqualTo(
                "8ba974696d657374616d70cb0000000000000000ae6172626974726174696f6e5f6964cd0123ae69735f657874656e6465645f6964c2"
                        + "af69735f72656d6f74655f6672616d65c2ae69735f6572726f725f6672616d65c2a76368616e6e656cc0a3646c6303a464617461"
                        + "c403010203a569735f6664c2ae626974726174655f737769746368c2b56572726f725f73746174655f696e64696361746f72c2");
    }

    @Test
    void encodesTheTimestampAsFloatSecondsAndDataAsBin() throws IOException {
        long nanos = 1_700_000_000_123_456_789L;
        Map<String, Value> m = unpack(encoder.encode(CanFrame.fd(0x7E8, false, false, true, new byte[64]), nanos));
        assertThat(m.keySet()).containsExactly(UdpWireFormat.KEYS);
        assertThat(m.get("timestamp").getValueType()).isEqualTo(ValueType.FLOAT);
        assertThat(m.get("timestamp").asFloatValue().toDouble()).isCloseTo(1_700_000_000.123456789, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(m.get("data").getValueType()).isEqualTo(ValueType.BINARY);
        assertThat(m.get("dlc").asIntegerValue().toInt()).as("python-can's FD dlc is the byte count").isEqualTo(64);
        assertThat(m.get("channel").isNilValue()).isTrue();
        assertThat(m.get("error_state_indicator").asBooleanValue().getBoolean()).isTrue();
    }

    @Test
    void encodesRemoteRequestsWithEmptyDataAndTheLengthInDlc() throws IOException {
        Map<String, Value> m = unpack(encoder.encode(CanFrame.remote(0x7DF, false, 3), 0));
        assertThat(m.get("data").asRawValue().asByteArray()).isEmpty();
        assertThat(m.get("dlc").asIntegerValue().toInt()).isEqualTo(3);
        assertThat(m.get("is_remote_frame").asBooleanValue().getBoolean()).isTrue();
    }

    @Test
    void encodesFieldsPythonCanWouldRejectInAFormItAccepts() throws Exception {
        // python-can's Message(check=True) rejects dlc > 8 for classic frames: the raw DLC is dropped.
        CanFrame len8 = new CanFrame(0x100, false, CanFrame.Kind.DATA, false, false, false, 12, new byte[8]);
        Map<String, Value> m = unpack(encoder.encode(len8, 0));
        assertThat(m.get("dlc").asIntegerValue().toInt()).isEqualTo(8);
        assertThat(decode(encoder.encode(len8, 0))).isEqualTo(CanFrame.of(0x100, new byte[8]));
        // ... and arbitration ids above 0x7FF without is_extended_id: wide error classes go out extended.
        CanFrame wideError = CanFrame.error(0x1000, new byte[8]);
        assertThat(unpack(encoder.encode(wideError, 0)).get("is_extended_id").asBooleanValue().getBoolean()).isTrue();
        assertThat(decode(encoder.encode(wideError, 0))).isEqualTo(wideError);
        assertThat(unpack(encoder.encode(CanFrame.error(0x40, new byte[8]), 0)).get("is_extended_id")
                .asBooleanValue().getBoolean()).isFalse();
    }

    @Test
    void roundTripsRandomFramesOfEveryKind() throws Exception {
        long seed = 20240611L;
        System.out.println("UdpFrameCodecTest seed " + seed);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 5000; i++) {
            CanFrame f = randomFrame(r);
            assertThat(decode(encoder.encode(f, r.nextLong(0, Long.MAX_VALUE)))).as("frame %d: %s", i, f).isEqualTo(f);
        }
    }

    static CanFrame randomFrame(SplittableRandom r) {
        boolean ext = r.nextBoolean();
        int id = r.nextInt(ext ? CanFrame.MAX_EXTENDED_ID + 1 : CanFrame.MAX_STANDARD_ID + 1);
        return switch (r.nextInt(4)) {
            case 0 -> CanFrame.data(id, ext, bytes(r, r.nextInt(9)));
            case 1 -> CanFrame.remote(id, ext, r.nextInt(9));
            case 2 -> CanFrame.error(r.nextInt(CanFrame.MAX_EXTENDED_ID + 1), bytes(r, r.nextInt(9)));
            default -> CanFrame.fd(id, ext, r.nextBoolean(), r.nextBoolean(), bytes(r, Dlc.fdLength(r.nextInt(16))));
        };
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    @Test
    void defaultsMissingKeysAsPythonCanDoes() throws Exception {
        // can.Message(): is_extended_id defaults to True, dlc to len(data).
        assertThat(decode(Map.of("arbitration_id", 0x123))).isEqualTo(CanFrame.extended(0x123));
        assertThat(decode(Map.of("arbitration_id", 0x5, "data", new byte[] {9, 8})))
                .isEqualTo(CanFrame.extended(0x5, (byte) 9, (byte) 8));
        assertThat(decode(Map.of("arbitration_id", 0x5, "is_remote_frame", true, "is_extended_id", false)))
                .isEqualTo(CanFrame.remote(0x5, false, 0));
    }

    @Test
    void ignoresUnknownKeysTimestampAndChannelOfAnyType() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>(UdpTestDatagrams.classic(0x321, (byte) 0xAA));
        m.put("timestamp", "not a number");
        m.put("channel", List.of("can0", 1, Map.of("x", new byte[3])));
        m.put("is_rx", true);
        m.put("future_field", Map.of("nested", List.of(1, 2, List.of(3.5, "x"))));
        m.put("a_key_much_longer_than_any_key_python_can_writes", 7);
        assertThat(decode(m)).isEqualTo(CanFrame.of(0x321, (byte) 0xAA));
    }

    @Test
    void acceptsOtherEncodingsOfTheSameFields() throws Exception {
        // nil booleans are false in Python; data as a raw string or a list of byte values.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arbitration_id", 0x10);
        m.put("is_extended_id", null);
        m.put("is_fd", null);
        m.put("dlc", null);
        m.put("data", List.of(1, 255));
        assertThat(decode(m)).isEqualTo(CanFrame.of(0x10, (byte) 1, (byte) 0xFF));
        m.put("data", "AB");
        assertThat(decode(m)).isEqualTo(CanFrame.of(0x10, (byte) 'A', (byte) 'B'));
        m.put("data", null);
        assertThat(decode(m)).isEqualTo(CanFrame.of(0x10));
        // Duplicate keys: the last wins, as in a Python dict.
        byte[] dup = HEX.parseHex("82" + "ae6172626974726174696f6e5f6964" + "01" + "ae6172626974726174696f6e5f6964" + "02");
        assertThat(decode(dup)).isEqualTo(CanFrame.extended(2));
    }

    @Test
    void keepsAClassicRawDlcAndAcceptsAnFdDlcCode() throws Exception {
        byte[] eight = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(decode(UdpTestDatagrams.pythonMessage(0x100, false, false, false, 13, eight, false, false, false)))
                .isEqualTo(new CanFrame(0x100, false, CanFrame.Kind.DATA, false, false, false, 13, eight));
        assertThat(decode(UdpTestDatagrams.pythonMessage(0x100, false, false, false, 15, new byte[64], true, false, false)))
                .isEqualTo(CanFrame.fd(0x100, false, false, false, new byte[64]));
    }

    @Test
    void padsAnFdPayloadToTheNextFdLength() throws Exception {
        byte[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        CanFrame f = decode(UdpTestDatagrams.pythonMessage(0x100, true, false, false, 10, ten, true, true, false));
        assertThat(f.data()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0);
        assertThat(f.brs()).isTrue();
    }

    private static Map<String, Object> with(Map<String, Object> base, Consumer<Map<String, Object>> change) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        change.accept(m);
        return m;
    }

    @Test
    void rejectsMalformedDatagramsSayingWhy() {
        Map<String, Object> ok = UdpTestDatagrams.classic(0x123, (byte) 1, (byte) 2);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("not a msgpack message", new byte[] {(byte) 0xC1});
        cases.put("key of 9 bytes is longer than the rest of the datagram", new byte[] {(byte) 0x8B, (byte) 0xA9});
        cases.put("not a msgpack message: MessageInsufficientBufferException", new byte[] {(byte) 0x8B});
        cases.put("expected a msgpack map, got array", UdpTestDatagrams.packValue(List.of(1, 2)));
        cases.put("expected a msgpack map, got string", UdpTestDatagrams.packValue("hello"));
        cases.put("expected a msgpack map, got integer", "hello".getBytes());
        cases.put("not a msgpack message", new byte[0]);
        cases.put("a map key is not a string but integer", HEX.parseHex("810102"));
        cases.put("bytes after the message map", concat(UdpTestDatagrams.pack(ok), new byte[] {0}));
        cases.put("no arbitration_id", UdpTestDatagrams.pack(with(ok, m -> m.remove("arbitration_id"))));
        cases.put("arbitration_id must be an integer, got string",
                UdpTestDatagrams.pack(with(ok, m -> m.put("arbitration_id", "0x123"))));
        cases.put("arbitration_id must be an integer, got float",
                UdpTestDatagrams.pack(with(ok, m -> m.put("arbitration_id", 1.0))));
        cases.put("arbitration_id -1 out of range", UdpTestDatagrams.pack(with(ok, m -> m.put("arbitration_id", -1))));
        cases.put("arbitration_id 536870912 out of range",
                UdpTestDatagrams.pack(with(ok, m -> m.put("arbitration_id", 0x20000000))));
        cases.put("not a msgpack message: MessageIntegerOverflowException", HEX.parseHex(
                "81ae6172626974726174696f6e5f6964cfffffffffffffffff"));
        cases.put("arbitration_id 0x800 exceeds 11 bits",
                UdpTestDatagrams.pack(with(ok, m -> m.put("arbitration_id", 0x800))));
        cases.put("is_fd must be a boolean, got integer", UdpTestDatagrams.pack(with(ok, m -> m.put("is_fd", 1))));
        cases.put("is_extended_id must be a boolean, got string",
                UdpTestDatagrams.pack(with(ok, m -> m.put("is_extended_id", "no"))));
        cases.put("data must be bytes, got map", UdpTestDatagrams.pack(with(ok, m -> m.put("data", Map.of()))));
        cases.put("data[1] is not a byte value", UdpTestDatagrams.pack(with(ok, m -> {
            m.put("data", List.of(1, 256));
            m.remove("dlc");
        })));
        cases.put("data has 65 bytes, more than a CAN FD frame's 64",
                UdpTestDatagrams.pack(with(ok, m -> m.put("data", new byte[65]))));
        byte[] dataLast = UdpTestDatagrams.pack(Map.of("data", new byte[] {1, 2}));
        cases.put("data of 2 bytes is longer than the rest", truncate(dataLast, dataLast.length - 1));
        cases.put("dlc 3 does not match the 2 data bytes", UdpTestDatagrams.pack(with(ok, m -> m.put("dlc", 3))));
        cases.put("dlc must be an integer", UdpTestDatagrams.pack(with(ok, m -> m.put("dlc", "2"))));
        cases.put("dlc 65 out of range 0..64", UdpTestDatagrams.pack(with(ok, m -> m.put("dlc", 65))));
        cases.put("classic frame with 9 data bytes", UdpTestDatagrams.pack(with(ok, m -> {
            m.put("data", new byte[9]);
            m.put("dlc", 9);
        })));
        cases.put("BRS and ESI flags need a CAN FD frame",
                UdpTestDatagrams.pack(with(ok, m -> m.put("bitrate_switch", true))));
        cases.put("CAN FD has no remote requests", UdpTestDatagrams.pack(with(ok, m -> {
            m.put("is_fd", true);
            m.put("is_remote_frame", true);
        })));
        cases.put("remote request dlc 9 exceeds 8", UdpTestDatagrams.pack(with(ok, m -> {
            m.put("is_remote_frame", true);
            m.put("dlc", 9);
        })));
        cases.put("both a remote request and an error frame", UdpTestDatagrams.pack(with(ok, m -> {
            m.put("is_error_frame", true);
            m.put("is_remote_frame", true);
        })));
        cases.put("an error frame cannot be CAN FD", UdpTestDatagrams.pack(with(ok, m -> {
            m.put("is_error_frame", true);
            m.put("is_fd", true);
        })));
        cases.put("dlc 12 does not match the 16 data bytes", UdpTestDatagrams.pack(with(ok, m -> {
            m.put("is_fd", true);
            m.put("data", new byte[16]);
            m.put("dlc", 12);
        })));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            try {
                CanFrame f = decode(c.getValue());
                failures.add(c.getKey() + ": decoded as " + f);
            } catch (UdpMalformedDatagramException e) {
                if (!e.getMessage().contains(c.getKey())) {
                    failures.add(c.getKey() + ": wrong reason \"" + e.getMessage() + "\"");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void survivesRandomGarbageAndKeepsWorking() throws Exception {
        long seed = 77L;
        System.out.println("UdpFrameCodecTest garbage seed " + seed);
        SplittableRandom r = new SplittableRandom(seed);
        byte[] valid = encoder.encode(CanFrame.fd(0x1234567, true, true, false, new byte[20]), 1);
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage = r.nextBoolean() ? bytes(r, r.nextInt(300)) : flipBytes(r, valid);
            try {
                decode(garbage);
            } catch (UdpMalformedDatagramException expected) {
                // most are rejected; the point is that nothing else escapes
            }
        }
        assertThat(decode(valid)).isEqualTo(CanFrame.fd(0x1234567, true, true, false, new byte[20]));
        assertThatThrownBy(() -> decode(new byte[] {(byte) 0xC1})).isInstanceOf(UdpMalformedDatagramException.class);
    }

    private static byte[] flipBytes(SplittableRandom r, byte[] valid) {
        byte[] b = valid.clone();
        for (int k = 0; k < 1 + r.nextInt(3); k++) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        return r.nextInt(4) == 0 ? truncate(b, r.nextInt(b.length)) : b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] truncate(byte[] a, int n) {
        return java.util.Arrays.copyOf(a, n);
    }

    private static Map<String, Value> unpack(byte[] datagram) throws IOException {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(datagram)) {
            Map<String, Value> m = new LinkedHashMap<>();
            for (Map.Entry<Value, Value> e : u.unpackValue().asMapValue().entrySet()) {
                m.put(e.getKey().asStringValue().asString(), e.getValue());
            }
            assertThat(u.hasNext()).isFalse();
            return m;
        }
    }
}
