package dev.obdio.sim;

import dev.obdio.isotp.IsoTpChannel;
import dev.obdio.isotp.IsoTpError;
import dev.obdio.isotp.IsoTpEvent;
import dev.obdio.isotp.IsoTpException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One ECU of a {@link VehicleServer} on the bus: its ISO-TP channel (receive on the request id,
 * send on the response id), the requests that arrive there, and the replies going out on it.
 */
final class EcuEndpoint {
    private final VehicleServer server;
    private final SimulatedEcu ecu;
    private final IsoTpChannel channel;

    EcuEndpoint(VehicleServer server, SimulatedEcu ecu, IsoTpChannel channel) {
        this.server = server;
        this.ecu = ecu;
        this.channel = channel;
    }

    SimulatedEcu ecu() {
        return ecu;
    }

    IsoTpChannel channel() {
        return channel;
    }

    /** The channel's events (ISO-TP event thread): requests, and faults of incoming transfers. */
    void onEvent(IsoTpEvent event) {
        if (event instanceof IsoTpEvent.Received r) {
            server.onPhysical(this, r.data());
        } else if (event instanceof IsoTpEvent.Failed f && f.error().direction() == IsoTpError.Direction.RECEIVE) {
            // Failed sends are reported with the request they answer (Reply); these lost a request.
            server.transportFault(ecu.name(), f.error().message());
        }
    }

    /** A reply to send on this channel: the responses of {@code schedule}, each when the timer says. */
    Reply reply(ServedRequest request, ResponseSchedule schedule, long arrivalNanos) {
        return new Reply(request, schedule.responses(), arrivalNanos);
    }

    /**
     * The responses to one request. The timer thread calls {@link #send} for each when it is due;
     * the last one's completion (on the ISO-TP event thread) reports the request to the log.
     */
    final class Reply {
        private final ServedRequest request;
        private final List<ScheduledResponse> responses;
        private final long arrivalNanos;
        private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

        Reply(ServedRequest request, List<ScheduledResponse> responses, long arrivalNanos) {
            this.request = request;
            this.responses = responses;
            this.arrivalNanos = arrivalNanos;
        }

        /** Starts sending response {@code index} (timer thread). */
        void send(int index) {
            byte[] payload = responses.get(index).payload();
            CompletableFuture<Void> sent;
            try {
                sent = channel.sendAsync(payload);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e); // closed, or too many sends queued
            }
            if (index < responses.size() - 1) {
                sent.whenComplete((ok, error) -> {
                    if (error != null) {
                        firstFailure.compareAndSet(null, error);
                    }
                });
                return;
            }
            sent.whenComplete((ok, error) -> finish(payload, error));
        }

        /** The final response is out, or failed: one log entry for the request. */
        private void finish(byte[] payload, Throwable error) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - arrivalNanos);
            Throwable failure = error != null ? error : firstFailure.get();
            ServedRequest.Outcome outcome;
            if (failure == null) {
                int pending = 0;
                for (int i = 0; i < responses.size() - 1; i++) {
                    if (responses.get(i).isResponsePending()) {
                        pending++;
                    }
                }
                outcome = new ServedRequest.Answered(payload, pending, elapsed);
            } else {
                outcome = new ServedRequest.Failed(reason(failure), elapsed);
            }
            server.served(new ServedRequest(request.time(), request.ecu(), request.canId(), request.extendedId(),
                    request.addressing(), request.request(), outcome));
        }
    }

    /** A failed send's cause in a few words. */
    static String reason(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IsoTpException e) {
            return e.error().message();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
