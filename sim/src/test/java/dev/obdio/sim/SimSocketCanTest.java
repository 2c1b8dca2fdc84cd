package dev.obdio.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.socketcan.RequiresSocketCan;
import dev.obdio.can.socketcan.SocketCanCondition;
import dev.obdio.isotp.IsoTp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulator on a real SocketCAN interface (run in the QEMU guest by
 * {@code .ci/socketcan-tests sim}), asked by can-utils' isotpsend and answered to isotprecv,
 * with each ISO-TP engine behind the server.
 */
@RequiresSocketCan
class SimSocketCanTest {
    private static final String IF = SocketCanCondition.testInterface();
    /** The emulated guest is slow: generous waits, retries for the race between the two tools. */
    private static final Duration ATTEMPT = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 4;

    private static String hexOf(String text) {
        StringBuilder b = new StringBuilder();
        for (byte c : text.getBytes(StandardCharsets.US_ASCII)) {
            b.append(String.format("%02X ", c));
        }
        return b.toString();
    }

    private static String nulPadded(String text, int length) {
        return hexOf(text) + "00 ".repeat(length - text.length());
    }

    /**
     * Starts {@code isotprecv RECV_ARGS IF}, then sends {@code request} with
     * {@code isotpsend SEND_ARGS IF} until isotprecv has printed a PDU, and returns that line.
     */
    private static String exchange(List<String> sendArgs, List<String> recvArgs, String request) throws Exception {
        List<String> send = new ArrayList<>(List.of("isotpsend"));
        send.addAll(sendArgs);
        send.add(IF);
        return run(send, recvArgs, request + "\n");
    }

    /**
     * Starts {@code isotprecv RECV_ARGS IF}, then runs {@code sender} with {@code stdin} until
     * isotprecv has printed a PDU, and returns that line.
     */
    private static String run(List<String> sender, List<String> recvArgs, String stdin) throws Exception {
        List<String> recv = new ArrayList<>(List.of("isotprecv"));
        recv.addAll(recvArgs);
        recv.add(IF);
        Process receiver = new ProcessBuilder(recv).redirectErrorStream(true).start();
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Process p = new ProcessBuilder(sender).redirectErrorStream(true).start();
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.US_ASCII));
                }
                assertThat(p.waitFor(ATTEMPT.toMillis(), TimeUnit.MILLISECONDS)).as(sender + " ends").isTrue();
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as(sender + ": " + said).isZero();
                assertThat(said).as(sender + " says nothing when all is well").isEmpty();
                if (receiver.waitFor(ATTEMPT.toMillis(), TimeUnit.MILLISECONDS)) {
                    return new String(receiver.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                }
                // isotprecv may not have been bound yet when the answer came: ask again.
            }
            throw new AssertionError("isotprecv " + recvArgs + " got no answer to " + sender + " " + stdin.trim());
        } finally {
            receiver.destroyForcibly();
        }
    }

    @ParameterizedTest
    @EnumSource(value = IsoTp.Engine.class, names = {"JAVA", "KERNEL", "AUTO"})
    void canUtilsTalkToTheSimulatedVehicle(IsoTp.Engine engine) throws IOException, Exception {
        Vehicle car = Vehicle.create(VehicleFiles.builtIn("petrol"), System.nanoTime());
        try (VehicleServer server = VehicleServer.start(car, IF, ServerOptions.DEFAULTS.withEngine(engine))) {
            // AUTO takes the kernel's CAN_ISOTP on a SocketCAN interface: the options are ones it honours.
            assertThat(server.engine()).contains(engine == IsoTp.Engine.JAVA ? IsoTp.Engine.JAVA : IsoTp.Engine.KERNEL);
            // The VIN: a first frame and two consecutive frames, flow-controlled by isotprecv.
            assertThat(exchange(List.of("-s", "7E0", "-d", "7E8"), List.of("-s", "7E0", "-d", "7E8"), "09 02"))
                    .isEqualTo(("49 02 01 " + hexOf("5FNSM1H50PB004273")).trim());
            // The tester's block size 2 and STmin 5 ms, set by isotprecv, and a UDS read.
            assertThat(exchange(List.of("-s", "7E0", "-d", "7E8"),
                    List.of("-s", "7E0", "-d", "7E8", "-b", "2", "-m", "5"), "09 04"))
                    .isEqualTo(("49 04 02 " + nulPadded("OBDIO35V6A1042", 16) + nulPadded("OBDIO35V6B0117", 16)).trim());
            assertThat(exchange(List.of("-s", "7E2", "-d", "7EA"), List.of("-s", "7E2", "-d", "7EA"), "22 20 01"))
                    .isEqualTo("62 20 01 41 47 4D");
            // A functional request (a single frame: cansend, as Debian's isotpsend lacks -S), answered
            // by the gearbox on its own id.
            assertThat(run(List.of("cansend", IF, "7DF#02011C"), List.of("-s", "7E1", "-d", "7E9"), ""))
                    .isEqualTo("41 1C 01");
            assertThat(server.requestsReceived()).isGreaterThanOrEqualTo(4);
        }
    }
}
