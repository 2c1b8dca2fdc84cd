import dev.obdio.isotp.IsoTp;
import dev.obdio.isotp.IsoTpAddress;
import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpEvent;
import dev.obdio.isotp.IsoTpOptions;
import dev.obdio.uds.DiagnosticSessionControl;
import dev.obdio.uds.DidCodec;
import dev.obdio.uds.DidValue;
import dev.obdio.uds.DtcRecord;
import dev.obdio.uds.Hex;
import dev.obdio.uds.ObdioXorRotateAdd;
import dev.obdio.uds.ReadDtcInformation;
import dev.obdio.uds.SecurityAccess;
import dev.obdio.uds.UdsClient;
import dev.obdio.uds.UdsClientConfig;
import dev.obdio.uds.UdsNegativeResponseException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Using obdio's UDS client from Java. Run it from the repository after building
 * ({@code ./obdio --version} builds cli/target/obdio.jar):
 *
 * <pre>
 *   java -cp cli/target/obdio.jar examples/UdsExample.java            # a tiny ECU in this process
 *   java -cp cli/target/obdio.jar examples/UdsExample.java vcan0      # the ECU at 7E0/7E8 on vcan0
 * </pre>
 *
 * Without an argument it opens the in-process virtual bus {@code virtual:uds-example} and starts
 * {@link TinyEcu} on it, a few dozen lines that answer like an ECU; with a bus name it talks to
 * whatever answers on 0x7E0/0x7E8 there (the obdio simulator, or a car). See docs/uds.md.
 */
public class UdsExample {

    public static void main(String[] args) throws Exception {
        String bus = args.length > 0 ? args[0] : "virtual:uds-example";
        TinyEcu tiny = args.length > 0 ? null : TinyEcu.start(bus);
        try {
            run(bus);
        } finally {
            if (tiny != null) {
                tiny.close();
            }
        }
    }

    static void run(String bus) {
        IsoTpOptions options = IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E0, 0x7E8));
        UdsClientConfig config = UdsClientConfig.DEFAULTS
                // The obdio simulator's algorithm with its petrol engine ECU's secret for level 1.
                .withKeyAlgorithm("obdio-xor-rotate-add:secret=5A3C96E1,rotate=7")
                // A DID of our own: idle speed target, 2 bytes, in rpm.
                .withCodec(0x0110, DidCodec.unsigned(2, 1, 0, "rpm"));
        // Functional requests (and the TesterPresent keep-alive) go to 0x7DF.
        try (UdsClient ecu = UdsClient.open(bus, options, Optional.of(IsoTpAddress.normal11(0x7DF, 0x7E8)), config)) {
            System.out.println("VIN: " + ecu.readDid(0xF190).value().display());
            for (DidValue v : ecu.readDids(0xF18C, 0xF187)) { // two DIDs in one request
                System.out.println(v);
            }

            DiagnosticSessionControl.Response session = ecu.changeSession(DiagnosticSessionControl.EXTENDED);
            System.out.println("extended session, " + session.timing().map(Object::toString).orElse("no timing sent")
                    + "; keep-alive running: " + ecu.keepAliveRunning());

            SecurityAccess.Outcome unlocked = ecu.unlock(1);
            System.out.println("security level 1: " + unlocked);

            ecu.writeDid(0xF198, "WS-0042-01");
            System.out.println("F198 now: " + ecu.readDid(0xF198).value().display());

            ReadDtcInformation.DtcList dtcs = ecu.dtcs(0xFF);
            for (DtcRecord d : dtcs.dtcs()) {
                System.out.println("DTC " + d);
            }

            try {
                ecu.readDid(0x1234);
            } catch (UdsNegativeResponseException e) {
                System.out.println("as expected: " + e.getMessage() + " (NRC " + e.nrcName() + ")");
            }

            ecu.changeSession(DiagnosticSessionControl.DEFAULT);
            System.out.println("back in the default session; keep-alive running: " + ecu.keepAliveRunning());
        }
    }

    /**
     * A tiny ECU for the example: answers 0x10, 0x22, 0x27 (seed 11 22 33 44), 0x2E, 0x19 0x02 and
     * 0x3E on 0x7E0/0x7E8, with negative responses for the rest.
     */
    static final class TinyEcu implements AutoCloseable {
        private final IsoTpChannel channel;
        private final Map<Integer, byte[]> dids = new HashMap<>();
        private int session = 1;
        private boolean unlocked;

        private TinyEcu(String bus) {
            channel = IsoTp.open(bus, IsoTpOptions.DEFAULTS.withAddress(IsoTpAddress.normal11(0x7E8, 0x7E0)));
            dids.put(0xF190, ascii("WVWZZZ1JZXW000001"));
            dids.put(0xF18C, ascii("SIM23A004217"));
            dids.put(0xF187, ascii("37820-5MA-A"));
            dids.put(0xF198, ascii("0000000000"));
            channel.subscribe(event -> {
                if (event instanceof IsoTpEvent.Received r) {
                    try {
                        channel.send(answer(r.data()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }

        static TinyEcu start(String bus) {
            return new TinyEcu(bus);
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] refuse(int sid, int nrc) {
            return new byte[] {0x7F, (byte) sid, (byte) nrc};
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private byte[] answer(byte[] q) {
            int sid = q[0] & 0xFF;
            switch (sid) {
                case 0x10 -> {
                    session = q[1] & 0x7F;
                    unlocked = false;
                    return new byte[] {0x50, (byte) session, 0x00, 0x32, 0x01, (byte) 0xF4}; // P2 50 ms, P2* 5 s
                }
                case 0x22 -> {
                    byte[] out = {0x62};
                    for (int i = 1; i + 1 < q.length; i += 2) {
                        int did = (q[i] & 0xFF) << 8 | (q[i + 1] & 0xFF);
                        byte[] value = dids.get(did);
                        if (value != null) {
                            out = concat(concat(out, new byte[] {q[i], q[i + 1]}), value);
                        }
                    }
                    return out.length > 1 ? out : refuse(sid, 0x31);
                }
                case 0x27 -> {
                    if (session == 1) {
                        return refuse(sid, 0x7F);
                    }
                    if (q[1] == 1) {
                        return unlocked ? new byte[] {0x67, 1, 0, 0, 0, 0} : Hex.parse("67 01 11 22 33 44");
                    }
                    long key = ObdioXorRotateAdd.key(0x11223344L, new ObdioXorRotateAdd.Secret(0x5A3C96E1L, 7));
                    long got = (q[2] & 0xFFL) << 24 | (q[3] & 0xFFL) << 16 | (q[4] & 0xFFL) << 8 | (q[5] & 0xFFL);
                    if (got != key) {
                        return refuse(sid, 0x35);
                    }
                    unlocked = true;
                    return new byte[] {0x67, 2};
                }
                case 0x2E -> {
                    if (!unlocked) {
                        return refuse(sid, 0x33);
                    }
                    dids.put((q[1] & 0xFF) << 8 | (q[2] & 0xFF), Arrays.copyOfRange(q, 3, q.length));
                    return new byte[] {0x6E, q[1], q[2]};
                }
                case 0x19 -> {
                    return Hex.parse("59 02 7F 03 01 00 2F");
                }
                case 0x3E -> {
                    return new byte[] {0x7E, 0x00};
                }
                default -> {
                    return refuse(sid, 0x11);
                }
            }
        }

        @Override
        public void close() {
            channel.close();
        }
    }
}
