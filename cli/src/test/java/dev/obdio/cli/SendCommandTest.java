package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.obdio.can.CanBus;
import dev.obdio.can.CanBuses;
import dev.obdio.can.CanFrameText;
import dev.obdio.can.ReceivedFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendCommandTest {

    @Test
    void sendsOneFrameToTheOtherEndpoints() throws Exception {
        String bus = Cli.uniqueBus("s");
        try (CanBus receiver = CanBuses.open(bus)) {
            Cli.Result r = Cli.run("send", bus, "123##1AABB");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEmpty();
            ReceivedFrame f = receiver.receive(Duration.ofSeconds(5));
            assertThat(f.frame()).isEqualTo(CanFrameText.parse("123##1AABB"));
            assertThat(receiver.receive(Duration.ofMillis(50))).isNull();
        }
    }

    @Test
    void sendsCyclicallyTheRequestedNumberOfFrames() throws Exception {
        String bus = Cli.uniqueBus("s");
        try (CanBus receiver = CanBuses.open(bus)) {
            Cli.Result r = Cli.finish(Cli.start("send", "--every", "2", "--count", "25", bus, "7DF#02010C"),
                    Duration.ofSeconds(20));
            assertThat(r.exitCode()).isZero();
            List<ReceivedFrame> got = new ArrayList<>();
            ReceivedFrame f;
            while ((f = receiver.receive(Duration.ofMillis(200))) != null) {
                got.add(f);
            }
            assertThat(got).hasSize(25).allMatch(x -> CanFrameText.format(x.frame()).equals("7DF#02010C"));
            for (int i = 1; i < got.size(); i++) {
                assertThat(got.get(i).timestampNanos()).isGreaterThan(got.get(i - 1).timestampNanos());
            }
        }
    }

    @Test
    void badFrameGivesTheReasonAndTheSyntaxButNoStackTrace() {
        Cli.Result r = Cli.run("send", "virtual:x", "123#G0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines().get(0)).isEqualTo("obdio send: bad frame \"123#G0\": position 4: 'G' is not a hex digit");
        assertThat(r.err()).contains("<id>##<flags><data>").doesNotContain("Exception", "\tat ");
    }

    @Test
    void badBusGivesOneLine() {
        Cli.Result r = Cli.run("send", "virtual:no good", "123#00");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("obdio send: virtual bus name \"no good\"");
    }

    @Test
    void rejectsCountWithoutPeriodAndEmptyArguments() {
        assertThat(Cli.run("send", "--count", "3", "virtual:x", "123#00").errLines())
                .containsExactly("obdio send: --count needs --every MS");
        assertThat(Cli.run("send", "--every", "0", "virtual:x", "123#00").exitCode()).isEqualTo(2);
        assertThat(Cli.run("send", "--every", "soon", "virtual:x", "123#00").exitCode()).isEqualTo(2);
        Cli.Result missing = Cli.run("send", "virtual:x");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter: 'FRAME'");
    }
}
