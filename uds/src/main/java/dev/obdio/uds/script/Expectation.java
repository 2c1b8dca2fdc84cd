package dev.obdio.uds.script;

import dev.obdio.uds.Hex;
import dev.obdio.uds.Nrc;
import java.util.Map;
import java.util.OptionalInt;

/** What an {@code expect} line demands of the last request's outcome. */
public sealed interface Expectation {

    /**
     * Whether the outcome meets it.
     *
     * @param outcome   the last request's outcome
     * @param variables the script's variables
     */
    boolean test(UdsOutcome outcome, Map<String, byte[]> variables);

    /** {@code expect positive}: a positive answer, or a suppressed one without refusal. */
    record Positive() implements Expectation {
        @Override
        public boolean test(UdsOutcome outcome, Map<String, byte[]> variables) {
            return outcome.succeeded();
        }

        @Override
        public String toString() {
            return "positive";
        }
    }

    /**
     * {@code expect nrc [CODE|NAME]}: a refusal, with that code if given.
     *
     * @param nrc the code, or empty for any
     */
    record Negative(OptionalInt nrc) implements Expectation {
        @Override
        public boolean test(UdsOutcome outcome, Map<String, byte[]> variables) {
            return outcome.status() == UdsOutcome.Status.NEGATIVE
                    && (nrc.isEmpty() || outcome.nrc().equals(nrc));
        }

        @Override
        public String toString() {
            return nrc.isPresent() ? "nrc " + Nrc.describe(nrc.getAsInt()) : "nrc";
        }
    }

    /** {@code expect no-response}: silence (a timeout, or a suppressed response). */
    record NoResponse() implements Expectation {
        @Override
        public boolean test(UdsOutcome outcome, Map<String, byte[]> variables) {
            return outcome.status() == UdsOutcome.Status.TIMEOUT || outcome.status() == UdsOutcome.Status.ACCEPTED_SILENTLY;
        }

        @Override
        public String toString() {
            return "no-response";
        }
    }

    /**
     * {@code expect 62 F1 90 *}: the final response matches a pattern.
     *
     * @param pattern the pattern
     */
    record Matches(BytePattern pattern) implements Expectation {
        @Override
        public boolean test(UdsOutcome outcome, Map<String, byte[]> variables) {
            return outcome.status() != UdsOutcome.Status.ERROR && outcome.response().isPresent()
                    && pattern.matches(outcome.response().get().bytes(), variables);
        }

        @Override
        public String toString() {
            return pattern.toString();
        }
    }

    /** What the outcome was, for a failed expectation's message. */
    static String describe(UdsOutcome outcome) {
        return switch (outcome.status()) {
            case POSITIVE, NEGATIVE -> outcome.response().map(r -> Hex.format(r.bytes())
                    + (r.isNegative() ? " (" + Nrc.nameOf(r.nrc()) + ")" : "")).orElse("nothing");
            case ACCEPTED_SILENTLY -> "no response (suppressed, no refusal)";
            case TIMEOUT, ERROR -> outcome.message();
        };
    }
}
