package dev.obdio.obd;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The Jackson serializers of {@link ObdJsonModule}: obd-socketio's encodings, written field by field. */
final class ObdJsonSerializers {
    private ObdJsonSerializers() {
    }

    /** {@code {"name","desc","fast","command","bytes","ecu"}}, {@code bytes} a string. */
    static final class CommandSerializer extends StdSerializer<ObdCommand> {
        private static final long serialVersionUID = 1L;

        CommandSerializer() {
            super(ObdCommand.class);
        }

        @Override
        public void serialize(ObdCommand c, JsonGenerator g, SerializerProvider p) throws IOException {
            writeCommand(c, g);
        }
    }

    /** {@code {"value","command","time","unit"}}, or {@code null} without a value. */
    static final class ResponseSerializer extends StdSerializer<ObdResponse> {
        private static final long serialVersionUID = 1L;

        ResponseSerializer() {
            super(ObdResponse.class);
        }

        @Override
        public void serialize(ObdResponse r, JsonGenerator g, SerializerProvider p) throws IOException {
            if (r.value().isEmpty()) {
                g.writeNull();
                return;
            }
            ObdValue v = r.value().get();
            g.writeStartObject();
            g.writeFieldName("value");
            writeValue(v, g);
            g.writeFieldName("command");
            writeCommand(r.command(), g);
            g.writeNumberField("time", r.time());
            g.writeStringField("unit", v.unit());
            g.writeEndObject();
        }
    }

    /** Any {@link ObdValue}, as obd-socketio encodes python-OBD's value types. */
    static final class ValueSerializer extends StdSerializer<ObdValue> {
        private static final long serialVersionUID = 1L;

        ValueSerializer() {
            super(ObdValue.class);
        }

        @Override
        public void serialize(ObdValue v, JsonGenerator g, SerializerProvider p) throws IOException {
            writeValue(v, g);
        }
    }

    /** {@code {"role","source","data"}} with the data as hex. */
    static final class MessageSerializer extends StdSerializer<EcuMessage> {
        private static final long serialVersionUID = 1L;

        MessageSerializer() {
            super(EcuMessage.class);
        }

        @Override
        public void serialize(EcuMessage m, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeStringField("role", m.role().name().toLowerCase(java.util.Locale.ROOT));
            if (m.sourceId() == EcuMessage.UNKNOWN_SOURCE) {
                g.writeNullField("source");
            } else {
                g.writeStringField("source", Integer.toHexString(m.sourceId()).toUpperCase(java.util.Locale.ROOT));
            }
            if (m.frames().isEmpty()) {
                g.writeStringField("data", m.hex());
            } else {
                g.writeStringField("data", m.raw());
            }
            g.writeEndObject();
        }
    }

    /** Raw bytes as upper-case hex, never base64. */
    static final class HexSerializer extends StdSerializer<byte[]> {
        private static final long serialVersionUID = 1L;

        HexSerializer() {
            super(byte[].class);
        }

        @Override
        public void serialize(byte[] b, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(HexBytes.format(b));
        }
    }

    static void writeCommand(ObdCommand c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("desc", c.desc());
        g.writeBooleanField("fast", c.fast());
        g.writeStringField("command", c.command());
        g.writeStringField("bytes", Integer.toString(c.bytes()));
        g.writeNumberField("ecu", c.ecu());
        g.writeEndObject();
    }

    static void writeValue(ObdValue v, JsonGenerator g) throws IOException {
        if (v instanceof Quantity q) {
            writeNumber(q.magnitude(), g);
        } else if (v instanceof TextValue t) {
            g.writeString(t.text());
        } else if (v instanceof BooleanValue b) {
            g.writeBoolean(b.value());
        } else if (v instanceof BitArray bits) {
            g.writeStartArray();
            for (int i = 0; i < bits.length(); i++) {
                g.writeBoolean(bits.get(i));
            }
            g.writeEndArray();
        } else if (v instanceof Dtc d) {
            writeDtc(d, g);
        } else if (v instanceof DtcList list) {
            g.writeStartArray();
            for (Dtc d : list.codes()) {
                writeDtc(d, g);
            }
            g.writeEndArray();
        } else if (v instanceof Status s) {
            writeStatus(s, g);
        } else if (v instanceof FuelStatus f) {
            g.writeStartArray();
            g.writeString(f.system1());
            g.writeString(f.system2());
            g.writeEndArray();
        } else if (v instanceof O2Sensors o2) {
            g.writeStartArray();
            for (List<Boolean> bank : o2.banks()) {
                g.writeStartArray();
                for (boolean present : bank) {
                    g.writeBoolean(present);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        } else if (v instanceof Monitor m) {
            g.writeStartArray();
            for (MonitorTest t : m.tests()) {
                writeMonitorTest(t, g);
            }
            g.writeEndArray();
        } else if (v instanceof RawBytes r) {
            g.writeString(r.hex());
        } else if (v instanceof InUsePerformance perf) {
            g.writeStartObject();
            for (Map.Entry<String, Integer> e : perf.counters().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } else {
            throw new IllegalStateException("no JSON encoding for " + v.getClass());
        }
    }

    /** Integers as integers; floats as Python's {@code repr}, so {@code 55.0} stays {@code 55.0}. */
    static void writeNumber(Number n, JsonGenerator g) throws IOException {
        if (n instanceof Double d) {
            g.writeNumber(PythonFloat.repr(d));
        } else if (n instanceof BigInteger b) {
            g.writeNumber(b);
        } else {
            g.writeNumber(n.longValue());
        }
    }

    private static void writeDtc(Dtc d, JsonGenerator g) throws IOException {
        g.writeStartArray();
        g.writeString(d.code());
        g.writeString(d.description());
        g.writeEndArray();
    }

    private static void writeStatus(Status s, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("MIL", s.mil());
        g.writeNumberField("DTC_COUNT", s.dtcCount());
        g.writeStringField("ignition_type", s.ignitionType().label());
        for (Map.Entry<String, StatusTest> e : s.tests().entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeBooleanField("available", e.getValue().available());
            g.writeBooleanField("complete", e.getValue().complete());
            g.writeStringField("name", e.getValue().name());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeMonitorTest(MonitorTest t, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("tid", t.tid());
        g.writeStringField("name", t.name());
        g.writeStringField("desc", t.desc());
        g.writeFieldName("value");
        writeValue(t.value(), g);
        g.writeFieldName("min");
        writeValue(t.min(), g);
        g.writeFieldName("max");
        writeValue(t.max(), g);
        g.writeBooleanField("passed", t.passed());
        g.writeStringField("unit", t.unit());
        g.writeEndObject();
    }
}
