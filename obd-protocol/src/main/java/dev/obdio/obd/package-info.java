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
 * </ul>
 *
 * <p>Where python-OBD is wrong (VIN stripping, lower-case DTC hex, negative responses decoded as
 * data, ...) this package does what the standard says; {@code docs/COMPATIBILITY.md} lists each case.
 *
 * <p>Threading: everything here is immutable or a pure function (decoders, lookups, JSON writing)
 * and may be used from any thread without locking. Nothing here does I/O except reading the DTC
 * description table from the jar once, on first use.
 */
package dev.obdio.obd;
