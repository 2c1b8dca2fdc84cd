package dev.obdio.uds;

import java.util.Arrays;

/**
 * How a download went.
 *
 * @param blocks         TransferData requests sent
 * @param bytes          data bytes transferred
 * @param maxBlockLength the server's maxNumberOfBlockLength (SID and counter included)
 * @param exitRecord     the RequestTransferExit response's parameter record (copied in and out)
 */
public record TransferSummary(int blocks, long bytes, long maxBlockLength, byte[] exitRecord) {
    /** Copies the record. */
    public TransferSummary {
        exitRecord = Checks.copy("exitRecord", exitRecord);
    }

    @Override
    public byte[] exitRecord() {
        return exitRecord.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferSummary s && s.blocks == blocks && s.bytes == bytes
                && s.maxBlockLength == maxBlockLength && Arrays.equals(s.exitRecord, exitRecord);
    }

    @Override
    public int hashCode() {
        return (blocks * 31 + Long.hashCode(bytes)) * 31 + Arrays.hashCode(exitRecord);
    }

    @Override
    public String toString() {
        return "TransferSummary[" + blocks + " blocks, " + bytes + " bytes, maxBlockLength " + maxBlockLength
                + ", exit " + Hex.format(exitRecord) + "]";
    }
}
