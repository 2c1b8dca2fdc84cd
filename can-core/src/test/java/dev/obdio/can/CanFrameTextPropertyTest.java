package dev.obdio.can;

import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded random checks of the frame and log line codecs; the seed is printed for replay. */
class CanFrameTextPropertyTest {
    private static final int RUNS = 5_000;

    @Test
    void everyValidFrameSurvivesFormatAndParse() {
        RandomFrames frames = new RandomFrames(new SplittableRandom(RandomFrames.seed("frames", 0x0BD10L)));
        for (int i = 0; i < RUNS; i++) {
            CanFrame f = frames.any();
            String text = CanFrameText.format(f);
            check(CanFrameText.parse(text), f, text);
            String dotted = CanFrameText.format(f, true);
            check(CanFrameText.parse(dotted), f, dotted);
        }
    }

    @Test
    void everyLogLineSurvivesFormatAndParse() {
        RandomFrames frames = new RandomFrames(new SplittableRandom(RandomFrames.seed("log lines", 0x106L)));
        for (int i = 0; i < RUNS; i++) {
            ReceivedFrame r = frames.received();
            String withDirection = CandumpLog.format(r, i % 3 == 0 ? 12 : 0, true);
            check(CandumpLog.isFrameLine(withDirection), true, withDirection);
            check(CandumpLog.parse(withDirection), r, withDirection);
            String plain = CandumpLog.format(r);
            check(CandumpLog.parse(plain), new ReceivedFrame(r.frame(), r.timestampNanos(), r.channel(),
                    ReceivedFrame.Direction.RX), plain);
        }
    }

    @Test
    void garbageFramesOnlyEverGiveTheDocumentedException() {
        SplittableRandom random = new SplittableRandom(RandomFrames.seed("garbage frames", 0x6A4BA6EL));
        RandomFrames frames = new RandomFrames(random);
        String alphabet = "0123456789ABCDEFabcdef#R_r.Gx -\t\u00e9(";
        for (int i = 0; i < RUNS * 2; i++) {
            String text = i % 2 == 0 ? randomText(random, alphabet, 30) : mutate(random, CanFrameText.format(frames.any()), alphabet);
            checkFrame(text);
        }
    }

    @Test
    void garbageLogLinesOnlyEverGiveTheDocumentedException() {
        SplittableRandom random = new SplittableRandom(RandomFrames.seed("garbage lines", 0x1065L));
        RandomFrames frames = new RandomFrames(random);
        String alphabet = "0123456789ABCDEF#R_.() \tTcanv:";
        for (int i = 0; i < RUNS * 2; i++) {
            String line = i % 2 == 0 ? randomText(random, alphabet, 50)
                    : mutate(random, CandumpLog.format(frames.received(), random.nextInt(12), random.nextBoolean()), alphabet);
            try {
                ReceivedFrame r = CandumpLog.parse(line);
                // Whatever was accepted is canonical after one more round.
                check(CandumpLog.parse(CandumpLog.format(r, 0, true)), r, line);
            } catch (FrameSyntaxException e) {
                checkError(e, line);
            } catch (RuntimeException e) {
                fail("\"" + line + "\" threw " + e, e);
            }
        }
    }

    private static void checkFrame(String text) {
        try {
            CanFrame f = CanFrameText.parse(text);
            check(CanFrameText.parse(CanFrameText.format(f)), f, text);
        } catch (FrameSyntaxException e) {
            checkError(e, text);
        } catch (RuntimeException e) {
            fail("\"" + text + "\" threw " + e, e);
        }
    }

    // Plain checks: AssertJ per iteration would make this test ten times slower.
    private static void check(Object actual, Object expected, String text) {
        if (!actual.equals(expected)) {
            fail("\"" + text + "\": expected " + expected + " but got " + actual);
        }
    }

    private static void checkError(FrameSyntaxException e, String text) {
        if (e.position() < 0 || e.position() > text.length() || !e.input().equals(text)) {
            fail("\"" + text + "\": bad error position or input in " + e.getMessage(), e);
        }
    }

    private static String randomText(SplittableRandom random, String alphabet, int maxLength) {
        int len = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** One to three edits: replace, insert, delete or truncate. */
    static String mutate(SplittableRandom random, String valid, String alphabet) {
        StringBuilder s = new StringBuilder(valid);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (s.length() > 0) {
                        s.setCharAt(at, c);
                    }
                }
                case 1 -> s.insert(at, c);
                case 2 -> {
                    if (s.length() > 0) {
                        s.deleteCharAt(at);
                    }
                }
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }
}
