package dev.obdio.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Date;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Answers every HTTP request outside the Socket.IO path from the {@link StaticRoutes}: GET and HEAD
 * only (405 otherwise), 404 for what no route serves, 304 when the client's copy is current
 * ({@code ETag}, {@code Last-Modified}), {@code Cache-Control: no-cache} so that pages revalidate.
 * Files are read on a worker thread, never on the event loop; the channel reads no further requests
 * until the answer is written, so pipelined requests keep their order.
 */
@Sharable
final class StaticFileHandler extends ChannelInboundHandlerAdapter {
    private final String socketIoPath;
    private final StaticRoutes routes;
    private final Executor io;

    StaticFileHandler(String socketIoPath, StaticRoutes routes, Executor io) {
        this.socketIoPath = socketIoPath;
        this.routes = routes;
        this.io = io;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req) || RequestGuard.isUnder(req.uri(), socketIoPath)) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpMethod method = req.method();
        String uri = req.uri();
        String ifNoneMatch = req.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        String ifModifiedSince = req.headers().get(HttpHeaderNames.IF_MODIFIED_SINCE);
        req.release();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            FullHttpResponse res = PlainResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
            res.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            PlainResponses.send(ctx, res, keepAlive);
            return;
        }
        String rawPath = uri;
        int cut = indexOfAny(rawPath, '?', '#');
        if (cut >= 0) {
            rawPath = rawPath.substring(0, cut);
        }
        Channel channel = ctx.channel();
        channel.config().setAutoRead(false);
        String path = rawPath;
        Runnable answer = () -> {
            FullHttpResponse res;
            try {
                res = respond(routes.lookup(path), HttpMethod.HEAD.equals(method), ifNoneMatch, ifModifiedSince);
            } catch (RuntimeException e) {
                res = PlainResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot serve this file");
            }
            write(channel, res, keepAlive);
        };
        try {
            io.execute(answer);
        } catch (RejectedExecutionException e) {
            write(channel, PlainResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting down"), false);
        }
    }

    private static void write(Channel channel, FullHttpResponse res, boolean keepAlive) {
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            channel.writeAndFlush(res).addListener((ChannelFutureListener) f -> {
                channel.config().setAutoRead(true);
                channel.read();
            });
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            channel.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The response for a lookup (pure, for tests). */
    static FullHttpResponse respond(StaticRoutes.Lookup lookup, boolean head, String ifNoneMatch,
                                    String ifModifiedSince) {
        if (lookup instanceof StaticRoutes.Redirect r) {
            FullHttpResponse res = PlainResponses.text(HttpResponseStatus.MOVED_PERMANENTLY, "moved to " + r.location());
            res.headers().set(HttpHeaderNames.LOCATION, r.location());
            return res;
        }
        if (!(lookup instanceof StaticRoutes.Found f)) {
            return PlainResponses.text(HttpResponseStatus.NOT_FOUND, "not found");
        }
        FullHttpResponse res;
        if (notModified(f, ifNoneMatch, ifModifiedSince)) {
            res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
        } else {
            res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(f.bytes()));
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, f.contentType())
                    .set(HttpHeaderNames.CONTENT_LENGTH, f.bytes().length);
        }
        HttpHeaders h = res.headers();
        h.set(HttpHeaderNames.ETAG, f.etag())
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set("X-Content-Type-Options", "nosniff");
        if (f.lastModifiedMillis() >= 0) {
            h.set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(new Date(f.lastModifiedMillis())));
        }
        return res;
    }

    private static boolean notModified(StaticRoutes.Found f, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || weakless(t).equals(weakless(f.etag()))) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null && f.lastModifiedMillis() >= 0) {
            Date since = DateFormatter.parseHttpDate(ifModifiedSince);
            return since != null && f.lastModifiedMillis() / 1000 <= since.getTime() / 1000;
        }
        return false;
    }

    private static String weakless(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
