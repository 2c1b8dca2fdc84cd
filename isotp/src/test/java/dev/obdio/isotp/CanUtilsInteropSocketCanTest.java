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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The java engine against can-utils' isotpsend and isotprecv (the kernel's CAN_ISOTP as a C
 * program uses it), both ways: classic and CAN FD (TX_DL 64), 11- and 29-bit ids, extended
 * addressing with separate address bytes, mixed addressing, padding with checks, the receiver's
 * block size and STmin, isotpsend's forced STmin and frame time.
 *
 * <p>isotprecv 2020.11 prints only PDUs shorter than its 5000-byte buffer, so the java engine
 * sends it at most 4999 bytes; isotpsend reads up to 5000.
 */
@RequiresSocketCan
class CanUtilsInteropSocketCanTest {
    private static final String IF = SocketCanCondition.testInterface();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long SEED = 0xCA_9071L;

    /**
     * One setup.
     *
     * @param name      for the report
     * @param java      the java engine's options (it is the tester: sends on {@code txId})
     * @param toolIds   {@code -s} and {@code -d} of the tools (the tester's ids swapped)
     * @param toolArgs  options both tools take
     * @param sendArgs  options only isotpsend takes
     * @param recvArgs  options only isotprecv takes
     * @param longPdus  whether to send up to 5000 bytes (else up to 300: Java in the emulated guest is slow)
     */
    record Setup(String name, IsoTpOptions java, List<String> toolIds, List<String> toolArgs, List<String> sendArgs,
                 List<String> recvArgs, boolean longPdus) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Setup> setups() {
        IsoTpOptions base = IsoTpOptions.DEFAULTS.withBlockSize(8);
        IsoTpOptions normal = base.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8));
        List<String> ids = List.of("-s", "7E8", "-d", "7E0");
        return Stream.of(
                new Setup("classic normal11", normal, ids, List.of(), List.of(), List.of(), true),
                new Setup("classic normal29", base.withAddress(IsoTpAddress.normal29(0x18DA10F1, 0x18DAF110)),
                        List.of("-s", "18DAF110", "-d", "18DA10F1"), List.of(), List.of(), List.of(), false),
                new Setup("extended F1:10", base.withAddress(new IsoTpAddress.Extended(0x600, 0x601, false, 0x10, 0xF1)),
                        List.of("-s", "601", "-d", "600"), List.of("-x", "F1:10"), List.of(), List.of(), false),
                new Setup("mixed 42", base.withAddress(new IsoTpAddress.Mixed11(0x700, 0x701, 0x42)),
                        List.of("-s", "701", "-d", "700"), List.of("-x", "42"), List.of(), List.of(), false),
                new Setup("CAN FD 64 BRS", normal.withCanFd(64, true).withBlockSize(4), ids, List.of("-L", "72:64:1"),
                        List.of(), List.of(), true),
                new Setup("padding AA checked", normal.withPadding(IsoTpOptions.Padding.strict(0xAA)), ids,
                        List.of("-p", "AA:AA", "-P", "a"), List.of(), List.of(), true),
                new Setup("receiver BS 4 STmin F3", normal.withBlockSize(2).withStMin(0x01), ids, List.of(), List.of(),
                        List.of("-b", "4", "-m", "F3"), false),
                new Setup("sender forced STmin 1 ms, frame time 100 us", normal, ids, List.of(),
                        List.of("-f", "1000000", "-t", "100000"), List.of(), false));
    }

    @ParameterizedTest(name = "isotpsend -> java: {0}")
    @MethodSource("setups")
    void isotpsendToJava(Setup setup) throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        try (IsoTpChannel java = IsoTp.open(IF, setup.java(), IsoTp.Engine.JAVA)) {
            for (int size : setup.longPdus() ? new int[] {1, 7, 8, 62, 4095, 5000} : new int[] {1, 8, 62, 300}) {
                byte[] pdu = KernelInteropSocketCanTest.bytes(random, size);
                IsoTpCanUtils.isotpsend(pdu, args(setup.toolIds(), setup.toolArgs(), setup.sendArgs()));
                assertThat(java.receive(WAIT)).as("%s, %d bytes", setup, size).isEqualTo(pdu);
            }
        }
    }

    @ParameterizedTest(name = "java -> isotprecv: {0}")
    @MethodSource("setups")
    void javaToIsotprecv(Setup setup) throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        IsoTpAddress address = setup.java().address();
        try (IsoTpChannel java = IsoTp.open(IF, setup.java(), IsoTp.Engine.JAVA)) {
            for (int size : setup.longPdus() ? new int[] {1, 7, 8, 62, 4095, 4999} : new int[] {1, 8, 62, 300}) {
                byte[] pdu = KernelInteropSocketCanTest.bytes(random, size);
                try (IsoTpCanUtils.Receiver recv = IsoTpCanUtils.isotprecv(address.txId(), address.extendedIds(),
                        args(setup.toolIds(), setup.toolArgs(), setup.recvArgs()))) {
                    java.send(pdu);
                    assertThat(recv.awaitPdu(WAIT)).as("%s, %d bytes", setup, size).isEqualTo(pdu);
                }
            }
        }
    }

    private static String[] args(List<String> ids, List<String> common, List<String> own) {
        List<String> all = new ArrayList<>(ids);
        all.addAll(common);
        all.addAll(own);
        all.add(IF);
        return all.toArray(String[]::new);
    }
}
