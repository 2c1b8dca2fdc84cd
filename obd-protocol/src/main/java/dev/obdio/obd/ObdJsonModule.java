package dev.obdio.obd;

import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Jackson module writing obdio's OBD types exactly as obd-socketio writes python-OBD's (see
 * {@code obdio-compat.md}): {@link ObdCommand}, {@link ObdResponse}, every {@link ObdValue}, and
 * byte arrays as hex (never base64). Register it on a mapper of your own, or use
 * {@link ObdJson#mapper()}, which also escapes strings as Python does.
 */
public final class ObdJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** A module with all obdio OBD serializers. */
    public ObdJsonModule() {
        super("obdio-obd");
        addSerializer(ObdCommand.class, new ObdJsonSerializers.CommandSerializer());
        addSerializer(ObdResponse.class, new ObdJsonSerializers.ResponseSerializer());
        addSerializer(ObdValue.class, new ObdJsonSerializers.ValueSerializer());
        addSerializer(EcuMessage.class, new ObdJsonSerializers.MessageSerializer());
        addSerializer(byte[].class, new ObdJsonSerializers.HexSerializer());
    }
}
