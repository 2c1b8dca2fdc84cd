package dev.obdio.isotp;

import dev.obdio.can.CanException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The completion of one queued PDU send, as both engines hand it to their callers: blocking with
 * the transfer's own exception, or as a future whose callbacks run on the channel's event thread.
 */
final class PduSend {
    private PduSend() {
    }

    /**
     * Waits for {@code sent} and rethrows its failure as the same exception type, created on the
     * caller's thread so that its stack trace shows the caller.
     */
    static void await(CompletableFuture<Void> sent) throws InterruptedException {
        try {
            sent.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IsoTpException iso) {
                throw new IsoTpException(iso.error());
            }
            if (cause instanceof CanException can) {
                throw new CanException(can.reason(), can.getMessage(), can);
            }
            throw new IllegalStateException("send failed", cause);
        }
    }

    /**
     * {@code sent}, with the caller's callbacks moved to {@code events}, never to the protocol
     * threads that complete it; run in place when {@code events} refuses, so no completion is lost.
     */
    static CompletableFuture<Void> completedOn(CompletableFuture<Void> sent, Executor events) {
        return sent.whenCompleteAsync((ignored, failure) -> { }, task -> {
            try {
                events.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        });
    }
}
