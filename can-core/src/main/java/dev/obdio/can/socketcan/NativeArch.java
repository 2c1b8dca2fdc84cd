package dev.obdio.can.socketcan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU architectures whose JavaCAN native library this jar carries, how a JVM names them,
 * and how to recognise each library by its ELF header (so a wrong library is refused with a
 * message instead of crashing the JVM).
 */
enum NativeArch {
    /** 64-bit PCs and servers. */
    X86_64("x86_64", 2, 62, false),
    /** 64-bit ARM: Raspberry Pi 3/4/5 with a 64-bit OS. */
    AARCH64("aarch64", 2, 183, false),
    /** 32-bit ARMv7 hard-float: Raspberry Pi 2/3/4/5 with a 32-bit (armhf) OS. */
    ARMV7("armv7", 1, 40, true);

    private static final int EF_ARM_ABI_FLOAT_HARD = 0x400;
    private static final Pattern CPU_ARCHITECTURE = Pattern.compile("(?m)^CPU architecture\\s*:\\s*(\\d+)");

    private final String classifier;
    private final int elfClass;
    private final int elfMachine;
    private final boolean hardFloat;

    NativeArch(String classifier, int elfClass, int elfMachine, boolean hardFloat) {
        this.classifier = classifier;
        this.elfClass = elfClass;
        this.elfMachine = elfMachine;
        this.hardFloat = hardFloat;
    }

    /** The JavaCAN jar classifier, also the directory of the bundled library. */
    String classifier() {
        return classifier;
    }

    /**
     * The architecture of a JVM, from its {@code os.arch} and {@code sun.arch.abi} properties
     * and, for 32-bit ARM, {@code /proc/cpuinfo}.
     *
     * @param osArch  the JVM's {@code os.arch}
     * @param abi     the JVM's {@code sun.arch.abi} or null
     * @param cpuinfo the text of {@code /proc/cpuinfo}, or null when unreadable
     * @return the architecture, or a reason why none of the bundled libraries fits
     */
    static Detection detect(String osArch, String abi, String cpuinfo) {
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64", "x86_64", "x86-64":
                return Detection.of(X86_64);
            case "aarch64", "arm64":
                return Detection.of(AARCH64);
            case "arm", "armv7", "armv7l", "armv7a", "armhf", "aarch32", "armv8l":
                return detectArm32(abi, cpuinfo);
            default:
                return Detection.unsupported("no JavaCAN native library for this CPU (os.arch=" + osArch
                        + "); bundled: x86_64, aarch64, armv7 (hard-float)");
        }
    }

    private static Detection detectArm32(String abi, String cpuinfo) {
        if (abi != null && !abi.isEmpty() && !abi.toLowerCase(Locale.ROOT).contains("hf")) {
            return Detection.unsupported("this 32-bit ARM JVM uses the soft-float ABI (sun.arch.abi=" + abi
                    + "); the bundled JavaCAN library needs an armhf JVM");
        }
        if (cpuinfo != null) {
            Matcher m = CPU_ARCHITECTURE.matcher(cpuinfo);
            if (m.find() && Integer.parseInt(m.group(1)) < 7) {
                // JavaCAN issue #30: the armv7 library dies with SIGILL on ARMv6 (Raspberry Pi Zero/1).
                return Detection.unsupported("this CPU is ARMv" + m.group(1)
                        + " (Raspberry Pi Zero/1?); the bundled JavaCAN library needs ARMv7 or newer");
            }
        }
        return Detection.of(ARMV7);
    }

    /**
     * Checks that an ELF shared library was built for this architecture.
     *
     * @param elf at least the first 40 bytes of the file
     * @return null when it fits, else what is wrong
     */
    String checkElf(byte[] elf) {
        if (elf.length < 40 || elf[0] != 0x7F || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F') {
            return "not an ELF shared library";
        }
        if (elf[5] != 1) {
            return "not a little-endian library";
        }
        int cls = elf[4];
        int machine = (elf[18] & 0xFF) | (elf[19] & 0xFF) << 8;
        if (cls != elfClass || machine != elfMachine) {
            return "built for ELF class " + cls + " machine " + machine + ", expected class " + elfClass
                    + " machine " + elfMachine + " (" + classifier + ")";
        }
        if (hardFloat) {
            // e_flags sits after e_entry, e_phoff and e_shoff, which are 4 bytes each in ELF32.
            int flags = (elf[36] & 0xFF) | (elf[37] & 0xFF) << 8 | (elf[38] & 0xFF) << 16 | (elf[39] & 0xFF) << 24;
            if ((flags & EF_ARM_ABI_FLOAT_HARD) == 0) {
                return "not a hard-float ARM library";
            }
        }
        return null;
    }

    /**
     * The outcome of {@link #detect}: an architecture, or why there is none.
     *
     * @param arch   the architecture, or null
     * @param reason why there is none, or null
     */
    record Detection(NativeArch arch, String reason) {
        static Detection of(NativeArch arch) {
            return new Detection(arch, null);
        }

        static Detection unsupported(String reason) {
            return new Detection(null, reason);
        }

        Optional<NativeArch> architecture() {
            return Optional.ofNullable(arch);
        }
    }
}
