package dev.obdio.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.obdio.can.CanFilterSet;
import dev.obdio.can.CanFrame;
import dev.obdio.can.CanFrameText;
import dev.obdio.can.ReceivedFrame;
import dev.obdio.obd.ObdJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;

/**
 * One client's {@code can_subscribe}: its filters, its rate, and the frames that passed them since
 * the last flush (bounded: when the client's buffer is full the oldest frame goes and is counted).
 *
 * <p>A flush sends {@code can_frames}: {@code {"frames":[FRAME, …],"dropped":N}} where a frame is
 * {@code {"t":1700000000.123456,"id":"7E8","ext":false,"fd":false,"rtr":false,"err":false,"len":8,
 * "data":"06410C1AF8AAAAAA","text":"7E8#06410C1AF8AAAAAA"}}: {@code t} in seconds since the epoch
 * with microseconds (candump {@code -ta}), {@code id} in hex as candump writes it (3 digits, or 8
 * for 29-bit ids and error frames), {@code data} in hex, {@code text} in cansend/candump {@code -L}
 * syntax.
 *
 * <p>Threading: frames are added on the monitor endpoint's delivery thread, flushes run on the
 * monitor's timer thread; the buffer is guarded by the tap.
 */
final class CanTap {
    /** The event the frames are pushed with. */
    static final String EVENT = "can_frames";

    private final GatewayClient client;
    private final CanFilterSet filters;
    private final String filterText;
    private final double hz;
    private final int capacity;
    private final ArrayDeque<ReceivedFrame> buffer = new ArrayDeque<>();
    private long dropped; // guarded by this
    private ScheduledFuture<?> flushTask;

    CanTap(GatewayClient client, CanFilterSet filters, String filterText, double hz, int capacity) {
        this.client = client;
        this.filters = filters;
        this.filterText = filterText;
        this.hz = hz;
        this.capacity = capacity;
    }

    GatewayClient client() {
        return client;
    }

    String filterText() {
        return filterText;
    }

    double hz() {
        return hz;
    }

    void flushTask(ScheduledFuture<?> task) {
        flushTask = task;
    }

    void cancel() {
        if (flushTask != null) {
            flushTask.cancel(false);
        }
    }

    /** Keeps the frame if it passes the client's filters. */
    void offer(ReceivedFrame frame) {
        if (!filters.accepts(frame.frame())) {
            return;
        }
        synchronized (this) {
            if (buffer.size() >= capacity) {
                buffer.poll();
                dropped++;
            }
            buffer.add(frame);
        }
    }

    /** Sends what was buffered, if anything. */
    void flush() {
        List<ReceivedFrame> frames;
        long lost;
        synchronized (this) {
            if (buffer.isEmpty() && dropped == 0) {
                return;
            }
            frames = List.copyOf(buffer);
            buffer.clear();
            lost = dropped;
            dropped = 0;
        }
        if (client.connected()) {
            client.stream(EVENT, payload(frames, lost));
        }
    }

    static RawValue payload(List<ReceivedFrame> frames, long dropped) {
        StringWriter out = new StringWriter(64 + frames.size() * 140);
        try (JsonGenerator g = ObdJson.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("frames");
            for (ReceivedFrame rf : frames) {
                write(g, rf);
            }
            g.writeEndArray();
            g.writeNumberField("dropped", dropped);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RawValue(out.toString());
    }

    private static void write(JsonGenerator g, ReceivedFrame rf) throws IOException {
        CanFrame f = rf.frame();
        g.writeStartObject();
        long micros = rf.timestampMicros();
        g.writeFieldName("t");
        g.writeRawValue(Math.floorDiv(micros, 1_000_000L) + "." + String.format(Locale.ROOT, "%06d",
                Math.floorMod(micros, 1_000_000L)));
        g.writeStringField("id", String.format(Locale.ROOT, f.extended() || f.isError() ? "%08X" : "%03X", f.id()));
        g.writeBooleanField("ext", f.extended());
        g.writeBooleanField("fd", f.fd());
        g.writeBooleanField("rtr", f.isRemote());
        g.writeBooleanField("err", f.isError());
        g.writeNumberField("len", f.length());
        g.writeStringField("data", f.isRemote() ? "" : hex(f));
        g.writeStringField("text", CanFrameText.format(f));
        g.writeEndObject();
    }

    private static String hex(CanFrame f) {
        StringBuilder s = new StringBuilder(2 * f.length());
        for (int i = 0; i < f.length(); i++) {
            s.append(Character.toUpperCase(Character.forDigit(f.dataByte(i) >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(f.dataByte(i) & 0xF, 16)));
        }
        return s.toString();
    }
}
