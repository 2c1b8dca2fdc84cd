package dev.obdio.can;

/**
 * One SocketCAN receive filter ({@code struct can_filter}): a frame matches when
 * {@code frame.rawCanId() & mask == id & mask}, or when it does not with {@code inverted}
 * (candump's {@code id~mask}). {@code id} and {@code mask} are raw {@code can_id} words, so
 * {@link CanFrame#EFF_FLAG} and {@link CanFrame#RTR_FLAG} take part in the comparison exactly
 * as in the kernel: {@code 123:7FF} also matches the 29-bit id {@code 0x00000123}, while
 * {@code 123:C00007FF} matches only the 11-bit data frame.
 *
 * @param id       the raw identifier to compare with
 * @param mask     the bits that must agree
 * @param inverted match the frames that do not agree
 */
public record CanFilter(int id, int mask, boolean inverted) {

    /** The filter that matches every frame (the kernel's default {@code 0:0}). */
    public static final CanFilter ALL = new CanFilter(0, 0, false);

    /** A filter that matches exactly this 11-bit data frame id. */
    public static CanFilter standardId(int id) {
        if (id < 0 || id > CanFrame.MAX_STANDARD_ID) {
            throw new IllegalArgumentException(String.format("11-bit id out of range: 0x%X", id));
        }
        return new CanFilter(id, CanFrame.EFF_FLAG | CanFrame.RTR_FLAG | CanFrame.MAX_STANDARD_ID, false);
    }

    /** A filter that matches exactly this 29-bit data frame id. */
    public static CanFilter extendedId(int id) {
        if (id < 0 || id > CanFrame.MAX_EXTENDED_ID) {
            throw new IllegalArgumentException(String.format("29-bit id out of range: 0x%X", id));
        }
        return new CanFilter(id | CanFrame.EFF_FLAG, CanFrame.EFF_FLAG | CanFrame.RTR_FLAG | CanFrame.MAX_EXTENDED_ID,
                false);
    }

    /** Whether the frame passes this filter (error frames are matched by the error mask instead). */
    public boolean matches(CanFrame frame) {
        boolean same = (frame.rawCanId() & mask) == (id & mask);
        return same != inverted;
    }
}
