package dev.obdio.can;

import java.nio.charset.StandardCharsets;

/**
 * The datagram format of python-can's {@code udp_multicast} interface (unchanged from 4.0 to
 * 4.6): one msgpack map per datagram, one CAN message per map, with the keyword arguments of
 * {@code can.Message} as string keys:
 *
 * <pre>
 * timestamp              float64  seconds since the epoch (receivers replace it by the arrival time)
 * arbitration_id         int      11- or 29-bit id; for an error frame the CAN_ERR_* class bits
 * is_extended_id         bool     29-bit id (can.Message defaults it to true when absent)
 * is_remote_frame        bool     remote request; its data is empty, dlc is the requested length
 * is_error_frame         bool
 * channel                any      the sender's channel, usually nil; ignored
 * dlc                    int      the payload length in BYTES, also for CAN FD (64, not 15)
 * data                   bin      the payload
 * is_fd, bitrate_switch, error_state_indicator   bool
 * </pre>
 *
 * <p>python-can checks every received message with {@code Message(check=True)} and raises
 * from {@code recv()} when the check fails, so a datagram we send must always pass it: dlc
 * equal to the data length and at most 8 for classic frames, no data in a remote request, an
 * 11-bit arbitration id unless {@code is_extended_id}. Nor can the map carry anything more
 * (e.g. a raw DLC): python-can passes every key to {@code can.Message()}, and an unknown one
 * raises a TypeError there.
 */
final class UdpWireFormat {
    static final String TIMESTAMP = "timestamp";
    static final String ARBITRATION_ID = "arbitration_id";
    static final String IS_EXTENDED_ID = "is_extended_id";
    static final String IS_REMOTE_FRAME = "is_remote_frame";
    static final String IS_ERROR_FRAME = "is_error_frame";
    static final String CHANNEL = "channel";
    static final String DLC = "dlc";
    static final String DATA = "data";
    static final String IS_FD = "is_fd";
    static final String BITRATE_SWITCH = "bitrate_switch";
    static final String ERROR_STATE_INDICATOR = "error_state_indicator";

    /** The keys in python-can's order; every datagram we send carries all of them. */
    static final String[] KEYS = {TIMESTAMP, ARBITRATION_ID, IS_EXTENDED_ID, IS_REMOTE_FRAME, IS_ERROR_FRAME,
            CHANNEL, DLC, DATA, IS_FD, BITRATE_SWITCH, ERROR_STATE_INDICATOR};

    /** Longest key in bytes; a longer key is unknown without reading it. */
    static final int MAX_KEY_LENGTH;

    static {
        int max = 0;
        for (String k : KEYS) {
            max = Math.max(max, k.getBytes(StandardCharsets.US_ASCII).length);
        }
        MAX_KEY_LENGTH = max;
    }

    /**
     * Largest datagram a receiver reads, as python-can's {@code max_buffer}; a CAN FD frame
     * with every key takes about 230 bytes.
     */
    static final int MAX_DATAGRAM = 4096;

    private UdpWireFormat() {
    }
}
