package dev.obdio.cli;

import dev.obdio.can.CandumpScreen;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** candump's display options, shared by the commands that show frames like candump. */
final class ScreenOptions {

    @Option(names = "-t", paramLabel = "a|d|z|A", converter = TimestampConverter.class,
            description = "Timestamps: a absolute, d delta, z zero-based, A absolute with date.")
    CandumpScreen.Timestamps timestamps = CandumpScreen.Timestamps.NONE;

    @Option(names = "-x", description = "Show RX/TX and the CAN FD flags (B = BRS, E = ESI); own frames "
            + "are shown as TX. Log lines get a trailing R or T.")
    boolean extraInfo;

    @Option(names = "-e", description = "Decode error frames. Without an #errmask filter, every error "
            + "class is received.")
    boolean decodeErrors;

    @Option(names = "-a", description = "Add the printable bytes of frames up to 8 bytes.")
    boolean ascii;

    @Option(names = "-i", description = "Bytes in binary.")
    boolean binary;

    @Option(names = "-S", description = "Bytes in reverse order, marked with '`'.")
    boolean swap;

    @Option(names = "-8", description = "Show the raw DLC of classic frames as {dlc} instead of [len].")
    boolean rawDlc;

    /** The candump view these options select. */
    CandumpScreen.Format format() {
        return CandumpScreen.Format.DEFAULTS.withTimestamps(timestamps).withExtraInfo(extraInfo)
                .withDecodeErrors(decodeErrors).withAscii(ascii).withBinary(binary).withSwap(swap).withRawDlc(rawDlc);
    }

    /** Whether an option that only the screen view has is set (candump refuses them with -L). */
    boolean hasScreenOnlyOption() {
        return ascii || binary || swap || rawDlc;
    }

    /** candump's -t letters. */
    static final class TimestampConverter implements ITypeConverter<CandumpScreen.Timestamps> {
        @Override
        public CandumpScreen.Timestamps convert(String value) {
            try {
                return CandumpScreen.Timestamps.ofLetter(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
