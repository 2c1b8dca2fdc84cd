package dev.obdio.gateway;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.MultiTypeAckCallback;
import com.corundumstudio.socketio.protocol.AckArgs;
import com.corundumstudio.socketio.protocol.Event;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.obdio.obd.ObdJson;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * netty-socketio's JSON for the gateway. It writes with obd-protocol's mapper (OBD commands and
 * responses in obd-socketio's encoding) and reads defensively: every event is parsed once into a
 * tree under size and depth limits, and anything that cannot be dispatched becomes a
 * {@link RefusedEvent} instead of an exception, so that the client gets an {@code error} event and
 * the connection and the other packets of the same payload carry on.
 *
 * <p>Events registered with {@link InboundArgs} get all their arguments as trees; events registered
 * by other code with ordinary classes get their arguments converted to those classes, as netty-socketio
 * does. Binary attachments are not supported (they are broken in netty-socketio 2.0.14): byte arrays
 * are written as base64 strings. Thread-safe.
 */
final class GatewayJsonSupport implements JsonSupport {
    private static final Pattern NAME_PREFIX = Pattern.compile("^\\s*\\[\\s*\"([^\"\\\\]{1,64})\"");

    private final ObjectMapper reader;
    private final ObjectMapper writer;
    private final Map<String, List<Class<?>>> mappings = new ConcurrentHashMap<>();

    GatewayJsonSupport(ClientLimits limits, int maxMessageLength) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxStringLength(Math.max(1024, maxMessageLength))
                .maxNumberLength(64)
                .maxNameLength(1024)
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        reader = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        writer = ObdJson.newMapper().copy().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** The mapper that writes outgoing payloads (obd-protocol's encoding). */
    ObjectMapper writer() {
        return writer;
    }

    @Override
    public <T> T readValue(String namespaceName, ByteBufInputStream src, Class<T> valueType) throws IOException {
        byte[] bytes = src.readAllBytes();
        if (valueType == Event.class) {
            return valueType.cast(readEvent(namespaceName, bytes));
        }
        if (valueType == Map.class) {
            return valueType.cast(readAuth(bytes));
        }
        try {
            return reader.readValue(bytes, valueType);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot read " + valueType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private Event readEvent(String namespace, byte[] bytes) {
        JsonNode tree;
        try {
            tree = reader.readTree(bytes);
        } catch (StreamConstraintsException e) {
            return refused(guessName(bytes), "payload refused: " + e.getOriginalMessage());
        } catch (IOException e) {
            return refused(guessName(bytes), "malformed JSON: " + firstLine(e));
        }
        if (tree == null || !tree.isArray() || tree.isEmpty() || !tree.get(0).isTextual()) {
            return refused(null, "an event is a JSON array that starts with the event name");
        }
        String name = tree.get(0).textValue();
        if (name.isEmpty() || name.charAt(0) == '\u0000') {
            return refused(name, "no such event");
        }
        List<JsonNode> args = new ArrayList<>(tree.size() - 1);
        for (int i = 1; i < tree.size(); i++) {
            args.add(tree.get(i));
        }
        List<Class<?>> classes = mappings.get(key(namespace, name));
        if (classes == null) {
            classes = mappings.get(key("", name));
        }
        if (classes == null) {
            return refused(name, "no such event");
        }
        if (classes.size() == 1 && classes.get(0) == InboundArgs.class) {
            return new Event(name, List.of(new InboundArgs(args)));
        }
        List<Object> converted = new ArrayList<>();
        for (int i = 0; i < args.size() && i < classes.size(); i++) {
            try {
                converted.add(reader.treeToValue(args.get(i), classes.get(i)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return refused(name, "argument " + (i + 1) + " is not a " + classes.get(i).getSimpleName());
            }
        }
        return new Event(name, converted);
    }

    private Map<?, ?> readAuth(byte[] bytes) {
        try {
            JsonNode tree = reader.readTree(bytes);
            if (tree != null && tree.isObject()) {
                return reader.treeToValue(tree, Map.class);
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable auth payload carries no token
        }
        return Map.of();
    }

    @Override
    public AckArgs readAckArgs(ByteBufInputStream src, AckCallback<?> callback) throws IOException {
        byte[] bytes = src.readAllBytes();
        List<Object> args = new ArrayList<>();
        try {
            JsonNode tree = reader.readTree(bytes);
            if (tree != null && tree.isArray()) {
                for (int i = 0; i < tree.size(); i++) {
                    Class<?> type = callback.getResultClass();
                    if (callback instanceof MultiTypeAckCallback multi && i < multi.getResultClasses().length) {
                        type = multi.getResultClasses()[i];
                    }
                    Class<?> target = type == null || type == Void.class ? Object.class : type;
                    args.add(reader.treeToValue(tree.get(i), target));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            args.clear(); // a malformed acknowledgement acknowledges with nothing
        }
        return new AckArgs(args);
    }

    @Override
    public void writeValue(ByteBufOutputStream out, Object value) throws IOException {
        writer.writeValue((java.io.OutputStream) out, value);
    }

    @Override
    public void addEventMapping(String namespaceName, String eventName, Class<?>... eventClass) {
        mappings.put(key(namespaceName, eventName), List.copyOf(Arrays.asList(eventClass)));
    }

    @Override
    public void removeEventMapping(String namespaceName, String eventName) {
        mappings.remove(key(namespaceName, eventName));
    }

    @Override
    public List<byte[]> getArrays() {
        return Collections.emptyList();
    }

    private static Event refused(String name, String reason) {
        return new Event(RefusedEvent.NAME, List.of(new RefusedEvent(name, reason)));
    }

    private static String guessName(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        Matcher m = NAME_PREFIX.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static String firstLine(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static String key(String namespace, String event) {
        return (namespace == null ? "" : namespace) + '\u0000' + event;
    }
}
