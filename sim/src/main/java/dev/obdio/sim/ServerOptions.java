package dev.obdio.sim;

import dev.obdio.isotp.IsoTp;

/**
 * How a {@link VehicleServer} runs a vehicle on a bus. The ISO-TP padding and flow control come
 * from the vehicle's description ({@link VehicleDescription#isoTp()}).
 *
 * @param engine     which ISO-TP engine runs the ECUs' channels: {@link IsoTp.Engine#AUTO} (the
 *                   kernel's CAN_ISOTP on SocketCAN where available, the java engine elsewhere),
 *                   {@code JAVA} or {@code KERNEL}
 * @param requestLog hears every request served, e.g. for {@code obdio sim -v}
 */
public record ServerOptions(IsoTp.Engine engine, RequestLog requestLog) {

    /** The AUTO engine, no log. */
    public static final ServerOptions DEFAULTS = new ServerOptions(IsoTp.Engine.AUTO, RequestLog.NONE);

    /** Checks the fields. */
    public ServerOptions {
        Checks.notNull("engine", engine);
        Checks.notNull("requestLog", requestLog);
    }

    /** With another ISO-TP engine. */
    public ServerOptions withEngine(IsoTp.Engine value) {
        return new ServerOptions(value, requestLog);
    }

    /** With another request log. */
    public ServerOptions withRequestLog(RequestLog value) {
        return new ServerOptions(engine, value);
    }
}
