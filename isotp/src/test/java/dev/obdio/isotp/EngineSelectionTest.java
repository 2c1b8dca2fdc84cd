package dev.obdio.isotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.obdio.can.CanException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Which engine runs a channel, on this machine: virtual and UDP buses always get the java engine;
 * SocketCAN names get the kernel's only where the kernel has CAN_ISOTP (never on a development
 * kernel without AF_CAN), and forcing it elsewhere fails with a plain message.
 */
class EngineSelectionTest {
    private static final IsoTpOptions OPTIONS = IsoTpOptions.DEFAULTS;

    @Test
    void virtualAndUdpBusesGetTheJavaEngine() {
        IsoTp.EngineChoice v = IsoTp.chooseEngine("virtual:car", OPTIONS, IsoTp.Engine.AUTO);
        assertThat(v.engine()).isEqualTo(IsoTp.Engine.JAVA);
        assertThat(v.reason()).isEqualTo("java engine: virtual:car is not a SocketCAN interface"
                + " (the kernel engine serves can0, vcan0, …)");
        assertThat(IsoTp.chooseEngine("udp:239.74.163.2:43113", OPTIONS, IsoTp.Engine.AUTO).engine())
                .isEqualTo(IsoTp.Engine.JAVA);
        assertThat(IsoTp.chooseEngine("vcan0", OPTIONS, IsoTp.Engine.JAVA))
                .isEqualTo(new IsoTp.EngineChoice(IsoTp.Engine.JAVA, "the java engine was asked for"));
    }

    @Test
    void forcingTheKernelOnAVirtualBusFails() {
        assertThatThrownBy(() -> IsoTp.open("virtual:car", OPTIONS, IsoTp.Engine.KERNEL))
                .isInstanceOfSatisfying(CanException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CanException.Reason.NOT_SUPPORTED);
                    assertThat(e.getMessage()).isEqualTo("the kernel ISO-TP engine cannot be used: virtual:car is not a"
                            + " SocketCAN interface (the kernel engine serves can0, vcan0, …); use the java engine"
                            + " (--engine java, Engine.JAVA) or AUTO");
                });
    }

    @Test
    void withoutSocketCanAutoExplainsAndKernelFails() {
        KernelIsoTp.Probe probe = KernelIsoTp.probe();
        assumeFalse(probe.available(), "this kernel has CAN_ISOTP; the guest tests cover it");
        IsoTp.EngineChoice c = IsoTp.chooseEngine("vcan0", OPTIONS, IsoTp.Engine.AUTO);
        assertThat(c.engine()).isEqualTo(IsoTp.Engine.JAVA);
        assertThat(c.reason()).startsWith("java engine: ").contains(probe.reason());
        assertThatThrownBy(() -> IsoTp.chooseEngine("vcan0", OPTIONS, IsoTp.Engine.KERNEL))
                .isInstanceOfSatisfying(CanException.class, e -> {
                    assertThat(e.getMessage()).startsWith("the kernel ISO-TP engine cannot be used: ")
                            .contains(probe.reason()).doesNotContain("Exception");
                    if (probe.noSocketCan()) {
                        assertThat(e.reason()).isEqualTo(CanException.Reason.NO_SOCKETCAN);
                        assertThat(e.getMessage()).contains("this kernel has no SocketCAN support");
                    } else {
                        assertThat(e.getMessage()).contains("modprobe can-isotp");
                    }
                });
        assertThatThrownBy(() -> IsoTp.open("vcan0", OPTIONS, IsoTp.Engine.KERNEL)).isInstanceOf(CanException.class);
    }

    @Test
    void theProbeIsAskedOnce() {
        assertThat(KernelIsoTp.probe()).isSameAs(KernelIsoTp.probe());
    }

    @Test
    void optionsTheKernelCannotHonourKeepTheJavaEngineOnAuto() {
        IsoTpOptions odd = OPTIONS.withTimeouts(OPTIONS.timeouts().withNBs(Duration.ofMillis(250)));
        IsoTp.EngineChoice c = IsoTp.chooseEngine("vcan0", odd, IsoTp.Engine.AUTO);
        assertThat(c.engine()).isEqualTo(IsoTp.Engine.JAVA);
        if (KernelIsoTp.probe().available()) {
            assertThat(c.reason()).isEqualTo("java engine: the kernel cannot honour nBs 250 ms: the kernel waits"
                    + " exactly 1 s for a flow control");
        }
    }

    @Test
    void engineOfTellsTheImplementation() throws Exception {
        String bus = "virtual:engine-of-" + System.nanoTime();
        try (IsoTpChannel c = IsoTp.open(bus, OPTIONS)) {
            assertThat(IsoTp.engineOf(c)).contains(IsoTp.Engine.JAVA);
        }
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> IsoTp.chooseEngine(" ", OPTIONS, IsoTp.Engine.AUTO))
                .isInstanceOf(CanException.class).hasMessageStartingWith("no bus name given");
        assertThatThrownBy(() -> IsoTp.chooseEngine("vcan0", null, IsoTp.Engine.AUTO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IsoTp.EngineChoice(IsoTp.Engine.AUTO, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
