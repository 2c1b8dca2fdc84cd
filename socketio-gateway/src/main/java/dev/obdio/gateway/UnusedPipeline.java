package dev.obdio.gateway;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases the pipeline netty-socketio 2.0.14 builds in every {@link SocketIOServer} and that the
 * gateway replaces with its own. That default pipeline owns a netty {@code HashedWheelTimer}
 * (never started) that nothing stops: when it is garbage-collected, netty's leak detector logs an
 * ERROR ("LEAK: HashedWheelTimer.release() was not called") on every server's first GC. The
 * library offers no way to reach it, hence reflection; if that fails (another library version),
 * the only cost is that log line.
 */
final class UnusedPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(UnusedPipeline.class);

    private UnusedPipeline() {
    }

    /** Stops the timer of the server's current (default) pipeline; call before replacing it. */
    static void release(SocketIOServer server) {
        try {
            Field pipeline = SocketIOServer.class.getDeclaredField("pipelineFactory");
            pipeline.setAccessible(true);
            Object initializer = pipeline.get(server);
            Field scheduler = SocketIOChannelInitializer.class.getDeclaredField("scheduler");
            scheduler.setAccessible(true);
            ((CancelableScheduler) scheduler.get(initializer)).shutdown();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("could not release netty-socketio's default pipeline (only a leak report follows)", e);
        }
    }
}
