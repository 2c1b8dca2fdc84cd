package dev.obdio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoAndHelpTest {

    @Test
    void demoShowsTrafficAndObdAnswersThenEnds() throws Exception {
        Cli.Result r = Cli.finish(Cli.start("demo", "--seconds", "2"), Duration.ofSeconds(20));
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).isNotEmpty().allMatch(l -> l.matches("  virtual:demo\\S*  .*"));
        assertThat(r.out()).contains("0C9   [8]", "18FEF100   [8]", "7DF   [8]  02 01 0C 55 55 55 55 55", "7E8   [8]  04 41 0C");
        assertThat(r.err()).startsWith("obdio demo: ");
    }

    @Test
    void demoTakesDumpsViewOptions() throws Exception {
        Cli.Result r = Cli.finish(Cli.start("demo", "--seconds", "1", "-t", "z", "-a"), Duration.ofSeconds(20));
        assertThat(r.outLines().get(0)).matches(" \\(000\\.000000\\)  virtual:demo\\S*  .*'.*'");
    }

    @Test
    void theDriveCycleStaysPlausible() {
        for (double t = 0; t < 60; t += 0.25) {
            DemoTraffic.State s = DemoTraffic.state(t);
            assertThat(s.rpm()).isBetween(800, 3200);
            assertThat(s.speedKmh()).isBetween(0, 120);
            assertThat(s.coolantC()).isBetween(20, 90);
            assertThat(s.throttlePercent()).isBetween(0, 100);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dump", "send", "play", "gen", "demo"})
    void everyCommandHasHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: obdio " + command).contains("Examples:");
        assertThat(r.out().lines()).allMatch(l -> l.length() <= 80);
    }

    @Test
    void theTopLevelHelpListsTheTools() {
        Cli.Result r = Cli.run();
        assertThat(r.out()).contains("dump", "send", "play", "gen", "demo");
    }
}
