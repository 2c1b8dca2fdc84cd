/**
 * ISO 15765-2 (ISO-TP) transport on any {@link dev.obdio.can.CanBus}: PDUs of up to 4095 bytes,
 * and beyond with the 32-bit FF_DL escape, with full flow control (BS, STmin down to 100 µs,
 * WAIT, overflow), timeouts, padding, extended and mixed addressing and CAN FD.
 *
 * <p>Start at {@link dev.obdio.isotp.IsoTp#open IsoTp.open}, which returns an
 * {@link dev.obdio.isotp.IsoTpChannel} configured by {@link dev.obdio.isotp.IsoTpOptions}. Two
 * engines stand behind that interface: the pure-Java one, which runs everywhere, and the Linux
 * kernel's CAN_ISOTP sockets through JavaCAN ({@code KernelIsoTp*}, the module's only JavaCAN
 * users), which {@link dev.obdio.isotp.IsoTp.Engine#AUTO} picks on SocketCAN interfaces when the
 * kernel has them and can honour the options ({@link dev.obdio.isotp.IsoTp#chooseEngine} says
 * which and why; {@code docs/ISOTP.md} has the option mapping). Faults are
 * {@link dev.obdio.isotp.IsoTpError} values, delivered as
 * {@link dev.obdio.isotp.IsoTpEvent.Failed} events or carried by an
 * {@link dev.obdio.isotp.IsoTpException} from blocking calls. The protocol itself is
 * {@link dev.obdio.isotp.IsoTpStateMachine}, a pure state machine that tests and simulations can
 * drive with a fake clock.
 *
 * <h2>Threading model of the java engine</h2>
 * All channels on one bus endpoint share one driver, which owns at most three threads, however
 * many channels there are:
 * <ul>
 *   <li><b>Bus delivery thread</b> (the endpoint's: {@code obdio-bus-<bus>}, or a SocketCAN
 *       endpoint's reader): takes every received frame, finds the channels listening on its
 *       identifier and runs their state machines. Flow controls we answer with are sent from this
 *       thread.</li>
 *   <li><b>Burst sender thread</b> ({@code obdio-isotp-tx-<bus>}, started on first use, gone after
 *       5 s idle): sends the block of consecutive frames a received flow control releases, so the
 *       delivery thread keeps reading while the block goes out (on SocketCAN its socket would
 *       otherwise fill with frames, our own echoes among them, and overflow).</li>
 *   <li><b>Timer thread</b> ({@code obdio-isotp-timer-<bus>}): sleeps until the earliest deadline
 *       of all channels (a timeout, or the end of an STmin gap) and runs that channel's state
 *       machine; the consecutive frames that were waiting for their gap are sent from here. For
 *       a gap it parks until 200 µs before the end and spins for the rest, so STmin is held to
 *       about ±100 µs; it spins only when a channel is actually waiting on a gap.</li>
 *   <li><b>Event thread</b> ({@code obdio-isotp-events-<bus>}): calls the listeners and completes
 *       the futures {@code sendAsync} returns, in order, so user code never delays the protocol.
 *       A listener that blocks delays the other channels' events of the same bus. A listener may
 *       answer with a blocking {@code send}, but must not wait on a {@code sendAsync} future.</li>
 *   <li><b>Caller threads</b>: {@code sendAsync} queues the PDU and, when the channel is free,
 *       sends its first frame on the calling thread; blocking {@code send} waits until the
 *       protocol thread that finishes the transfer wakes it; {@code receive} waits on the
 *       channel's bounded queue of received PDUs.</li>
 * </ul>
 * A channel's state machine runs under the channel's lock, whichever thread brings the input;
 * frames are put on the bus outside the lock, one at a time per direction, and the state machine
 * learns when each is out (N_As/N_Ar run until then, and the STmin gap starts from there).
 * Channels on one endpoint hear each other through the endpoint's own-frame echo, like CAN_ISOTP
 * sockets on one host.
 *
 * <h2>Threading model of the kernel engine</h2>
 * One CAN_ISOTP socket per channel. A sender thread per channel (from the first send) writes the
 * queued PDUs one at a time with CAN_ISOTP_WAIT_TX_DONE and completes their futures; a reader
 * thread runs while a listener is subscribed; an event thread (from the first subscription or
 * {@code sendAsync}) calls the listeners and completes {@code sendAsync} futures in order;
 * {@code receive} reads on the caller's thread. Nobody blocks in the kernel for more than 20 ms,
 * so {@code close} unblocks receivers promptly and closes the descriptor exactly once, after the
 * kernel has finished a transfer in flight. Segmented sends wait until no receiver is in the
 * kernel, so that a receiver cannot take the send's error (the kernel keeps one per socket).
 */
package dev.obdio.isotp;
