package dev.obdio.gateway;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListener;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to exceptions inside netty-socketio. A connection reset is routine; a packet the
 * library cannot decode (malformed Engine.IO framing) closes that connection, as the engine.io
 * reference server does, and is logged once at debug level so that a misbehaving client cannot
 * fill the log. Exceptions of listeners registered directly on the server are logged.
 */
final class GatewayExceptionListener implements ExceptionListener {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayExceptionListener.class);

    @Override
    public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
        LOG.error("event listener failed for client {}", client.getSessionId(), e);
    }

    @Override
    public void onDisconnectException(Exception e, SocketIOClient client) {
        LOG.error("disconnect listener failed for client {}", client.getSessionId(), e);
    }

    @Override
    public void onConnectException(Exception e, SocketIOClient client) {
        LOG.error("connect listener failed for client {}", client.getSessionId(), e);
    }

    @Override
    @Deprecated
    public void onPingException(Exception e, SocketIOClient client) {
        LOG.error("ping listener failed for client {}", client.getSessionId(), e);
    }

    @Override
    public void onPongException(Exception e, SocketIOClient client) {
        LOG.error("pong listener failed for client {}", client.getSessionId(), e);
    }

    @Override
    public void onAuthException(Throwable e, SocketIOClient client) {
        LOG.error("token check failed for client {}", client.getSessionId(), e);
    }

    @Override
    public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
        if (e instanceof IOException) {
            LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), e.toString());
        } else {
            LOG.debug("closing connection {} after a packet that cannot be decoded: {}",
                    ctx.channel().remoteAddress(), e.toString());
        }
        ctx.close();
        return true;
    }
}
