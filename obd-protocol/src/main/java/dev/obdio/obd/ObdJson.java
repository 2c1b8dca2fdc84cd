package dev.obdio.obd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON as obd-socketio sends it: compact, keys in its order, floats as Python prints them
 * ({@code 55.0}, {@code 1e-05}), strings escaped as Python's {@code json.dumps} escapes them.
 * The shared mapper is thread-safe.
 */
public final class ObdJson {
    private static final JsonMapper MAPPER = newMapper();

    private ObdJson() {
    }

    /** A new mapper with {@link ObdJsonModule} and Python-style string escapes. */
    public static JsonMapper newMapper() {
        JsonFactory factory = new JsonFactoryBuilder().characterEscapes(new PythonJsonEscapes()).build();
        return JsonMapper.builder(factory).addModule(new ObdJsonModule()).build();
    }

    /** The shared mapper (do not reconfigure it; use {@link #newMapper()} for that). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as JSON: an {@link ObdCommand}, {@link ObdResponse}, {@link ObdValue}, or anything Jackson writes. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON for " + value, e);
        }
    }

    /**
     * {@code {"value":…,"unit":…}} of a response: the two fields of obd-socketio's response object
     * that carry the data, both {@code null} when there is no value.
     */
    public static String toValueJson(ObdResponse response) {
        return toValueJson(response.value());
    }

    /**
     * A response as an object even when it has no value: {@code {"value":null,"command":{…},"time":…,"unit":null}}.
     * obd-socketio sends {@code null} instead; this is for streams (one JSON line per response)
     * where every line must say which command it answers.
     */
    public static String toStreamJson(ObdResponse response) {
        if (response.value().isPresent()) {
            return toJson(response);
        }
        StringWriter out = new StringWriter();
        try (var g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeNullField("value");
            g.writeFieldName("command");
            ObdJsonSerializers.writeCommand(response.command(), g);
            g.writeNumberField("time", response.time());
            g.writeNullField("unit");
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code {"value":…,"unit":…}} of a value, both {@code null} when it is empty. */
    public static String toValueJson(Optional<ObdValue> value) {
        StringWriter out = new StringWriter();
        try (var g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("value");
            if (value.isPresent()) {
                ObdJsonSerializers.writeValue(value.get(), g);
                g.writeStringField("unit", value.get().unit());
            } else {
                g.writeNull();
                g.writeNullField("unit");
            }
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
