package dev.obdio.gateway;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first gateway handler after HTTP decoding: refuses requests for other host names (see
 * {@link HostPolicy}), refuses Socket.IO requests from origins the {@link CorsPolicy} does not allow
 * (polling and WebSocket upgrades alike, 403) and answers CORS preflights for the ones it allows.
 * Everything else passes on unchanged.
 */
@Sharable
final class RequestGuard extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

    private final String socketIoPath;
    private final CorsPolicy cors;
    private volatile HostPolicy hosts;

    RequestGuard(String socketIoPath, HostPolicy hosts, CorsPolicy cors) {
        this.socketIoPath = socketIoPath;
        this.hosts = hosts;
        this.cors = cors;
    }

    /** Answers the host names of another bind address (set before the server listens). */
    void bindAddress(String bindHost) {
        hosts = HostPolicy.forBindAddress(bindHost);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean answered = true;
        try {
            if (!req.decoderResult().isSuccess()) {
                PlainResponses.sendAndClose(ctx, PlainResponses.text(HttpResponseStatus.BAD_REQUEST, "bad request"));
                return;
            }
            String host = req.headers().get(HttpHeaderNames.HOST);
            if (!hosts.allows(host)) {
                LOG.info("refused a request for host '{}' from {}", host, ctx.channel().remoteAddress());
                PlainResponses.sendAndClose(ctx, PlainResponses.text(HttpResponseStatus.FORBIDDEN,
                        "host not allowed: this server answers localhost only"));
                return;
            }
            if (isSocketIo(req.uri())) {
                String origin = req.headers().get(HttpHeaderNames.ORIGIN);
                if (!cors.allows(origin, host)) {
                    LOG.info("refused a Socket.IO request from origin '{}' ({})", origin, ctx.channel().remoteAddress());
                    PlainResponses.sendAndClose(ctx, PlainResponses.text(HttpResponseStatus.FORBIDDEN,
                            "origin not allowed: " + origin));
                    return;
                }
                if (HttpMethod.OPTIONS.equals(req.method())) {
                    PlainResponses.send(ctx, preflight(req, origin), HttpUtil.isKeepAlive(req));
                    return;
                }
            }
            answered = false;
        } finally {
            if (answered) {
                req.release();
            }
        }
        ctx.fireChannelRead(req);
    }

    /** Whether a request URI is for the Socket.IO endpoint. */
    boolean isSocketIo(String uri) {
        return isUnder(uri, socketIoPath);
    }

    static boolean isUnder(String uri, String path) {
        if (!uri.startsWith(path)) {
            return false;
        }
        if (uri.length() == path.length()) {
            return true;
        }
        char next = uri.charAt(path.length());
        return next == '/' || next == '?';
    }

    private static FullHttpResponse preflight(FullHttpRequest req, String origin) {
        FullHttpResponse res = PlainResponses.text(HttpResponseStatus.NO_CONTENT, "");
        res.content().clear();
        res.headers().remove(HttpHeaderNames.CONTENT_TYPE).set(HttpHeaderNames.CONTENT_LENGTH, 0);
        if (origin != null) {
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                    .set(HttpHeaderNames.VARY, "Origin");
        }
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS")
                .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, 600);
        String headers = req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (headers != null) {
            res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers);
        }
        return res;
    }
}
