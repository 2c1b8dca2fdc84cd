/**
 * CAN frames, filters, the can-utils text formats and bus endpoints (SocketCAN, in-process
 * virtual, UDP multicast). Start at {@link dev.obdio.can.CanBuses} and {@link dev.obdio.can.CanFrame}.
 */
package dev.obdio.can;
