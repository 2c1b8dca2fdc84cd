package dev.obdio.gateway;

import com.corundumstudio.socketio.AuthTokenListener;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.AuthorizationListener;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The token check, in two places. At the Engine.IO handshake ({@link AuthorizationListener}) a
 * {@code ?token=} query is checked: a wrong one is refused with 401, a right one authenticates the
 * session. A Socket.IO v4 client may instead send {@code auth: {token}} in its CONNECT packet, so a
 * v4 handshake without a query token is let through and the CONNECT decides
 * ({@link AuthTokenListener}: a wrong or missing token is answered with a CONNECT_ERROR, which the
 * client reports as {@code connect_error}). Engine.IO v3 clients have no CONNECT payload and must
 * use the query. Tokens are compared in constant time.
 */
final class TokenCheck implements AuthorizationListener, AuthTokenListener {
    /** Store key of sessions that presented the token. */
    static final String AUTHENTICATED = "obdio.authenticated";
    /** The refusal sent to the client. */
    static final Map<String, Object> REFUSAL = Map.of("message", "not authorized: wrong or missing token");

    private final Optional<byte[]> token;
    private final Consumer<SocketIOClient> authenticated;

    /**
     * @param token         the token, or empty for none
     * @param authenticated called with every client that presents the right token in its CONNECT
     */
    TokenCheck(Optional<String> token, Consumer<SocketIOClient> authenticated) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.authenticated = authenticated;
    }

    boolean required() {
        return token.isPresent();
    }

    @Override
    public AuthorizationResult getAuthorizationResult(HandshakeData data) {
        if (token.isEmpty()) {
            return AuthorizationResult.SUCCESSFUL_AUTHORIZATION;
        }
        String presented = data.getSingleUrlParam("token");
        if (presented != null) {
            return matches(presented) ? new AuthorizationResult(true, Map.of(AUTHENTICATED, Boolean.TRUE))
                    : AuthorizationResult.FAILED_AUTHORIZATION;
        }
        // Socket.IO v4 may present it in the CONNECT packet; older clients cannot
        return "4".equals(data.getSingleUrlParam("EIO")) ? AuthorizationResult.SUCCESSFUL_AUTHORIZATION
                : AuthorizationResult.FAILED_AUTHORIZATION;
    }

    @Override
    public AuthTokenResult getAuthTokenResult(Object authData, SocketIOClient client) {
        if (token.isEmpty() || client.has(AUTHENTICATED)) {
            return AuthTokenResult.AuthTokenResultSuccess;
        }
        if (authData instanceof Map<?, ?> map && map.get("token") instanceof String presented && matches(presented)) {
            client.set(AUTHENTICATED, Boolean.TRUE);
            authenticated.accept(client);
            return AuthTokenResult.AuthTokenResultSuccess;
        }
        return new AuthTokenResult(false, REFUSAL);
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(token.orElseThrow(), presented.getBytes(StandardCharsets.UTF_8));
    }
}
