package dev.obdio.can.socketcan;

import dev.obdio.can.CanBuses;
import dev.obdio.can.CanException;

import java.nio.charset.StandardCharsets;

/**
 * The Linux rules for a network interface name (the kernel's {@code dev_valid_name}): 1 to 15
 * bytes (IFNAMSIZ 16 with the terminating NUL), not {@code .} or {@code ..}, no {@code /},
 * {@code :} or white space. Control characters are refused as well, since no tool can type them.
 */
final class InterfaceName {
    /** IFNAMSIZ minus the terminating NUL. */
    static final int MAX_BYTES = 15;

    private InterfaceName() {
    }

    /**
     * Returns {@code name} if the kernel would accept it.
     *
     * @throws CanException with {@link CanException.Reason#INVALID_NAME} saying what is wrong
     */
    static String validate(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new CanException(CanException.Reason.INVALID_NAME,
                    "invalid SocketCAN interface name \"" + printable(name) + "\": " + problem + "\n" + CanBuses.SYNTAX);
        }
        return name;
    }

    private static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "the name is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "'.' and '..' are not interface names";
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return "longer than " + MAX_BYTES + " bytes (IFNAMSIZ), got " + bytes;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':') {
                return "'" + c + "' is not allowed in interface names";
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "white space is not allowed in interface names";
            }
            if (Character.isISOControl(c)) {
                return String.format("control character U+%04X is not allowed in interface names", (int) c);
            }
        }
        return null;
    }

    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            s.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return s.toString();
    }
}
