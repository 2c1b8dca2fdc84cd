package dev.obdio.isotp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.socketcan.RequiresSocketCan;
import dev.obdio.can.socketcan.SocketCanCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The java engine against the kernel's CAN_ISOTP (through the kernel engine) on a real SocketCAN
 * interface, both ways, and the kernel engine against itself: classic and CAN FD (TX_DL 64),
 * normal 11/29-bit, normal-fixed, extended, mixed 11/29-bit addressing, padding with checks, block
 * sizes and STmin, PDUs of 1, 7, 8, 62, 4095 and 5000 bytes.
 *
 * <p>Where the java engine receives, the receiver asks for a block size (or an STmin): on vcan the
 * kernel sends consecutive frames back to back, faster than a Java reader in the emulated guest
 * takes them from its CAN_RAW socket, whose buffer (rmem_default) then overflows. Real buses are
 * slow enough; see docs/ISOTP.md.
 */
@RequiresSocketCan
class KernelInteropSocketCanTest {
    private static final String IF = SocketCanCondition.testInterface();
    /** The sizes of the brief; the long ones on the links where segmentation differs. */
    private static final int[] SIZES = {1, 7, 8, 62, 4095, 5000};
    private static final int[] SHORT_SIZES = {1, 7, 8, 62, 200};
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long SEED = 0x150_7E0L;

    /** The two ends of a connection: the tester's options and the ECU's, and the PDU sizes to try. */
    record Link(String name, IsoTpOptions tester, IsoTpOptions ecu, int[] sizes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Link link(String name, IsoTpAddress tester, IsoTpAddress ecu, IsoTpOptions base) {
        return new Link(name, base.withAddress(tester), base.withAddress(ecu), SIZES);
    }

    /** A link whose addressing or pacing is the point: short PDUs keep the emulated guest's run short. */
    private static Link shortLink(String name, IsoTpAddress tester, IsoTpAddress ecu, IsoTpOptions base) {
        return new Link(name, base.withAddress(tester), base.withAddress(ecu), SHORT_SIZES);
    }

    static List<Link> links() {
        IsoTpOptions base = IsoTpOptions.DEFAULTS.withMaxPduLength(8300).withBlockSize(8);
        IsoTpOptions fd = base.withCanFd(64, true).withBlockSize(4);
        return List.of(
                link("classic normal11", IsoTpAddress.normal11(0x7E0, 0x7E8), IsoTpAddress.normal11(0x7E8, 0x7E0), base),
                link("classic normal29", IsoTpAddress.normal29(0x18DA10F1, 0x18DAF110),
                        IsoTpAddress.normal29(0x18DAF110, 0x18DA10F1), base.withBlockSize(16)),
                shortLink("normal-fixed", IsoTpAddress.normalFixed(0x10, 0xF1), IsoTpAddress.normalFixed(0xF1, 0x10), base),
                shortLink("extended 10/F1", new IsoTpAddress.Extended(0x600, 0x601, false, 0x10, 0xF1),
                        new IsoTpAddress.Extended(0x601, 0x600, false, 0xF1, 0x10), base),
                shortLink("mixed11", new IsoTpAddress.Mixed11(0x700, 0x701, 0x42), new IsoTpAddress.Mixed11(0x701, 0x700, 0x42),
                        base),
                shortLink("mixed29", new IsoTpAddress.Mixed29(0x10, 0xF1, 0x42, false),
                        new IsoTpAddress.Mixed29(0xF1, 0x10, 0x42, false), base),
                link("fd64", IsoTpAddress.normal11(0x7E0, 0x7E8), IsoTpAddress.normal11(0x7E8, 0x7E0), fd),
                link("fd64 padded+checked", IsoTpAddress.normal11(0x7E0, 0x7E8), IsoTpAddress.normal11(0x7E8, 0x7E0),
                        fd.withPadding(IsoTpOptions.Padding.strict(0x55))),
                link("padded+checked AA", IsoTpAddress.normal11(0x7E0, 0x7E8), IsoTpAddress.normal11(0x7E8, 0x7E0),
                        base.withPadding(IsoTpOptions.Padding.strict(0xAA))),
                shortLink("BS0 STmin 1ms", IsoTpAddress.normal11(0x7E0, 0x7E8), IsoTpAddress.normal11(0x7E8, 0x7E0),
                        base.withBlockSize(0).withStMin(0x01)),
                link("BS2 STmin 500us", IsoTpAddress.normal11(0x7E0, 0x7E8), IsoTpAddress.normal11(0x7E8, 0x7E0),
                        base.withBlockSize(2).withStMin(0xF5)));
    }

    static Stream<Arguments> javaAndKernel() {
        List<Arguments> cases = new ArrayList<>();
        for (Link l : links()) {
            cases.add(Arguments.of(l, IsoTp.Engine.JAVA, IsoTp.Engine.KERNEL));
        }
        return cases.stream();
    }

    static Stream<Arguments> kernelAndKernel() {
        List<Arguments> cases = new ArrayList<>();
        for (Link l : links()) {
            cases.add(Arguments.of(l, IsoTp.Engine.KERNEL, IsoTp.Engine.KERNEL));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: tester {1} <-> ecu {2}")
    @MethodSource("javaAndKernel")
    void javaEngineAndKernelBothWays(Link link, IsoTp.Engine tester, IsoTp.Engine ecu) throws Exception {
        exchange(link, tester, ecu);
    }

    @ParameterizedTest(name = "{0}: tester {1} <-> ecu {2}")
    @MethodSource("kernelAndKernel")
    void kernelEngineBothWays(Link link, IsoTp.Engine tester, IsoTp.Engine ecu) throws Exception {
        exchange(link, tester, ecu);
    }

    private static void exchange(Link link, IsoTp.Engine testerEngine, IsoTp.Engine ecuEngine) throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        System.out.println(link + ": payload seed 0x" + Long.toHexString(SEED));
        try (IsoTpChannel tester = IsoTp.open(IF, link.tester(), testerEngine);
             IsoTpChannel ecu = IsoTp.open(IF, link.ecu(), ecuEngine)) {
            assertThat(IsoTp.engineOf(tester)).contains(testerEngine);
            assertThat(IsoTp.engineOf(ecu)).contains(ecuEngine);
            for (int size : link.sizes()) {
                byte[] request = bytes(random, size);
                tester.send(request);
                assertThat(ecu.receive(WAIT)).as("%s: %d bytes %s -> %s", link, size, testerEngine, ecuEngine)
                        .isEqualTo(request);
                byte[] response = bytes(random, size);
                ecu.send(response);
                assertThat(tester.receive(WAIT)).as("%s: %d bytes %s -> %s", link, size, ecuEngine, testerEngine)
                        .isEqualTo(response);
            }
        }
    }

    static byte[] bytes(SplittableRandom random, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}
