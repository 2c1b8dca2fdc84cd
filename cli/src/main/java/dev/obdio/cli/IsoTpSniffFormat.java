package dev.obdio.cli;

/**
 * One line of {@code isotpsniffer} (can-utils 2020.11) per reassembled PDU:
 * {@code " vcan0  7E8  [20]  62 F1 90 …  - 'b..WDX…'"}: the interface, the identifier the PDU came
 * on, its length, then hex ({@code -f 1}), ASCII ({@code -f 2}) or both ({@code -f 3}, default),
 * cut after {@code -h} bytes, in red (from the source) or blue (from the destination) with
 * {@code -c}.
 */
final class IsoTpSniffFormat {
    static final int HEX = 1;
    static final int ASCII = 2;

    private IsoTpSniffFormat() {
    }

    /**
     * The line for a PDU, with its newline.
     *
     * @param timestamp the prefix of {@link IsoTpTimestamps}
     * @param ifname    the interface
     * @param id        the identifier the PDU came on (without the 29-bit flag)
     * @param pdu       the PDU
     * @param format    {@link #HEX}, {@link #ASCII} or both
     * @param head      print at most this many bytes, 0 for all
     * @param color     {@link IsoTpDumpFormat#RED}, {@link IsoTpDumpFormat#BLUE} or null
     */
    static String line(String timestamp, String ifname, int id, byte[] pdu, int format, int head, String color) {
        StringBuilder sb = new StringBuilder(pdu.length * 4 + 40);
        if (color != null) {
            sb.append(color);
        }
        sb.append(timestamp);
        sb.append(' ').append(ifname).append("  ").append(String.format("%03X", id)).append("  [")
                .append(pdu.length).append("]  ");
        if ((format & HEX) != 0) {
            for (int i = 0; i < pdu.length; i++) {
                sb.append(String.format("%02X ", pdu[i] & 0xFF));
                if (head != 0 && i + 1 >= head) {
                    sb.append("... ");
                    break;
                }
            }
            if ((format & ASCII) != 0) {
                sb.append(" - ");
            }
        }
        if ((format & ASCII) != 0) {
            sb.append('\'');
            int i;
            for (i = 0; i < pdu.length; i++) {
                int b = pdu[i] & 0xFF;
                sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                if (head != 0 && i + 1 >= head) {
                    break;
                }
            }
            sb.append('\'');
            // isotpsniffer tests the loop index after the loop: with a full PDU of head - 1 bytes
            // it prints the ellipsis too. Kept, to match its output.
            if (head != 0 && i + 1 >= head) {
                sb.append(" ... ");
            }
        }
        if (color != null) {
            sb.append(IsoTpDumpFormat.RESET);
        }
        return sb.append('\n').toString();
    }
}
