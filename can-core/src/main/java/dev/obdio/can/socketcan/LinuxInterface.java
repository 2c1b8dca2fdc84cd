package dev.obdio.can.socketcan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What sysfs ({@code /sys/class/net/<name>/}) says about a network interface: whether it exists,
 * is a CAN device, is up, and its MTU. Used for precise error messages and to notice an interface
 * coming back up; every query answers "unknown" (empty) when sysfs cannot be read, so callers
 * fall back to what the socket calls report.
 */
final class LinuxInterface {
    /** The link type of CAN devices (ARPHRD_CAN). */
    static final int ARPHRD_CAN = 280;
    /** The MTU of a CAN FD capable device (CANFD_MTU). */
    static final int CANFD_MTU = 72;
    private static final int IFF_UP = 0x1;
    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    private final Path dir;

    LinuxInterface(Path sysClassNet, String name) {
        this.dir = sysClassNet.resolve(name);
    }

    /** The interface in the real sysfs. */
    static LinuxInterface named(String name) {
        return new LinuxInterface(SYS_CLASS_NET, name);
    }

    /** Whether sysfs can be read at all (it lists at least the loopback interface). */
    boolean sysfsReadable() {
        return Files.isDirectory(dir.getParent());
    }

    /** Whether the interface exists; only meaningful when {@link #sysfsReadable()}. */
    boolean exists() {
        return Files.isDirectory(dir);
    }

    /** The link type (ARPHRD_*), if readable. */
    OptionalInt type() {
        return readInt("type");
    }

    /** The interface flags (IFF_*), if readable. */
    OptionalInt flags() {
        return readInt("flags");
    }

    /** The MTU, if readable. */
    OptionalInt mtu() {
        return readInt("mtu");
    }

    /** Whether it is a virtual device (vcan, vxcan) rather than hardware, empty when unknown. */
    Optional<Boolean> isVirtual() {
        try {
            return Optional.of(dir.toRealPath().toString().contains("/devices/virtual/"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when up, false when down, empty when unknown. */
    Optional<Boolean> isUp() {
        OptionalInt f = flags();
        return f.isPresent() ? Optional.of((f.getAsInt() & IFF_UP) != 0) : Optional.empty();
    }

    private OptionalInt readInt(String attribute) {
        try {
            String text = Files.readString(dir.resolve(attribute)).trim();
            return OptionalInt.of(text.startsWith("0x") ? Integer.parseUnsignedInt(text.substring(2), 16)
                    : Integer.parseInt(text));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
