package dev.obdio.isotp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What an ISO-TP channel reports: a PDU received, a PDU sent, or a fault. Listeners get every
 * event of their channel in order (see the package documentation for the thread).
 */
public sealed interface IsoTpEvent {

    /**
     * A complete PDU arrived.
     *
     * @param data the PDU (copied in and out)
     */
    record Received(byte[] data) implements IsoTpEvent {
        /** Copies the data. */
        public Received {
            if (data == null) {
                throw new IllegalArgumentException("data must not be null");
            }
            data = data.clone();
        }

        /** A copy of the PDU. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The PDU length. */
        public int length() {
            return data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Received r && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Received[" + data.length + "] " + HexFormat.of().withUpperCase().formatHex(data);
        }
    }

    /**
     * A PDU was sent completely: its last frame is on the bus.
     *
     * @param length the PDU length
     */
    record Sent(int length) implements IsoTpEvent {
    }

    /**
     * A fault; see {@link IsoTpError} for the kinds.
     *
     * @param error what went wrong
     */
    record Failed(IsoTpError error) implements IsoTpEvent {
        /** Checks that the error is given. */
        public Failed {
            if (error == null) {
                throw new IllegalArgumentException("error must not be null");
            }
        }
    }
}
