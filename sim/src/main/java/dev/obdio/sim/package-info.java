/**
 * The simulated vehicle: the embedded default of every obdio command.
 *
 * <p>A {@link dev.obdio.sim.Vehicle} couples a physical model (driver, gearbox, engine, air and
 * fuel, mixture control, heat, hybrid system), advanced in fixed 10 ms steps by the caller's clock,
 * with {@link dev.obdio.sim.SimulatedEcu}s that answer OBD-II (modes 01-0A) and UDS requests as
 * {@link dev.obdio.sim.ResponseSchedule}s: what to send and when. Vehicles are described by
 * {@link dev.obdio.sim.VehicleDescription} records, read from JSON or YAML files by
 * {@link dev.obdio.sim.VehicleFiles}; three are built in.
 *
 * <p>Threading: no threads, no sleeps, no clock reads inside. A vehicle and its ECUs share one lock,
 * so any thread may call them; time is always the {@code nowNanos} argument.
 *
 * <p>On a bus: {@link dev.obdio.sim.VehicleServer} runs a vehicle over ISO-TP on any
 * {@code CanBus} (one channel per ECU, functional reception, responses sent on schedule by one
 * timer thread, a {@link dev.obdio.sim.RequestLog}); {@link dev.obdio.sim.EmbeddedVehicle} is the
 * in-process default of every obdio command.
 *
 * <p>Behaviour, file format, security algorithm and fault API: docs/SIMULATOR.md.
 */
package dev.obdio.sim;
