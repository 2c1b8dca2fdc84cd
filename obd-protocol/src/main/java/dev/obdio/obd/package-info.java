/**
 * OBD-II (SAE J1979) as python-OBD 0.7.3 knows it: commands, decoders, values and their JSON.
 *
 * <ul>
 *   <li>{@link dev.obdio.obd.ObdCommands} — every command by name ({@code ObdCommands.RPM}) or by mode and
 *       PID; {@link dev.obdio.obd.ObdCommand} builds its request ({@code 01 0C}) and decodes answers
 *       ({@link dev.obdio.obd.EcuMessage}, mode and PID bytes included) into an
 *       {@link dev.obdio.obd.ObdResponse}.</li>
 *   <li>{@link dev.obdio.obd.ObdValue} — the decoded values: {@link dev.obdio.obd.Quantity} (a number
 *       with its pint unit, int or float as in Python), {@link dev.obdio.obd.Status},
 *       {@link dev.obdio.obd.DtcList}, {@link dev.obdio.obd.Monitor}, ...</li>
 *   <li>{@link dev.obdio.obd.ObdJson} — the JSON obd-socketio sends; {@link dev.obdio.obd.ObdUnits} —
 *       conversions for display (mph, °F, psi).</li>
 *   <li>{@link dev.obdio.obd.MultiPidRequest} — up to six mode 01 PIDs in one request.</li>
 *   <li>{@link dev.obdio.obd.ObdConnection} — the vehicle over ISO-TP on a CAN bus: status, protocol,
 *       ECUs and roles, supported commands, queries, python-OBD's watch loop, clearing DTCs only
 *       with a {@link dev.obdio.obd.ClearConfirmation}; configured by {@link dev.obdio.obd.ObdOptions}.</li>
 * </ul>
 *
 * <p>Where python-OBD is wrong (VIN stripping, lower-case DTC hex, negative responses decoded as
 * data, ...) this package does what the standard says; {@code docs/COMPATIBILITY.md} lists each case.
 *
 * <p>Threading: commands, values, decoders and JSON writing are immutable or pure functions and may
 * be used from any thread without locking; the DTC description table is read from the jar once, on
 * first use. {@link dev.obdio.obd.ObdConnection} is thread-safe and documents its threads: queries
 * run on the caller's thread and take turns on the bus; the bus endpoint's delivery thread and the
 * ISO-TP timer and event threads carry the answers; the watch loop and its callbacks have a thread
 * each while the loop runs. The request/answer logic itself ({@code ResponseWindow},
 * {@code QueryPlanner}, {@code RoleAssignment}) is pure and takes the time as input.
 */
package dev.obdio.obd;
