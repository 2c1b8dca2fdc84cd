package dev.obdio.uds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DID codecs, their text form, the codec registry, and the security key algorithms. */
class CodecsAndKeysTest {

    @Test
    void asciiCodec() {
        DidCodec vin = DidCodecs.STANDARD.codecFor(0xF190);
        assertThat(vin.length()).hasValue(17);
        assertThat(vin.describe()).isEqualTo("ascii:17");
        assertThat(vin.decode("WVWZZZ1JZXW000001".getBytes()).display()).isEqualTo("WVWZZZ1JZXW000001");
        assertThat(DidCodec.ascii().decode(Hex.parse("41 42 01 43 00 00 FF 20"))).isEqualTo(new DidData.Text("AB.C"));
        assertThat(vin.encode("WVWZZZ1JZXW000001")).hasSize(17);
        assertThatThrownBy(() -> vin.encode("WVW")).hasMessageContaining("needs exactly 17 characters, got 3");
        assertThatThrownBy(() -> DidCodec.ascii().encode("ä")).hasMessageContaining("not printable ASCII");
    }

    @Test
    void numericCodecs() {
        DidCodec temp = DidCodec.parse("u8,scale=1,offset=-40,unit=degC");
        assertThat(temp.decode(new byte[] {(byte) 0x5A}).display()).isEqualTo("50 degC");
        assertThat(temp.encode("50")).containsExactly(0x5A);
        assertThat(temp.encode("50 degC")).containsExactly(0x5A);
        assertThatThrownBy(() -> temp.encode("-41")).hasMessageContaining("out of range -40 degC .. 215 degC");
        assertThatThrownBy(() -> temp.encode("hot")).hasMessageContaining("is not a number");
        DidCodec speed = DidCodec.parse("u16,scale=0.1,unit=km/h");
        assertThat(speed.decode(Hex.parse("0007")).display()).isEqualTo("0.7 km/h");
        assertThat(speed.encode("123.4")).containsExactly(0x04, 0xD2);
        assertThat(speed.describe()).isEqualTo("u16,scale=0.1,unit=km/h");
        DidCodec signed = DidCodec.parse("s16");
        assertThat(signed.decode(Hex.parse("FFFE")).display()).isEqualTo("-2");
        assertThat(signed.encode("-2")).containsExactly(0xFF, 0xFE);
        assertThatThrownBy(() -> signed.encode("32768")).hasMessageContaining("out of range -32768 .. 32767");
        DidCodec u64 = DidCodec.parse("u64");
        assertThat(((DidData.Numeric) u64.decode(Hex.parse("FFFFFFFFFFFFFFFF"))).value()).isEqualTo(18446744073709551615d);
        assertThatThrownBy(() -> DidCodec.unsigned(2).decode(new byte[1])).hasMessageContaining("needs 2 bytes");
    }

    @Test
    void numericCodecsRoundTripRandomValues() {
        long seed = 20240613L;
        System.out.println("numericCodecsRoundTripRandomValues seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            int bytes = 1 + random.nextInt(4);
            boolean signed = random.nextBoolean();
            DidCodec codec = signed ? DidCodec.signed(bytes, 0.5, 10, "") : DidCodec.unsigned(bytes, 0.5, 10, "");
            byte[] raw = new byte[bytes];
            random.nextBytes(raw);
            DidData.Numeric value = (DidData.Numeric) codec.decode(raw);
            assertThat(codec.encode(value.valueText())).as("%s %s", codec.describe(), Hex.format(raw)).isEqualTo(raw);
        }
    }

    @Test
    void rawAndCustomCodecs() {
        assertThat(DidCodec.parse("raw:3").encode("01 02 03")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> DidCodec.parse("raw:3").encode("01")).hasMessageContaining("exactly 3 bytes");
        assertThat(DidCodec.raw().decode(Hex.parse("AB")).display()).isEqualTo("AB");
        DidCodec bcd = DidCodec.custom(OptionalInt.of(3), raw -> new DidData.Text("20" + Hex.compact(raw)),
                text -> Hex.parse(text.substring(2)), "bcd-date");
        assertThat(bcd.decode(Hex.parse("230612")).display()).isEqualTo("20230612");
        assertThat(bcd.encode("20240101")).containsExactly(0x24, 0x01, 0x01);
        assertThat(bcd.describe()).isEqualTo("bcd-date");
    }

    @Test
    void codecTextErrors() {
        assertThatThrownBy(() -> DidCodec.parse("")).hasMessageContaining("empty codec");
        assertThatThrownBy(() -> DidCodec.parse("u12")).hasMessageContaining("multiples of 8 bits");
        assertThatThrownBy(() -> DidCodec.parse("ascii:0")).hasMessageContaining("length \"0\" must be 1..65535");
        assertThatThrownBy(() -> DidCodec.parse("ascii,unit=x")).hasMessageContaining("takes no options");
        assertThatThrownBy(() -> DidCodec.parse("u8,gain=2")).hasMessageContaining("unknown option \"gain=2\"");
        assertThatThrownBy(() -> DidCodec.parse("u8,scale=0")).hasMessageContaining("other than 0");
        assertThatThrownBy(() -> DidCodec.parse("u8,scale=abc")).hasMessageContaining("scale \"abc\" is not a number");
    }

