package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argument decoding and a handler tested with plain inputs, no server. */
class EventRequestTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static EventRequest request(String argsJson) throws Exception {
        List<JsonNode> args = new ArrayList<>();
        M.readTree(argsJson).forEach(args::add);
        return new EventRequest("watch", args, new RecordingClient(), 3);
    }

    @Test
    void stringsAndListsOfStrings() throws Exception {
        assertThat(request("[\"RPM\"]").string(0, "a command name")).isEqualTo("RPM");
        assertThat(request("[\"RPM\"]").stringOrList(0, "a command name")).containsExactly("RPM");
        assertThat(request("[[\"RPM\",\"SPEED\"]]").stringOrList(0, "a command name")).containsExactly("RPM", "SPEED");
    }

    @Test
    void otherShapesGetMessagesForTheClient() {
        assertThatThrownBy(() -> request("[]").string(0, "a command name"))
                .isInstanceOf(EventException.class).hasMessage("expected a command name (a string), got nothing");
        assertThatThrownBy(() -> request("[[\"A\",\"B\",\"C\",\"D\"]]").stringOrList(0, "a command name"))
                .hasMessage("a list of at most 3 elements is accepted, got 4");
        assertThatThrownBy(() -> request("[[\"A\",2]]").stringOrList(0, "a command name"))
                .hasMessage("expected a command name (a string) at index 1, got a number 2");
        assertThatThrownBy(() -> request("[{\"x\":1}]").stringOrList(0, "a command name"))
                .hasMessage("expected a command name or a list of them, got an object");
    }

    @Test
    void hasNameIsCaseSensitiveAsPythonObd() throws Exception {
        HasNameHandler handler = new HasNameHandler();
        assertThat(handler.handle(request("[\"RPM\"]"))).isEqualTo(EventReply.emit(true));
        assertThat(handler.handle(request("[\"rpm\"]"))).isEqualTo(EventReply.emit(false));
        assertThat(handler.handle(request("[\"NOT_A_COMMAND\"]"))).isEqualTo(EventReply.emit(false));
        assertThatThrownBy(() -> handler.handle(request("[null]"))).isInstanceOf(EventException.class);
    }
}
