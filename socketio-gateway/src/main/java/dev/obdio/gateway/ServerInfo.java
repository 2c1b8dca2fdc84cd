package dev.obdio.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The reply to {@code server_info}: what this server is and allows, for the page to adapt (the
 * dashboard shows its clear button only when {@code can_write}).
 * {@code {"name":"obdio","version":"0.1.0","writes_allowed":false,"can_write":false,
 * "token_required":false,"authenticated":false,"vehicle":"simulated vehicle (petrol)",
 * "bus":"virtual:obdio-sim","status":"Car Connected","limits":{…},"dropped_updates":0,"events":[…]}}.
 *
 * @param name           always {@code "obdio"}
 * @param version        the gateway's version
 * @param writesAllowed  whether the server allows writes at all ({@code --allow-write})
 * @param canWrite       whether this client may write (writes allowed and the token presented)
 * @param tokenRequired  whether clients must present a token
 * @param authenticated  whether this client presented the token
 * @param vehicle        what the server serves, as its operator described it, or null
 * @param bus            the bus of the connection, {@code ""} without one
 * @param status         the connection status
 * @param limits         the per-client limits of the vehicle events
 * @param droppedUpdates how many {@code update}/{@code can_frames} messages this client lost by lagging
 * @param events         the events the server handles, sorted
 */
@JsonPropertyOrder({"name", "version", "writes_allowed", "can_write", "token_required", "authenticated", "vehicle",
    "bus", "status", "limits", "dropped_updates", "events"})
record ServerInfo(String name, String version, @JsonProperty("writes_allowed") boolean writesAllowed,
                  @JsonProperty("can_write") boolean canWrite, @JsonProperty("token_required") boolean tokenRequired,
                  boolean authenticated, String vehicle, String bus, String status, Limits limits,
                  @JsonProperty("dropped_updates") long droppedUpdates, List<String> events) {

    /**
     * The limits a page should stay within.
     *
     * @param maxCommands OBD commands one client may subscribe to
     * @param maxHz       the highest rate of {@code subscribe} and {@code can_subscribe}
     * @param defaultHz   the rate when none is given
     * @param maxList     the longest list argument
     */
    @JsonPropertyOrder({"max_commands", "max_hz", "default_hz", "max_list"})
    record Limits(@JsonProperty("max_commands") int maxCommands, @JsonProperty("max_hz") double maxHz,
                  @JsonProperty("default_hz") double defaultHz, @JsonProperty("max_list") int maxList) {
    }
}