    @Test
    void registry() {
        assertThat(DidCodecs.STANDARD.nameOf(0xF190)).contains("VIN");
        assertThat(DidCodecs.STANDARD.codecFor(0xF18C).textual()).isTrue();
        assertThat(DidCodecs.STANDARD.codecFor(0x1234).describe()).isEqualTo("raw");
        DidCodecs mine = DidCodecs.STANDARD.with(0x0110, "idle rpm", DidCodec.unsigned(2, 1, 0, "rpm"));
        assertThat(mine.nameOf(0x0110)).contains("idle rpm");
        assertThat(mine.decode(0x0110, Hex.parse("028A")).toString()).isEqualTo("0110 = 650 rpm");
        assertThat(DidCodecs.STANDARD.find(0x0110)).isEmpty();
        assertThatThrownBy(() -> DidCodecs.NONE.with(0x10000, DidCodec.raw())).isInstanceOf(IllegalArgumentException.class);
        // F180..F19F all known.
        for (int did = 0xF180; did <= 0xF19F; did++) {
            assertThat(DidCodecs.STANDARD.nameOf(did)).as("%04X", did).isPresent();
        }
    }

    @Test
    void simulatorAlgorithmMatchesItsDocumentedExample() {
        assertThat(ObdioXorRotateAdd.key(0x11223344L, new ObdioXorRotateAdd.Secret(0x5A3C96E1L, 7))).isEqualTo(0xE98F6986L);
        SecurityKeyAlgorithm algo = SecurityKeyAlgorithms.byName("obdio-xor-rotate-add:secret=5A3C96E1,rotate=7");
        assertThat(algo.key(1, Hex.parse("11223344"))).containsExactly(Hex.parse("E98F6986"));
        SecurityKeyAlgorithm perLevel = SecurityKeyAlgorithms.byName("obdio-xor-rotate-add:1=5A3C96E1/7,3=C3E1F00D/13");
        assertThat(perLevel.key(1, Hex.parse("11223344"))).containsExactly(Hex.parse("E98F6986"));
        assertThat(perLevel.key(3, Hex.parse("11223344"))).isNotEqualTo(Hex.parse("E98F6986"));
        assertThatThrownBy(() -> perLevel.key(5, Hex.parse("11223344"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no secret for level 0x05");
        assertThatThrownBy(() -> algo.key(1, Hex.parse("1122"))).hasMessageContaining("needs a 4-byte seed");
        assertThat(ObdioXorRotateAdd.of(0x5A3C96E1L, 7)).isEqualTo(new ObdioXorRotateAdd(
                Optional.of(new ObdioXorRotateAdd.Secret(0x5A3C96E1L, 7)), Map.of()));
    }

    @Test
    void registryOfAlgorithms() {
        assertThat(SecurityKeyAlgorithms.names()).contains("none", "xor", "obdio-xor-rotate-add");
        assertThat(SecurityKeyAlgorithms.byName("xor:FF00").key(1, Hex.parse("12345678"))).containsExactly(Hex.parse("ED34A978"));
        assertThat(SecurityKeyAlgorithms.byName("none")).isSameAs(SecurityKeyAlgorithms.NO_ALGORITHM);
        assertThatThrownBy(() -> SecurityKeyAlgorithms.byName("rot13")).hasMessageContaining("unknown key algorithm \"rot13\"")
                .hasMessageContaining("none, obdio-xor-rotate-add");
        assertThatThrownBy(() -> SecurityKeyAlgorithms.byName("xor")).hasMessageContaining("give the constant in hex");
        assertThatThrownBy(() -> SecurityKeyAlgorithms.byName("obdio-xor-rotate-add:secret=1")).hasMessageContaining("together");
        assertThatThrownBy(() -> SecurityKeyAlgorithms.byName("obdio-xor-rotate-add:secret=1,rotate=32"))
                .hasMessageContaining("rotate \"32\" must be 1..31");
        SecurityKeyAlgorithms.register(new SecurityKeyAlgorithms.Provider() {
            @Override
            public String name() {
                return "test-invert";
            }

            @Override
            public String help() {
                return "inverts the seed";
            }

            @Override
            public SecurityKeyAlgorithm create(String parameters) {
                return (level, seed) -> {
                    byte[] k = seed.clone();
                    for (int i = 0; i < k.length; i++) {
                        k[i] = (byte) ~k[i];
                    }
                    return k;
                };
            }
        });
        assertThat(SecurityKeyAlgorithms.byName("test-invert").key(1, Hex.parse("00FF"))).containsExactly(0xFF, 0x00);
        assertThat(SecurityKeyAlgorithms.help()).containsKey("test-invert");
        assertThatThrownBy(() -> SecurityKeyAlgorithms.register(new SecurityKeyAlgorithms.Provider() {
            @Override
            public String name() {
                return "Bad Name";
            }

            @Override
            public String help() {
                return "";
            }

            @Override
            public SecurityKeyAlgorithm create(String parameters) {
                return SecurityKeyAlgorithms.NO_ALGORITHM;
            }
        })).hasMessageContaining("lower-case");
    }

    @Test
    void configValidation() {
        assertThatThrownBy(() -> UdsClientConfig.DEFAULTS.withP2(java.time.Duration.ofMillis(-1))).hasMessageContaining("p2");
        assertThatThrownBy(() -> UdsClientConfig.DEFAULTS.withOverallTimeout(java.time.Duration.ZERO))
                .hasMessageContaining("overallTimeout must be positive");
        assertThatThrownBy(() -> UdsClientConfig.DEFAULTS.withDtcExtendedDataSizes(Map.of(0, 1)))
                .hasMessageContaining("extended data record number");
        UdsClientConfig c = UdsClientConfig.DEFAULTS.withKeyAlgorithm("xor:01");
        assertThat(c.keyAlgorithm().key(1, new byte[] {1})).containsExactly(0);
        assertThat(UdsClientConfig.DEFAULTS.timing()).isEqualTo(SessionTiming.DEFAULTS);
    }
}
