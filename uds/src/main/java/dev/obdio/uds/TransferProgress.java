package dev.obdio.uds;

/** Told after each TransferData block of a download or upload, on the thread running it. */
@FunctionalInterface
public interface TransferProgress {
    /** Ignores progress. */
    TransferProgress NONE = (blocks, done, total) -> { };

    /**
     * One block went through.
     *
     * @param blocks blocks transferred so far
     * @param done   bytes transferred so far
     * @param total  bytes of the whole transfer
     */
    void onBlock(int blocks, long done, long total);
}
