package dev.obdio.obd;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An OBD-II command: python-OBD's {@code OBDCommand}, knowing how to build its request and decode
 * the answers. The standard ones are in {@link ObdCommands}; custom ones (a manufacturer PID,
 * mode 22) are built with {@link #of}.
 *
 * <p>Decoding follows python-OBD: answers from ECUs outside {@link #ecu()} are ignored, each answer
 * is padded or cut to {@link #bytes()}, and the decoder gets them all. Where python-OBD would
 * decode garbage we report a problem instead (see {@link ObdResponse#problems()}): negative
 * responses, answers to another service or PID, answers without data bytes. Immutable and
 * thread-safe.
 *
 * @param name            upper-case name, the lookup key ({@code RPM})
 * @param desc            human description
 * @param command         mode and PID as hex ({@code "010C"}, {@code "03"}), or an ELM327 adapter
 *                        command ({@code "ATRV"})
 * @param bytes           python-OBD's response length, mode and PID bytes included; 0 = variable
 * @param decoder         turns the answers into a value
 * @param ecu             mask of {@link EcuRole} bits whose answers count ({@link EcuRole#ALL} for all)
 * @param fast            python-OBD's flag: the number of answers is known, so an ELM may stop early
 * @param alwaysSupported whether every OBD vehicle supports it (python-OBD's {@code base_commands()})
 * @param extension       an obdio addition that python-OBD 0.7.3 does not have
 */
public record ObdCommand(String name, String desc, String command, int bytes, Decoder decoder, int ecu,
                         boolean fast, boolean alwaysSupported, boolean extension) {

    private static final int FREEZE_FRAME_MODE = 0x02;

    /** Validates. */
    public ObdCommand {
        Objects.requireNonNull(decoder, "decoder");
        if (name == null || name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("name must be non-empty without spaces, not '" + name + "'");
        }
        if (desc == null || desc.isEmpty()) {
            throw new IllegalArgumentException(name + ": desc must not be empty");
        }
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException(name + ": command must not be empty");
        }
        if (isHex(command) && command.length() % 2 != 0) {
            throw new IllegalArgumentException(name + ": command " + command + " has an odd number of hex digits");
        }
        if (bytes < 0) {
            throw new IllegalArgumentException(name + ": bytes must be >= 0, not " + bytes);
        }
        if (ecu < 1 || ecu > EcuRole.ALL) {
            throw new IllegalArgumentException(name + ": ecu mask must be 1..255, not " + ecu);
        }
    }

    /**
     * A custom command with python-OBD's constructor arguments, e.g.
     * {@code ObdCommand.of("BOOST", "Boost pressure", "221234", 5, myDecoder, EcuRole.ENGINE.bit(), true)}.
     */
    public static ObdCommand of(String name, String desc, String command, int bytes, Decoder decoder, int ecu,
                                boolean fast) {
        return new ObdCommand(name, desc, command, bytes, decoder, ecu, fast, false, false);
    }

    /** The mode (service), e.g. 1 for {@code "010C"}; empty for adapter commands. */
    public OptionalInt mode() {
        return isHex(command) ? OptionalInt.of(Integer.parseInt(command.substring(0, 2), 16)) : OptionalInt.empty();
    }

    /** The PID, e.g. 0x0C for {@code "010C"}; empty for {@code "03"} and adapter commands. */
    public OptionalInt pid() {
        return isHex(command) && command.length() > 2
                ? OptionalInt.of(Integer.parseInt(command.substring(2), 16)) : OptionalInt.empty();
    }

    /** Whether this is an ELM327 adapter command ({@code ATRV}) rather than an OBD request. */
    public boolean isAdapterCommand() {
        return !isHex(command);
    }

    /** The mode and PID bytes, as an answer echoes them ({@code 01 0C}). */
    byte[] commandBytes() {
        requireObd();
        return HexFormat.of().parseHex(command);
    }

    /**
     * The request to send: {@code 01 0C}, {@code 09 02}, {@code 03}; a mode 02 request asks for
     * freeze frame 0 ({@code 02 0C 00}).
     *
     * @throws IllegalStateException for adapter commands, which have no OBD request
     */
    public byte[] request() {
        return mode().orElse(-1) == FREEZE_FRAME_MODE && pid().isPresent() ? freezeFrameRequest(0) : commandBytes();
    }

    /**
     * The mode 02 request for freeze frame {@code frame}: {@code 02 PID frame}.
     *
     * @throws IllegalStateException if this is not a mode 02 command with a PID
     * @throws IllegalArgumentException if {@code frame} is not 0..255
     */
    public byte[] freezeFrameRequest(int frame) {
        if (mode().orElse(-1) != FREEZE_FRAME_MODE || pid().isEmpty()) {
            throw new IllegalStateException(name + " is not a mode 02 (freeze frame) command");
        }
        if (frame < 0 || frame > 0xFF) {
            throw new IllegalArgumentException("freeze frame number must be 0..255, not " + frame);
        }
        byte[] c = commandBytes();
        byte[] r = new byte[c.length + 1];
        System.arraycopy(c, 0, r, 0, c.length);
        r[c.length] = (byte) frame;
        return r;
    }

    /** The request as upper-case hex ({@code "010C"}). */
    public String requestHex() {
        return HexBytes.format(request());
    }

    /** Whether answers from an ECU with {@code role} count for this command. */
    public boolean accepts(EcuRole role) {
        return role.acceptedBy(ecu);
    }

    /** The unit of the values: the decoder's pint unit, or {@code ""} when the value is not a measurement. */
    public String unit() {
        return decoder.unit();
    }

    /** {@link #decode(List, long)} at the current time. */
    public ObdResponse decode(List<EcuMessage> messages) {
        return decode(messages, System.currentTimeMillis());
    }

    /**
     * Decodes the answers to this command as python-OBD does: the accepted ECUs' answers, all given
     * to the decoder together (which reads the first, or all for DTCs).
     *
     * @param messages answers, mode and PID bytes included
     * @param time     the response time to record, epoch milliseconds
     */
    public ObdResponse decode(List<EcuMessage> messages, long time) {
        List<EcuMessage> accepted = new ArrayList<>();
        List<EcuMessage> usable = new ArrayList<>();
        List<ObdProblem> problems = new ArrayList<>();
        for (EcuMessage m : messages) {
            if (!accepts(m.role())) {
                continue;
            }
            accepted.add(m);
            ResponseShaper.Result r = ResponseShaper.shape(this, m);
            if (r instanceof ResponseShaper.Usable u) {
                usable.add(u.message());
            } else {
                problems.add(((ResponseShaper.Rejected) r).problem());
            }
        }
        Optional<ObdValue> value = Optional.empty();
        if (!usable.isEmpty()) {
            try {
                value = Objects.requireNonNull(decoder.decode(List.copyOf(usable)), "decoder returned null");
            } catch (RuntimeException e) {
                problems.add(new ObdProblem.DecoderFailure(decoder.pythonName(), String.valueOf(e)));
            }
        }
        return new ObdResponse(this, accepted, value, time, problems);
    }

    /**
     * Decodes each ECU's answers on their own: one response per ECU (by role and CAN id), in the
     * order the ECUs first answered. This is how many ECUs are read at once.
     */
    public List<ObdResponse> decodeEach(List<EcuMessage> messages, long time) {
        Map<String, List<EcuMessage>> byEcu = new LinkedHashMap<>();
        for (EcuMessage m : messages) {
            if (accepts(m.role())) {
                byEcu.computeIfAbsent(m.role() + "/" + m.sourceId(), k -> new ArrayList<>()).add(m);
            }
        }
        List<ObdResponse> out = new ArrayList<>(byEcu.size());
        for (List<EcuMessage> ecuMessages : byEcu.values()) {
            out.add(decode(ecuMessages, time));
        }
        return out;
    }

    /** python-OBD's {@code str()}: {@code "010C: Engine RPM"}. */
    @Override
    public String toString() {
        return command + ": " + desc;
    }

    private void requireObd() {
        if (isAdapterCommand()) {
            throw new IllegalStateException(name + " (" + command + ") is an ELM327 adapter command; "
                    + "it has no OBD request");
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
