package dev.obdio.gateway;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * netty-socketio's pipeline with the gateway's handlers between HTTP decoding and the library's
 * Socket.IO handlers:
 * {@code … httpEncoder, [httpCompression], }<b>{@code obdioGuard, obdioStatic, obdioTransport}</b>{@code ,
 * packetHandler, authorizeHandler, xhrPollingTransport, webSocketTransport, socketioEncoder,
 * wrongUrlBlocker}. The guard refuses foreign hosts and origins, the static handler answers every
 * path outside the Socket.IO path (so the library's wrong-URL handler never sees one) and the
 * transport watch fixes the upgrade stall and triggers outbox drains. Every accepted channel is kept
 * in a group so that {@link #closeAll()} can end them at shutdown.
 */
final class GatewayChannelInitializer extends SocketIOChannelInitializer {
    private final RequestGuard guard;
    private final StaticFileHandler staticFiles;
    private final TransportWatch transportWatch;
    private final ChannelGroup channels = new DefaultChannelGroup("obdio-gateway", GlobalEventExecutor.INSTANCE);
    private volatile EventLoopGroup workerGroup;
    private volatile String bindHost;
    private volatile int bindPort = -1;

    GatewayChannelInitializer(RequestGuard guard, StaticFileHandler staticFiles, TransportWatch transportWatch) {
        this.guard = guard;
        this.staticFiles = staticFiles;
        this.transportWatch = transportWatch;
    }

    /**
     * The address to listen on, when it differs from the configuration's. netty-socketio binds the
     * address of its private copy of the configuration, which it hands to {@link #start} just before
     * binding: the only place to change it after the server was built.
     */
    void bindTo(String host, int port) {
        bindHost = host;
        bindPort = port;
    }

    @Override
    public void start(Configuration configuration, NamespacesHub namespacesHub) {
        if (bindHost != null) {
            configuration.setHostname(bindHost);
            configuration.setPort(bindPort);
        }
        super.start(configuration, namespacesHub);
    }

    @Override
    protected void initChannel(Channel ch) throws Exception {
        channels.add(ch);
        if (workerGroup == null) {
            workerGroup = ch.eventLoop().parent();
        }
        super.initChannel(ch);
    }

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addBefore(PACKET_HANDLER, "obdioGuard", guard);
        pipeline.addBefore(PACKET_HANDLER, "obdioStatic", staticFiles);
        pipeline.addBefore(PACKET_HANDLER, "obdioTransport", transportWatch);
    }

    /** Closes every client connection and waits for that (bounded). */
    void closeAll() {
        channels.close().awaitUninterruptibly(2000);
    }

    /** The event loops of the client connections, once one has been accepted. */
    EventLoopGroup workerGroup() {
        return workerGroup;
    }
}
