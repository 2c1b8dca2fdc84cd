package dev.obdio.gateway;

import com.corundumstudio.socketio.handler.ClientHead;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Watches the Engine.IO transports on their way into netty-socketio, for two jobs.
 *
 * <p><b>The upgrade stall.</b> A polling client upgrades by sending {@code 2probe} on a new
 * WebSocket, reading {@code 3probe}, pausing its polling and then sending {@code 5} on the
 * WebSocket. Pausing waits for the poll in flight. netty-socketio 2.0.14 answers the probe with one
 * noop on the polling transport; a client that opened one more poll before it read {@code 3probe}
 * then waits for a poll the server holds open with nothing to send, the server drops the session
 * at its upgrade timeout, and the client believes it is still connected. The engine.io reference
 * server answers every poll with a noop while an upgrade is under way; so does this handler, from
 * {@code 2probe} to {@code 5} (or the WebSocket's end), for that session's GETs.
 *
 * <p><b>CONNECT without credentials.</b> When a token is required, netty-socketio consults its
 * auth-token listener only for a CONNECT packet that carries a payload, so a Socket.IO v4 client
 * that sends a bare {@code 40} would be let in without one. This handler gives such a packet an
 * empty payload ({@code 40{}}), which the {@link TokenCheck} then refuses unless the handshake
 * query carried the token.
 *
 * <p><b>Drain triggers.</b> When a poll arrives, a WebSocket becomes writable again or an upgrade
 * completes, the session's outbox is drained, so that messages held back for a slow client flow
 * as soon as it can take them.
 *
 * <p>Runs on the event loops; the upgrade table is shared and concurrent.
 */
@Sharable
final class TransportWatch extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<UUID> SESSION = AttributeKey.valueOf("obdio.session");
    private static final AttributeKey<String> ENGINE_IO = AttributeKey.valueOf("obdio.eio");
    private static final String BARE_CONNECT = "40";
    private static final String EMPTY_CONNECT = "40{}";
    private static final byte[] NOOP_V4 = "6".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOOP_V3_TEXT = "1:6".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOOP_V3_BINARY = {0x00, 0x01, (byte) 0xFF, '6'};

    private final String socketIoPath;
    private final boolean tokenRequired;
    private final boolean upgradeNoops;
    private final long upgradeTimeoutNanos;
    private final ClientRegistry clients;
    private final LongSupplier ticker;
    private final Map<UUID, Long> upgrading = new ConcurrentHashMap<>();

    TransportWatch(String socketIoPath, boolean tokenRequired, boolean upgradeNoops, long upgradeTimeoutNanos,
                   ClientRegistry clients, LongSupplier ticker) {
        this.socketIoPath = socketIoPath;
        this.tokenRequired = tokenRequired;
        this.upgradeNoops = upgradeNoops;
        this.upgradeTimeoutNanos = upgradeTimeoutNanos;
        this.clients = clients;
        this.ticker = ticker;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest req && RequestGuard.isUnder(req.uri(), socketIoPath)) {
            onRequest(ctx, req);
        } else if (msg instanceof TextWebSocketFrame frame) {
            onFrame(ctx, frame);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void onRequest(ChannelHandlerContext ctx, FullHttpRequest req) {
        Map<String, List<String>> params = new QueryStringDecoder(req.uri()).parameters();
        UUID sid = uuid(first(params, "sid"));
        String transport = first(params, "transport");
        String eio = first(params, "EIO");
        if ("websocket".equals(transport)) {
            ctx.channel().attr(ENGINE_IO).set(eio);
            if (sid != null) {
                ctx.channel().attr(SESSION).set(sid);
            }
            ctx.fireChannelRead(req);
            return;
        }
        if (sid == null) {
            ctx.fireChannelRead(req);
            return;
        }
        if (tokenRequired && "4".equals(eio) && HttpMethod.POST.equals(req.method())) {
            req = withPayloadOnConnect(req);
        }
        boolean get = HttpMethod.GET.equals(req.method());
        if (get && upgradeNoops && upgrading.containsKey(sid)) {
            String origin = req.headers().get(HttpHeaderNames.ORIGIN);
            FullHttpResponse res = noop(first(params, "EIO"), first(params, "b64") != null, origin);
            req.release();
            PlainResponses.sendAndClose(ctx, res);
            return;
        }
        ctx.fireChannelRead(req);
        if (get) {
            clients.drain(sid); // the poll is bound now: waiting messages can go out with it
        }
    }

    private void onFrame(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        UUID sid = ctx.channel().attr(SESSION).get();
        boolean upgraded = false;
        if (frame.isFinalFragment() && frame.content().readableBytes() <= 6) {
            String text = frame.content().toString(StandardCharsets.US_ASCII);
            if (sid != null && text.equals("2probe")) {
                upgrading.put(sid, ticker.getAsLong());
            } else if (sid != null && text.equals("5")) {
                upgrading.remove(sid);
                upgraded = true;
            } else if (text.equals(BARE_CONNECT) && tokenRequired && "4".equals(ctx.channel().attr(ENGINE_IO).get())) {
                frame.release();
                ctx.fireChannelRead(new TextWebSocketFrame(EMPTY_CONNECT));
                return;
            }
        }
        ctx.fireChannelRead(frame);
        if (upgraded) {
            clients.drain(sid);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            UUID sid = session(ctx.channel());
            if (sid != null) {
                clients.drain(sid);
            }
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        UUID sid = ctx.channel().attr(SESSION).get();
        if (sid != null) {
            upgrading.remove(sid);
        }
        super.channelInactive(ctx);
    }

    /**
     * The request with every bare CONNECT packet of its v4 polling payload given an empty payload
     * (the same request when there is none; otherwise a copy, and the original is released).
     */
    static FullHttpRequest withPayloadOnConnect(FullHttpRequest req) {
        String body = req.content().toString(StandardCharsets.UTF_8);
        String[] packets = body.split("\u001e", -1);
        boolean changed = false;
        for (int i = 0; i < packets.length; i++) {
            if (packets[i].equals(BARE_CONNECT)) {
                packets[i] = EMPTY_CONNECT;
                changed = true;
            }
        }
        if (!changed) {
            return req;
        }
        byte[] bytes = String.join("\u001e", packets).getBytes(StandardCharsets.UTF_8);
        FullHttpRequest copy = req.replace(Unpooled.wrappedBuffer(bytes));
        copy.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        req.release();
        return copy;
    }

    /** Forgets upgrades that neither finished nor failed within twice the upgrade timeout. */
    void expireUpgrades() {
        long now = ticker.getAsLong();
        upgrading.values().removeIf(started -> now - started > 2 * upgradeTimeoutNanos);
    }

    /** Sessions between {@code 2probe} and {@code 5}. */
    int upgradesUnderWay() {
        return upgrading.size();
    }

    private static UUID session(Channel channel) {
        UUID sid = channel.attr(SESSION).get();
        if (sid != null) {
            return sid;
        }
        ClientHead head = channel.attr(ClientHead.CLIENT).get(); // a WebSocket opened without polling
        return head == null ? null : head.getSessionId();
    }

    /** A poll answer with one noop packet, framed for the client's Engine.IO version. */
    static FullHttpResponse noop(String eio, boolean base64, String origin) {
        byte[] body;
        String type;
        if ("3".equals(eio) && !base64) {
            body = NOOP_V3_BINARY;
            type = "application/octet-stream";
        } else {
            body = "3".equals(eio) ? NOOP_V3_TEXT : NOOP_V4;
            type = "text/plain; charset=UTF-8";
        }
        ByteBuf content = Unpooled.wrappedBuffer(body);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, type).set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (origin != null) {
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        return res;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static UUID uuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
