package dev.obdio.obd;

import java.util.Comparator;

/** Orders commands as obdio lists them: by mode, then PID (commands without a PID first), then name. */
final class CommandOrder {
    /** Mode, then PID, then name; adapter commands last. */
    static final Comparator<ObdCommand> BY_MODE_AND_PID = Comparator
            .comparingInt((ObdCommand c) -> c.mode().orElse(Integer.MAX_VALUE))
            .thenComparingInt(c -> c.pid().orElse(-1))
            .thenComparing(ObdCommand::name);

    private CommandOrder() {
    }
}
