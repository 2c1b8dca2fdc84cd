package dev.obdio.obd;

import java.util.Locale;

/**
 * What an ECU that answered is, as far as OBD is concerned. Each role is one bit of python-OBD's
 * {@code ECU} flags, so a command's ECU mask ({@link ObdCommand#ecu()}) says which answers it
 * accepts: a message is used when {@code (command.ecu() & message.role().bit()) != 0}.
 */
public enum EcuRole {
    /** An ECU that could not be identified (python-OBD {@code ECU.UNKNOWN}). */
    UNKNOWN(0x01),
    /** The engine control module (python-OBD {@code ECU.ENGINE}). */
    ENGINE(0x02),
    /** The transmission control module (python-OBD {@code ECU.TRANSMISSION}). */
    TRANSMISSION(0x04);

    /** Mask accepting answers from every ECU (python-OBD {@code ECU.ALL}). */
    public static final int ALL = 0xFF;
    /** Mask accepting answers from every identified ECU (python-OBD {@code ECU.ALL_KNOWN}). */
    public static final int ALL_KNOWN = 0xFE;

    private final int bit;

    EcuRole(int bit) {
        this.bit = bit;
    }

    /** This role's bit in an ECU mask. */
    public int bit() {
        return bit;
    }

    /** Whether a command with ECU mask {@code mask} accepts answers from this role. */
    public boolean acceptedBy(int mask) {
        return (mask & bit) != 0;
    }

    /**
     * Parses a role name case-insensitively ({@code engine}, {@code TRANSMISSION}, ...).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static EcuRole parse(String name) {
        for (EcuRole r : values()) {
            if (r.name().equalsIgnoreCase(name.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown ECU role '" + name + "' (expected one of "
                + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")");
    }
}
