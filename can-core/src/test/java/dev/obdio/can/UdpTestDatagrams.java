package dev.obdio.can;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/** Builds msgpack datagrams the way other senders might, for decoder and bus tests. */
final class UdpTestDatagrams {
    private UdpTestDatagrams() {
    }

    /** The map python-can 4.1's {@code pack_message} writes for these fields. */
    static Map<String, Object> pythonMessage(long id, boolean extended, boolean remote, boolean error, int dlc,
                                             byte[] data, boolean fd, boolean brs, boolean esi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", 0.0);
        m.put("arbitration_id", id);
        m.put("is_extended_id", extended);
        m.put("is_remote_frame", remote);
        m.put("is_error_frame", error);
        m.put("channel", null);
        m.put("dlc", dlc);
        m.put("data", data);
        m.put("is_fd", fd);
        m.put("bitrate_switch", brs);
        m.put("error_state_indicator", esi);
        return m;
    }

    /** A classic 11-bit data frame as python-can writes it. */
    static Map<String, Object> classic(int id, byte... data) {
        return pythonMessage(id, false, false, false, data.length, data, false, false, false);
    }

    /** Packs a map: keys are strings, values Boolean, Number, String, byte[] (bin), List, Map or null. */
    static byte[] pack(Map<String, ?> map) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            write(p, map);
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs any supported value (not necessarily a map). */
    static byte[] packValue(Object value) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            write(p, value);
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(MessagePacker p, Object v) throws IOException {
        if (v == null) {
            p.packNil();
        } else if (v instanceof Boolean b) {
            p.packBoolean(b);
        } else if (v instanceof Double d) {
            p.packDouble(d);
        } else if (v instanceof Float f) {
            p.packFloat(f);
        } else if (v instanceof Number n) {
            p.packLong(n.longValue());
        } else if (v instanceof String s) {
            p.packString(s);
        } else if (v instanceof byte[] b) {
            p.packBinaryHeader(b.length).writePayload(b);
        } else if (v instanceof List<?> list) {
            p.packArrayHeader(list.size());
            for (Object o : list) {
                write(p, o);
            }
        } else if (v instanceof Map<?, ?> map) {
            p.packMapHeader(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(p, e.getKey());
                write(p, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("cannot pack " + v.getClass());
        }
    }
}
