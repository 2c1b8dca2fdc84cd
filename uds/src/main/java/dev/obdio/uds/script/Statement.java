package dev.obdio.uds.script;

import dev.obdio.uds.DidCodec;
import java.time.Duration;
import java.util.Optional;

/** One line of a UDS script that does something. */
public sealed interface Statement {

    /** The 1-based line. */
    int line();

    /**
     * A request: a command or hex, optionally storing a value ({@code -> $name}).
     *
     * @param line    the line
     * @param action  what to send
     * @param capture the variable to store the value in
     */
    record Request(int line, UdsAction action, Optional<String> capture) implements Statement {
    }

    /**
     * {@code expect …}, checked against the last request.
     *
     * @param line        the line
     * @param expectation what is expected
     */
    record Expect(int line, Expectation expectation) implements Statement {
    }

    /**
     * {@code wait 500ms}.
     *
     * @param line     the line
     * @param duration how long
     */
    record Wait(int line, Duration duration) implements Statement {
    }

    /**
     * {@code set key-algo SPEC}: the key algorithm for later {@code security} lines.
     *
     * @param line the line
     * @param spec the algorithm, {@code NAME[:PARAMETERS]}
     */
    record SetKeyAlgorithm(int line, String spec) implements Statement {
    }

    /**
     * {@code set codec DID SPEC}: how a DID reads and writes from here on.
     *
     * @param line  the line
     * @param did   the DID
     * @param codec its codec
     */
    record SetCodec(int line, int did, DidCodec codec) implements Statement {
    }
}
