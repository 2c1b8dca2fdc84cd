package dev.obdio.cli;

import dev.obdio.can.CanFrame;
import dev.obdio.can.Dlc;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * cangen's frame generator: ids, lengths and data that are random, incrementing or fixed, for
 * classic, 29-bit, remote and CAN FD frames. Deterministic for a given random source, so a seed
 * reproduces a run. Not thread-safe.
 */
final class FrameGenerator {

    /** How a value is chosen for each frame (cangen's generation modes). */
    enum Kind {
        /** A new random value each frame ({@code r}). */
        RANDOM,
        /** A random even id ({@code e}). */
        RANDOM_EVEN,
        /** A random odd id ({@code o}). */
        RANDOM_ODD,
        /** 0, 1, 2, … ({@code i}). */
        INCREMENT,
        /** Always the given value. */
        FIXED
    }

    /**
     * The mode of the id or the length.
     *
     * @param kind  how the value is chosen
     * @param value the fixed value
     */
    record Mode(Kind kind, long value) {
        static final Mode RANDOM = new Mode(Kind.RANDOM, 0);

        /**
         * cangen's mode argument: {@code r}, {@code i}, ({@code e}, {@code o} where allowed) or a
         * fixed value in the given radix.
         */
        static Mode parse(String text, int radix, boolean evenOdd, String what) {
            switch (text) {
                case "r":
                    return RANDOM;
                case "i":
                    return new Mode(Kind.INCREMENT, 0);
                case "e":
                case "o":
                    if (evenOdd) {
                        return new Mode(text.equals("e") ? Kind.RANDOM_EVEN : Kind.RANDOM_ODD, 0);
                    }
                    break;
                default:
                    break;
            }
            try {
                long v = Long.parseLong(text, radix);
                if (v >= 0) {
                    return new Mode(Kind.FIXED, v);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(what + " \"" + text + "\": use r (random), i (increment)"
                    + (evenOdd ? ", e (even), o (odd)" : "") + " or a " + (radix == 16 ? "hex" : "decimal") + " value");
        }
    }

    /**
     * The data mode: random, incrementing (a 64-bit little-endian counter) or fixed bytes, where
     * the nibbles set in {@code randomNibbles} are random each frame (cangen's {@code x}).
     */
    record DataMode(Kind kind, byte[] fixed, byte[] randomNibbles) {
        static final DataMode RANDOM = new DataMode(Kind.RANDOM, new byte[0], new byte[0]);

        /** Copies the arrays. */
        DataMode {
            fixed = fixed.clone();
            randomNibbles = randomNibbles.clone();
        }

        /** {@code r}, {@code i}, or hex bytes in which {@code x} marks a random nibble ({@code 11xx3344}). */
        static DataMode parse(String text) {
            if (text.equals("r")) {
                return RANDOM;
            }
            if (text.equals("i")) {
                return new DataMode(Kind.INCREMENT, new byte[0], new byte[0]);
            }
            if (text.isEmpty() || text.length() % 2 != 0 || text.length() > 2 * Dlc.FD_MAX_LENGTH) {
                throw new IllegalArgumentException("data \"" + text + "\": use r, i, or 1..64 bytes of hex "
                        + "(two digits a byte, x for a random nibble)");
            }
            String digits = text.replace('x', '0').replace('X', '0');
            byte[] fixed;
            try {
                fixed = HexFormat.of().parseHex(digits);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data \"" + text + "\" is not hex (x marks a random nibble)");
            }
            byte[] mask = new byte[fixed.length];
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 'x' || c == 'X') {
                    mask[i / 2] |= (byte) (i % 2 == 0 ? 0xF0 : 0x0F);
                }
            }
            return new DataMode(Kind.FIXED, fixed, mask);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DataMode d && kind == d.kind && Arrays.equals(fixed, d.fixed)
                    && Arrays.equals(randomNibbles, d.randomNibbles);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * kind.hashCode() + Arrays.hashCode(fixed)) + Arrays.hashCode(randomNibbles);
        }

        @Override
        public String toString() {
            return "DataMode[" + kind + " " + HexFormat.of().formatHex(fixed) + "]";
        }
    }

    /**
     * Which frames to make.
     *
     * @param extended 29-bit ids ({@code -e})
     * @param fd       CAN FD frames ({@code -f})
     * @param brs      CAN FD with bit rate switch ({@code -b})
     * @param esi      CAN FD with error state indicator ({@code -E})
     * @param remote   remote requests ({@code -R}, classic only)
     * @param mix      a random mix of all of these ({@code -m})
     * @param rawDlc   classic lengths 9..15 become 8 bytes with a raw DLC ({@code -8})
     */
    record Types(boolean extended, boolean fd, boolean brs, boolean esi, boolean remote, boolean mix, boolean rawDlc) {
        static final Types CLASSIC = new Types(false, false, false, false, false, false, false);
    }

    private final Mode id;
    private final Mode length;
    private final DataMode data;
    private final Types types;
    private final SplittableRandom random;
    private long idCounter;
    private int dlcCounter;
    private long dataCounter;

    /**
     * @throws IllegalArgumentException for a fixed id the frames cannot carry, or remote CAN FD frames
     */
    FrameGenerator(Mode id, Mode length, DataMode data, Types types, SplittableRandom random) {
        if (id.kind() == Kind.FIXED && !types.mix()) {
            long max = types.extended() ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID;
            if (id.value() > max) {
                throw new IllegalArgumentException(String.format("the id %X is above %X%s", id.value(), max,
                        types.extended() ? "" : ": add -e for 29-bit ids"));
            }
        }
        if (types.remote() && types.fd() && !types.mix()) {
            throw new IllegalArgumentException("remote requests (-R) are classic CAN only, not CAN FD");
        }
        this.id = id;
        this.length = length;
        this.data = data;
        this.types = types;
        this.random = random;
    }

    /** The next frame. */
    CanFrame next() {
        boolean extended = types.extended();
        boolean fd = types.fd();
        boolean brs = types.brs();
        boolean esi = types.esi();
        boolean remote = types.remote();
        if (types.mix()) {
            int r = random.nextInt(16);
            extended = (r & 1) != 0;
            fd = (r & 2) != 0;
            brs = fd && random.nextBoolean();
            esi = fd && random.nextBoolean();
            remote = !fd && random.nextInt(4) == 0;
        }
        int canId = nextId(extended);
        int len;
        int len8Dlc = 0;
        if (fd) {
            len = fdLength();
        } else {
            int dlc = classicDlc();
            len = Math.min(dlc, Dlc.CLASSIC_MAX_LENGTH);
            len8Dlc = dlc > Dlc.CLASSIC_MAX_LENGTH ? dlc : 0;
        }
        if (data.kind() == Kind.INCREMENT && len == 0) {
            len = 1; // cangen: incrementing data needs at least one byte
            len8Dlc = 0;
        }
        dlcCounter++;
        if (remote && !fd) {
            return new CanFrame(canId, extended, CanFrame.Kind.REMOTE, false, false, false, len8Dlc, new byte[len]);
        }
        byte[] payload = payload(len);
        if (fd) {
            return CanFrame.fd(canId, extended, brs, esi, payload);
        }
        return new CanFrame(canId, extended, CanFrame.Kind.DATA, false, false, false, len8Dlc, payload);
    }

    private int nextId(boolean extended) {
        int max = extended ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID;
        return switch (id.kind()) {
            case RANDOM -> random.nextInt(max + 1);
            case RANDOM_EVEN -> random.nextInt(max + 1) & ~1;
            case RANDOM_ODD -> random.nextInt(max + 1) | 1;
            case INCREMENT -> (int) (idCounter++ & max);
            case FIXED -> (int) (id.value() & max);
        };
    }

    private int fdLength() {
        return switch (length.kind()) {
            case INCREMENT -> Dlc.fdLength(dlcCounter & 0xF);
            case FIXED -> Dlc.fdLengthAtLeast((int) Math.min(length.value(), Dlc.FD_MAX_LENGTH));
            default -> Dlc.fdLength(random.nextInt(16));
        };
    }

    /** A classic DLC: 0..8, or 0..15 with raw DLCs. */
    private int classicDlc() {
        int max = types.rawDlc() ? 15 : Dlc.CLASSIC_MAX_LENGTH;
        return switch (length.kind()) {
            case INCREMENT -> dlcCounter % (max + 1);
            case FIXED -> (int) Math.min(length.value(), max);
            default -> {
                int dlc = random.nextInt(16);
                // cangen: about half of the frames get 8 bytes (or a raw DLC 9..15 with -8)
                yield (dlc & 8) != 0 && !types.rawDlc() ? 8 : dlc;
            }
        };
    }

    private byte[] payload(int len) {
        byte[] bytes = new byte[len];
        switch (data.kind()) {
            case INCREMENT -> {
                for (int i = 0; i < Math.min(len, 8); i++) {
                    bytes[i] = (byte) (dataCounter >>> (8 * i));
                }
                dataCounter++;
            }
            case FIXED -> {
                System.arraycopy(data.fixed(), 0, bytes, 0, Math.min(len, data.fixed().length));
                for (int i = 0; i < Math.min(len, data.randomNibbles().length); i++) {
                    int mask = data.randomNibbles()[i] & 0xFF;
                    bytes[i] = (byte) ((bytes[i] & ~mask) | (random.nextInt(256) & mask));
                }
            }
            default -> {
                for (int i = 0; i < len; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
            }
        }
        return bytes;
    }
}
