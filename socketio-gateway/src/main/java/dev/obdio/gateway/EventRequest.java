package dev.obdio.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event as a client emitted it: its name, its JSON arguments and the client. The accessors
 * decode the usual argument shapes and throw {@link EventException} with a message for the client
 * when an argument has another shape.
 *
 * @param event          the event name
 * @param args           the arguments (without the acknowledgement callback)
 * @param client         the client that emitted it
 * @param maxArrayLength the largest array argument accepted
 */
public record EventRequest(String event, List<JsonNode> args, GatewayClient client, int maxArrayLength) {

    /** Validates and copies. */
    public EventRequest {
        Objects.requireNonNull(event, "event");
        args = List.copyOf(args);
        Objects.requireNonNull(client, "client");
        ClientLimits.positive("maxArrayLength", maxArrayLength);
    }

    /** The argument at {@code index}, if the client sent it (JSON null counts as sent). */
    public Optional<JsonNode> arg(int index) {
        return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
    }

    /**
     * The argument at {@code index} as a string.
     *
     * @param what what the argument is, for the error message ("a command name")
     */
    public String string(int index, String what) throws EventException {
        JsonNode node = arg(index).orElseThrow(() -> new EventException("expected " + what + " (a string), got nothing"));
        if (!node.isTextual()) {
            throw new EventException("expected " + what + " (a string), got " + describe(node));
        }
        return node.textValue();
    }

    /**
     * The argument at {@code index} as one or more strings: a string, or an array of strings (at most
     * {@link #maxArrayLength()}).
     *
     * @param what what one element is, for the error message ("a command name")
     */
    public List<String> stringOrList(int index, String what) throws EventException {
        JsonNode node = arg(index).orElseThrow(
                () -> new EventException("expected " + what + " or a list of them, got nothing"));
        return stringOrList(node, what, maxArrayLength);
    }

    /**
     * The argument at {@code index} as a JSON object, or empty when the client sent none (or null).
     *
     * @param what what the object is, for the error message ("{names, hz}")
     */
    public Optional<JsonNode> object(int index, String what) throws EventException {
        Optional<JsonNode> node = arg(index);
        if (node.isEmpty() || node.get().isNull()) {
            return Optional.empty();
        }
        if (!node.get().isObject()) {
            throw new EventException("expected " + what + " (an object), got " + describe(node.get()));
        }
        return node;
    }

    /**
     * A JSON value as one or more strings: a string, or an array of at most {@code maxArrayLength}
     * strings.
     *
     * @param what what one element is, for the error message ("a command name")
     */
    public static List<String> stringOrList(JsonNode node, String what, int maxArrayLength) throws EventException {
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            throw new EventException("expected " + what + " or a list of them, got " + describe(node));
        }
        if (node.size() > maxArrayLength) {
            throw new EventException("a list of at most " + maxArrayLength + " elements is accepted, got " + node.size());
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            if (!e.isTextual()) {
                throw new EventException("expected " + what + " (a string) at index " + i + ", got " + describe(e));
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** A short description of a JSON value for error messages: its type and a bounded excerpt. */
    public static String describe(JsonNode node) {
        String type = switch (node.getNodeType()) {
            case ARRAY -> "an array of " + node.size();
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> "binary data";
        };
        if (node.isContainerNode() || node.isNull() || node.isMissingNode()) {
            return type;
        }
        String text = node.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
