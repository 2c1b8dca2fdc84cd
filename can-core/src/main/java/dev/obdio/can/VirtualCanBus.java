package dev.obdio.can;

/** One endpoint on a {@link VirtualInterface}; see there for the threading. */
final class VirtualCanBus extends AbstractCanBus {
    private final VirtualInterface vi;

    VirtualCanBus(VirtualInterface vi, BusOptions options) {
        super(vi.channel(), options);
        this.vi = vi;
    }

    @Override
    protected void transmit(CanFrame frame) {
        vi.transmit(this, frame);
    }

    void receiveFromWire(CanFrame frame, long timestampNanos, boolean own) {
        deliver(frame, timestampNanos, own);
    }

    void linkWentDown(CanException error) {
        deliverError(error);
    }

    @Override
    protected void closeTransport() {
        vi.detach(this);
    }
}
