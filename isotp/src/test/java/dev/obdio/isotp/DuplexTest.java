package dev.obdio.isotp;

import static dev.obdio.isotp.Machine.data;
import static dev.obdio.isotp.Machine.payload;
import static dev.obdio.isotp.Machine.slice;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sending and receiving at the same time, and the kernel's half duplex mode. */
class DuplexTest {

    @Test
    void fullDuplexReceivesWhileSending() {
        Machine m = Machine.normalDefaults();
        byte[] out = payload(20);
        byte[] in = payload(10, 7);
        m.send(out);
        m.nextSent();
        m.rx(data(0x10, 10, slice(in, 0, 6)));
        m.expectFlowControl(0, 0, 0);
        m.rx(0x30, 0, 0);
        m.expectSent(data(0x21, slice(out, 6, 13)));
        m.expectSent(data(0x22, slice(out, 13, 20)));
        m.rx(data(0x21, slice(in, 6, 10)));
        assertThat(m.receivedOne()).isEqualTo(in);
        assertThat(m.sentPdus()).isEqualTo(1);
        m.expectNoErrors();
    }

    @Test
    void halfDuplexIgnoresDataFramesWhileSending() {
        Machine m = Machine.withOptions(Machine.normal().withHalfDuplex(true));
        byte[] out = payload(20);
        m.send(out);
        m.nextSent();
        m.rx(0x02, 0x11, 0x22);
        m.rx(data(0x10, 10, payload(6)));
        m.expectNothingReceived();
        m.expectNothingSent();
        m.expectNoErrors();
        m.rx(0x30, 0, 0);
        m.expectSent(data(0x21, slice(out, 6, 13)));
    }

    @Test
    void halfDuplexIgnoresFlowControlAndHoldsSendsWhileReceiving() {
        Machine m = Machine.withOptions(Machine.normal().withHalfDuplex(true));
        byte[] in = payload(10);
        m.rx(data(0x10, 10, slice(in, 0, 6)));
        m.expectFlowControl(0, 0, 0);
        assertThat(m.sm.canSend()).isFalse();
        m.rx(0x30, 0, 0);
        m.expectNoErrors();
        m.rx(data(0x21, slice(in, 6, 10)));
        assertThat(m.receivedOne()).isEqualTo(in);
        assertThat(m.sm.canSend()).isTrue();
    }

    @Test
    void fullDuplexCanSendWhileReceiving() {
        Machine m = Machine.normalDefaults();
        m.rx(data(0x10, 10, payload(6)));
        m.nextSent();
        assertThat(m.sm.canSend()).isTrue();
        m.send(payload(3));
        m.expectSent(0x03, 0, 1, 2);
    }
}
