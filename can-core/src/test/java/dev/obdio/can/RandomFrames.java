package dev.obdio.can;

import java.util.SplittableRandom;

/**
 * Random valid frames of every kind, for seeded property tests: 11/29-bit data frames with
 * raw DLCs, remote requests of every length, CAN FD frames of every length with BRS/ESI, and
 * error frames. Public so that tests of higher modules can use it through the test jar.
 */
public final class RandomFrames {
    private static final int[] FD_LENGTHS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64};

    private final SplittableRandom random;

    /** Frames from this random source. */
    public RandomFrames(SplittableRandom random) {
        this.random = random;
    }

    /** A seed for a test run: {@code -Dobdio.seed=N} or the given default, printed so a failure can be replayed. */
    public static long seed(String test, long defaultSeed) {
        long seed = Long.getLong("obdio.seed", defaultSeed);
        System.out.println(test + ": seed " + seed + " (replay with -Dobdio.seed=" + seed + ")");
        return seed;
    }

    /** Any kind of frame. */
    public CanFrame any() {
        return switch (random.nextInt(4)) {
            case 0 -> data();
            case 1 -> remote();
            case 2 -> fd();
            default -> error();
        };
    }

    /** A classic data frame, 11 or 29 bits, sometimes with a raw DLC 9..15. */
    public CanFrame data() {
        boolean extended = random.nextBoolean();
        int len = random.nextInt(9);
        return new CanFrame(id(extended), extended, CanFrame.Kind.DATA, false, false, false, rawDlc(len), bytes(len));
    }

    /** A remote request of 0..8 bytes, sometimes with a raw DLC. */
    public CanFrame remote() {
        boolean extended = random.nextBoolean();
        int len = random.nextInt(9);
        return new CanFrame(id(extended), extended, CanFrame.Kind.REMOTE, false, false, false, rawDlc(len),
                new byte[len]);
    }

    /** A CAN FD frame of any CAN FD length with random BRS and ESI. */
    public CanFrame fd() {
        boolean extended = random.nextBoolean();
        return CanFrame.fd(id(extended), extended, random.nextBoolean(), random.nextBoolean(),
                bytes(FD_LENGTHS[random.nextInt(FD_LENGTHS.length)]));
    }

    /** An error frame: a few error classes (sometimes any 29 bits) and 0..8 detail bytes. */
    public CanFrame error() {
        int errorClass = random.nextInt(4) == 0 ? random.nextInt(CanFrame.MAX_EXTENDED_ID + 1) : random.nextInt(0x400);
        int len = random.nextInt(5) == 0 ? random.nextInt(9) : 8;
        return new CanFrame(errorClass, false, CanFrame.Kind.ERROR, false, false, false, rawDlc(len), bytes(len));
    }

    private int id(boolean extended) {
        // Edge values now and then: 0 and the largest id.
        int max = extended ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID;
        return switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> max;
            default -> random.nextInt(max + 1);
        };
    }

    private int rawDlc(int len) {
        return len == 8 && random.nextInt(4) == 0 ? 9 + random.nextInt(7) : 0;
    }

    private byte[] bytes(int len) {
        byte[] data = new byte[len];
        for (int i = 0; i < len; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        return data;
    }

    /** A channel name as buses report them. */
    public String channel() {
        String[] names = {"can0", "vcan0", "vcanlong1", "virtual:car", "udp:239.74.163.2:43113", "c"};
        return names[random.nextInt(names.length)];
    }

    /** A received frame with a microsecond timestamp (what a log line can carry). */
    public ReceivedFrame received() {
        long micros = random.nextLong(4_102_444_800_000_000L); // up to the year 2100
        return new ReceivedFrame(any(), micros * 1000, channel(),
                random.nextBoolean() ? ReceivedFrame.Direction.RX : ReceivedFrame.Direction.TX);
    }
}
