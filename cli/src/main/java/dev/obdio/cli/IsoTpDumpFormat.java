package dev.obdio.cli;

import dev.obdio.can.CanFrame;

/**
 * One line of {@code isotpdump} (can-utils 2020.11) per frame: interface, identifier, the
 * extended address in braces, the length, then the frame type with its fields:
 * <pre>
 *  vcan0  7E0  [8]  [FF] ln: 20   data: 62 F1 90 57 30 4C
 *  vcan0  7E8  [3]  [FC] FC: 0 = CTS # BS: 0 = off # STmin: 0x00 = 0 ms
 *  vcan0  7E0  [8]  [CF] sn: 1    data: 30 30 30 30 34 33 32
 * </pre>
 * with {@code -a} the data in ASCII, with {@code -u} the UDS service of single and first frames,
 * with {@code -c} the source's frames in red and the destination's in blue.
 *
 * <p>Stateful like isotpdump: the UDS annotation waits for the next frame that carries data after
 * a single or first frame without any. One instance per output, not thread-safe.
 */
final class IsoTpDumpFormat {
    static final String RED = "\033[31m";
    static final String BLUE = "\033[34m";
    static final String RESET = "\033[0m";
    private static final String[] FLOW_STATUS = {"CTS", "WT", "OVFLW", "reserved"};

    private final String ifname;
    private final int sourceRawId;
    private final boolean extendedAddressing;
    private final boolean ascii;
    private final boolean color;
    private final boolean uds;
    private boolean udsPending;

    /**
     * @param ifname             the interface name printed on each line
     * @param sourceRawId        the source id with the 29-bit flag (its frames are red with -c)
     * @param extendedAddressing the first data byte is an address byte (-x)
     * @param ascii              -a
     * @param color              -c
     * @param uds                -u
     */
    IsoTpDumpFormat(String ifname, int sourceRawId, boolean extendedAddressing, boolean ascii, boolean color,
                    boolean uds) {
        this.ifname = ifname;
        this.sourceRawId = sourceRawId;
        this.extendedAddressing = extendedAddressing;
        this.ascii = ascii;
        this.color = color;
        this.uds = uds;
    }

    /** The line for a frame (with its newline), after the timestamp prefix. */
    String line(String timestamp, CanFrame frame) {
        StringBuilder sb = new StringBuilder(96);
        int ext = extendedAddressing ? 1 : 0;
        int len = frame.length();
        if (color) {
            sb.append(frame.rawCanId() == sourceRawId ? RED : BLUE);
        }
        sb.append(timestamp);
        if (frame.extended()) {
            sb.append(' ').append(ifname).append("  ").append(String.format("%8X", frame.id()));
        } else {
            sb.append(' ').append(ifname).append("  ").append(String.format("%3X", frame.id()));
        }
        if (extendedAddressing) {
            sb.append(String.format("{%02X}", byteAt(frame, 0)));
        }
        sb.append(frame.fd() ? String.format(" [%02d]  ", len) : String.format("  [%d]  ", len));
        int dataIndex = 0;
        int pci = byteAt(frame, ext);
        switch (pci & 0xF0) {
            case 0x00 -> {
                udsPending = true;
                if ((pci & 0x0F) != 0) {
                    sb.append(String.format("[SF] ln: %-4d data:", pci & 0x0F));
                    dataIndex = ext + 1;
                } else {
                    sb.append(String.format("[SF] ln: %-4d data:", byteAt(frame, ext + 1)));
                    dataIndex = ext + 2;
                }
            }
            case 0x10 -> {
                udsPending = true;
                long ffLength = ((pci & 0x0FL) << 8) + byteAt(frame, ext + 1);
                if (ffLength != 0) {
                    dataIndex = ext + 2;
                } else {
                    ffLength = ((long) byteAt(frame, ext + 2) << 24) + (byteAt(frame, ext + 3) << 16)
                            + (byteAt(frame, ext + 4) << 8) + byteAt(frame, ext + 5);
                    dataIndex = ext + 6;
                }
                sb.append(String.format("[FF] ln: %-4d data:", ffLength));
            }
            case 0x20 -> {
                sb.append(String.format("[CF] sn: %X    data:", pci & 0x0F));
                dataIndex = ext + 1;
            }
            case 0x30 -> {
                int status = pci & 0x0F;
                sb.append(String.format("[FC] FC: %d ", status));
                sb.append("= ").append(FLOW_STATUS[Math.min(status, 3)]).append(" # ");
                int bs = byteAt(frame, ext + 1);
                sb.append(String.format("BS: %d %s# ", bs, bs != 0 ? "" : "= off "));
                int stMin = byteAt(frame, ext + 2);
                sb.append(String.format("STmin: 0x%02X = ", stMin));
                if (stMin < 0x80) {
                    sb.append(stMin).append(" ms");
                } else if (stMin > 0xF0 && stMin < 0xFA) {
                    sb.append((stMin & 0x0F) * 100).append(" us");
                } else {
                    sb.append("reserved");
                }
            }
            default -> sb.append("[??]");
        }
        if (dataIndex != 0 && len > dataIndex) {
            sb.append(' ');
            for (int i = dataIndex; i < len; i++) {
                sb.append(String.format("%02X ", byteAt(frame, i)));
            }
            int shortOf = (7 - ext) - (len - dataIndex); // isotpdump aligns to a full classic frame
            if (ascii) {
                sb.append(pad(shortOf * 3 + 5, "-  '"));
                for (int i = dataIndex; i < len; i++) {
                    int b = byteAt(frame, i);
                    sb.append(b > 0x1F && b < 0x7F ? (char) b : '.');
                }
                sb.append('\'');
            }
            if (uds && udsPending) {
                sb.append(pad(shortOf * (ascii ? 1 : 3) + 3, " - "));
                sb.append(UdsNames.describe(byteAt(frame, dataIndex), byteAt(frame, dataIndex + 2)));
                udsPending = false;
            }
        }
        if (color) {
            sb.append(RESET);
        }
        return sb.append('\n').toString();
    }

    /** C's {@code printf("%*s", width, text)}: right-aligned, left-aligned for a negative width. */
    static String pad(int width, String text) {
        if (width == 0) {
            return text;
        }
        return String.format(width > 0 ? "%" + width + "s" : "%-" + (-width) + "s", text);
    }

    /** A data byte, 0 beyond the frame's length (isotpdump reads the zeroed rest of the frame struct). */
    private static int byteAt(CanFrame frame, int index) {
        return index < frame.length() ? frame.dataByte(index) : 0;
    }
}
