package dev.obdio.can.socketcan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LinuxInterfaceTest {
    @TempDir
    Path sys;

    private void device(String name, String flags, String type, String mtu) throws IOException {
        Path d = Files.createDirectories(sys.resolve(name));
        Files.writeString(d.resolve("flags"), flags + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("mtu"), mtu + "\n");
    }

    @Test
    void readsWhatSysfsSays() throws IOException {
        device("vcan0", "0x81", "280", "72");
        device("can1", "0x80", "280", "16");
        LinuxInterface up = new LinuxInterface(sys, "vcan0");
        LinuxInterface down = new LinuxInterface(sys, "can1");

        assertThat(up.sysfsReadable()).isTrue();
        assertThat(up.exists()).isTrue();
        assertThat(up.isUp()).contains(true);
        assertThat(up.type()).hasValue(LinuxInterface.ARPHRD_CAN);
        assertThat(up.mtu()).hasValue(72);
        assertThat(down.isUp()).contains(false);
        assertThat(down.mtu()).hasValue(16);
    }

    @Test
    void virtualDevicesLiveUnderDevicesVirtual() throws IOException {
        Path virtualDir = Files.createDirectories(sys.resolve("devices/virtual/net/vcan0"));
        Path hardwareDir = Files.createDirectories(sys.resolve("devices/platform/soc/fe204000.spi/net/can0"));
        Path classNet = Files.createDirectories(sys.resolve("class/net"));
        Files.createSymbolicLink(classNet.resolve("vcan0"), virtualDir);
        Files.createSymbolicLink(classNet.resolve("can0"), hardwareDir);

        assertThat(new LinuxInterface(classNet, "vcan0").isVirtual()).contains(true);
        assertThat(new LinuxInterface(classNet, "can0").isVirtual()).contains(false);
        assertThat(new LinuxInterface(classNet, "can9").isVirtual()).isEmpty();
    }

    @Test
    void missingOrGarbledAttributesAreUnknown() throws IOException {
        device("eth0", "garbage", "1", "1500");
        assertThat(new LinuxInterface(sys, "eth0").isUp()).isEmpty();
        assertThat(new LinuxInterface(sys, "eth0").type()).hasValue(1);
        LinuxInterface missing = new LinuxInterface(sys, "can9");
        assertThat(missing.exists()).isFalse();
        assertThat(missing.isUp()).isEmpty();
        assertThat(new LinuxInterface(sys.resolve("nowhere"), "can0").sysfsReadable()).isFalse();
    }
}
