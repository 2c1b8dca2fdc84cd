package dev.obdio.can;

/** A registration that ends when closed; closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    /** Ends the registration. */
    @Override
    void close();
}
