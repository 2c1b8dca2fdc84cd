/**
 * Linux SocketCAN buses through JavaCAN 3.5.0; the only package of obdio that imports JavaCAN.
 * Start at {@link dev.obdio.can.socketcan.SocketCan} (or open {@code can0} with
 * {@link dev.obdio.can.CanBuses#open(String)}).
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@code SocketCanBus}: one endpoint, a CAN_RAW socket ({@code RawSocket}) and its reader
 *       thread, on top of {@link dev.obdio.can.AbstractCanBus};</li>
 *   <li>{@code KernelFrames}, {@code KernelFilters}: {@code struct can_frame}/{@code canfd_frame}
 *       and the CAN_RAW filter options;</li>
 *   <li>{@code BcmSocket}, {@code BcmSockets}, {@code BcmCodec}: the broadcast manager, used by
 *       {@code BcmCyclicTransmission} (TX_SETUP) and {@code BcmContentWatch} (RX_SETUP);</li>
 *   <li>{@code OwnFrames}: which received frames are this endpoint's own;</li>
 *   <li>{@code SocketCanErrors}, {@code InterfaceName}, {@code LinuxInterface}: plain messages for
 *       what goes wrong, with the command that fixes it;</li>
 *   <li>{@code JavaCanNatives}, {@code NativeArch}: the native library for the CPU.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Per endpoint: the reader ({@code obdio-socketcan-<if>}, daemon) blocks in {@code recvmsg} for
 * at most 100 ms at a time and only queues frames; the delivery thread of
 * {@link dev.obdio.can.AbstractCanBus} runs listeners; each broadcast-manager socket has a reader
 * ({@code obdio-bcm-<if>}) that runs content-watch listeners. Senders use their own threads.
 * {@code close()} waits for the readers (about 100 ms) and closes every descriptor exactly once.
 *
 * <h2>JavaCAN 3.5.0 quirks this package works around</h2>
 * <ul>
 *   <li>every architecture jar carries {@code native/libjavacan-core.so} at the same path, so the
 *       first on the class path wins whatever the CPU; this jar carries the libraries per
 *       architecture and picks one ({@code JavaCanNatives});</li>
 *   <li>JavaCAN logs through SLF4J: without a provider SLF4J prints a warning on first use;</li>
 *   <li>{@code receiveWithRawHeaders} drops {@code msg_flags}, so MSG_CONFIRM cannot tell our own
 *       frames ({@code OwnFrames});</li>
 *   <li>BCM sockets are only read with {@code read(2)}: no kernel timestamp for content changes;</li>
 *   <li>a blocked read is not woken by {@code close} (issue #29): readers use SO_RCVTIMEO and a
 *       lock keeps descriptors from being closed under them ({@code SocketGuard});</li>
 *   <li>the EPoll selector (javacan-epoll) would double-free when closed twice; it is not used.</li>
 * </ul>
 */
package dev.obdio.can.socketcan;
