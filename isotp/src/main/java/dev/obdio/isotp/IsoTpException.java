package dev.obdio.isotp;

/**
 * A blocking ISO-TP call failed because of a protocol fault; {@link #error()} says which. The
 * same fault reaches listeners as an {@link IsoTpEvent.Failed} event.
 */
public class IsoTpException extends RuntimeException {
    private final IsoTpError error;

    /** An exception carrying {@code error}. */
    public IsoTpException(IsoTpError error) {
        super(error.message());
        this.error = error;
    }

    /** The fault. */
    public IsoTpError error() {
        return error;
    }
}
