package dev.obdio.uds;

/**
 * A memory block for ReadMemoryByAddress, WriteMemoryByAddress, RequestDownload and
 * RequestUpload: its address and size and how many bytes each takes on the wire, which the
 * addressAndLengthFormatIdentifier (ALFID) announces: high nibble the size's byte count, low
 * nibble the address's.
 *
 * <p>Both are unsigned; up to 8 bytes each (ISO 14229-1 allows 15, no server needs more than
 * a {@code long}). {@link #of(long, long)} picks the fewest bytes that hold the values; servers
 * usually insist on their own fixed formats, which {@link #of(long, long, int, int)} sets.
 *
 * @param address      the start address, unsigned
 * @param size         the block length in bytes, unsigned
 * @param addressBytes bytes of the address on the wire, 1..8
 * @param sizeBytes    bytes of the size on the wire, 1..8
 */
public record MemoryLocation(long address, long size, int addressBytes, int sizeBytes) {

    /** Validates that the values fit their formats. */
    public MemoryLocation {
        Checks.range("addressBytes", addressBytes, 1, 8);
        Checks.range("sizeBytes", sizeBytes, 1, 8);
        if (bytesFor(address) > addressBytes) {
            throw new IllegalArgumentException(String.format("address 0x%X does not fit %d byte%s", address,
                    addressBytes, addressBytes == 1 ? "" : "s"));
        }
        if (bytesFor(size) > sizeBytes) {
            throw new IllegalArgumentException(String.format("size 0x%X does not fit %d byte%s", size, sizeBytes,
                    sizeBytes == 1 ? "" : "s"));
        }
    }

    /** A block with the fewest bytes that hold address and size. */
    public static MemoryLocation of(long address, long size) {
        return new MemoryLocation(address, size, bytesFor(address), bytesFor(size));
    }

    /** A block with fixed formats. */
    public static MemoryLocation of(long address, long size, int addressBytes, int sizeBytes) {
        return new MemoryLocation(address, size, addressBytes, sizeBytes);
    }

    /** The same block with other formats. */
    public MemoryLocation withFormat(int newAddressBytes, int newSizeBytes) {
        return new MemoryLocation(address, size, newAddressBytes, newSizeBytes);
    }

    /** The addressAndLengthFormatIdentifier byte. */
    public int formatIdentifier() {
        return sizeBytes << 4 | addressBytes;
    }

    /** The fewest bytes (at least one) an unsigned value takes. */
    static int bytesFor(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        return Math.max(1, (bits + 7) / 8);
    }

    /** Appends ALFID, address and size (ReadMemoryByAddress, WriteMemoryByAddress). */
    void writeWithFormat(RequestWriter out) {
        out.u8(formatIdentifier());
        writeAddressAndSize(out);
    }

    /** Appends address and size. */
    void writeAddressAndSize(RequestWriter out) {
        out.unsigned(address, addressBytes).unsigned(size, sizeBytes);
    }

    /** Reads ALFID, address and size from a response. */
    static MemoryLocation read(ResponseReader in) {
        int alfid = in.u8("addressAndLengthFormatIdentifier");
        int addressBytes = alfid & 0x0F;
        int sizeBytes = alfid >> 4;
        if (addressBytes < 1 || addressBytes > 8 || sizeBytes < 1 || sizeBytes > 8) {
            throw in.malformed(String.format("addressAndLengthFormatIdentifier 0x%02X: address and size must be "
                    + "1..8 bytes each", alfid));
        }
        long address = in.unsigned(addressBytes, "memoryAddress");
        long size = in.unsigned(sizeBytes, "memorySize");
        return new MemoryLocation(address, size, addressBytes, sizeBytes);
    }

    @Override
    public String toString() {
        return String.format("0x%0" + addressBytes * 2 + "X+0x%X (ALFID 0x%02X)", address, size, formatIdentifier());
    }
}
