package dev.obdio.can.socketcan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class NativeArchTest {
    private static final String PI4_32BIT_CPUINFO = """
            processor	: 0
            model name	: ARMv7 Processor rev 3 (v7l)
            BogoMIPS	: 108.00
            Features	: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt vfpd32 lpae evtstrm crc32
            CPU implementer	: 0x41
            CPU architecture: 7
            """;
    private static final String PI_ZERO_CPUINFO = """
            processor	: 0
            model name	: ARMv6-compatible processor rev 7 (v6l)
            CPU architecture: 7
            """.replace("CPU architecture: 7", "CPU architecture: 6");

    @ParameterizedTest
    @CsvSource({"amd64, X86_64", "x86_64, X86_64", "aarch64, AARCH64", "arm64, AARCH64", "arm, ARMV7", "armv7l, ARMV7"})
    void jvmArchitectureNamesMapToTheBundledLibraries(String osArch, NativeArch expected) {
        assertThat(NativeArch.detect(osArch, null, null).arch()).isEqualTo(expected);
    }

    @Test
    void aRaspberryPiWithA32BitOsGetsArmv7() {
        NativeArch.Detection d = NativeArch.detect("arm", "gnueabihf", PI4_32BIT_CPUINFO);
        assertThat(d.arch()).isEqualTo(NativeArch.ARMV7);
        assertThat(d.arch().classifier()).isEqualTo("armv7");
    }

    @Test
    void armv6IsRefusedInsteadOfCrashingWithSigill() {
        NativeArch.Detection d = NativeArch.detect("arm", "gnueabihf", PI_ZERO_CPUINFO);
        assertThat(d.arch()).isNull();
        assertThat(d.reason()).contains("ARMv6").contains("Raspberry Pi Zero/1");
    }

    @Test
    void softFloatJvmsAreRefused() {
        NativeArch.Detection d = NativeArch.detect("arm", "gnueabi", PI4_32BIT_CPUINFO);
        assertThat(d.arch()).isNull();
        assertThat(d.reason()).contains("soft-float");
    }

    @Test
    void otherCpusAreNamedInTheReason() {
        NativeArch.Detection d = NativeArch.detect("riscv64", null, null);
        assertThat(d.arch()).isNull();
        assertThat(d.reason()).contains("os.arch=riscv64").contains("x86_64, aarch64, armv7");
    }

    @Test
    void eachBundledLibraryPassesOnlyItsOwnElfCheck() throws IOException {
        for (NativeArch arch : NativeArch.values()) {
            byte[] library = bundled(arch);
            for (NativeArch other : NativeArch.values()) {
                if (other == arch) {
                    assertThat(other.checkElf(library)).as(arch + " library").isNull();
                } else {
                    assertThat(other.checkElf(library)).as(arch + " library checked as " + other).isNotNull();
                }
            }
        }
    }

    @Test
    void notAnElfFileIsRefused() {
        assertThat(NativeArch.X86_64.checkElf(new byte[64])).contains("not an ELF");
    }

    static byte[] bundled(NativeArch arch) throws IOException {
        String path = "/dev/obdio/can/socketcan/natives/" + arch.classifier() + "/native/libjavacan-core.so";
        try (InputStream in = NativeArchTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path + " is packaged (maven-dependency-plugin unpack)").isNotNull();
            return in.readAllBytes();
        }
    }
}
