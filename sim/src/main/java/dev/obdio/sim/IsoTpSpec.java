package dev.obdio.sim;

import java.util.OptionalInt;

/**
 * How the vehicle's ECUs use ISO-TP (ISO 15765-2) on the bus, as a vehicle file's {@code isotp}
 * section gives it: the pad byte of the frames they send, and the flow control they announce
 * when a tester sends them a segmented request. The tester's own block size and STmin govern the
 * ECUs' segmented answers; these values govern the tester's segmented requests.
 *
 * @param padding   the pad byte of every frame the ECUs send (ISO 15765-4 asks for 8-byte frames;
 *                  0xCC, 0x55 and 0xAA are common), or empty for frames as short as their content
 * @param blockSize the block size (BS) the ECUs announce, 0..255; 0 = the tester may send all
 *                  consecutive frames without waiting for further flow control
 * @param stMin     the STmin byte the ECUs announce: 0x00..0x7F milliseconds or 0xF1..0xF9 for
 *                  100..900 µs (the reserved values are rejected)
 */
public record IsoTpSpec(OptionalInt padding, int blockSize, int stMin) {

    /** Padding with 0xCC (the Linux kernel's pad byte), BS 0, STmin 0. */
    public static final IsoTpSpec DEFAULTS = new IsoTpSpec(OptionalInt.of(0xCC), 0, 0);

    /** Validates the fields. */
    public IsoTpSpec {
        Checks.notNull("padding", padding);
        if (padding.isPresent()) {
            Checks.range("padding", padding.getAsInt(), 0, 0xFF);
        }
        Checks.range("blockSize", blockSize, 0, 0xFF);
        if (!(stMin >= 0 && stMin <= 0x7F || stMin >= 0xF1 && stMin <= 0xF9)) {
            throw new IllegalArgumentException(String.format(
                    "stMin: 0x%X is reserved; use 0x00..0x7F (ms) or 0xF1..0xF9 (100..900 us)", stMin));
        }
    }

    /** With another pad byte. */
    public IsoTpSpec withPadding(int padByte) {
        return new IsoTpSpec(OptionalInt.of(padByte), blockSize, stMin);
    }

    /** Without padding: frames as short as their content. */
    public IsoTpSpec withoutPadding() {
        return new IsoTpSpec(OptionalInt.empty(), blockSize, stMin);
    }

    /** With another announced block size. */
    public IsoTpSpec withBlockSize(int value) {
        return new IsoTpSpec(padding, value, stMin);
    }

    /** With another announced STmin byte. */
    public IsoTpSpec withStMin(int value) {
        return new IsoTpSpec(padding, blockSize, value);
    }
}
