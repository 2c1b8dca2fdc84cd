package dev.obdio.sim;

import java.util.Locale;

/**
 * A physical quantity of the simulated vehicle, as its sensors report it (with realistic noise).
 * Values are doubles in the unit given by {@link #unit()}; flags are 0 or 1 and codes are small
 * integers. Vehicle description files name signals by {@link #key()} (e.g. in freeze frames).
 */
public enum Signal {
    /** 1 while the combustion engine runs (a hybrid's engine stops often). */
    ENGINE_RUNNING("flag"),
    /** Engine speed. */
    ENGINE_RPM("rpm"),
    /** Vehicle speed. */
    VEHICLE_SPEED("km/h"),
    /** Engaged gear, 0 for neutral or no gear. */
    GEAR("gear"),
    /** Ratio of the engaged gear (without final drive), 0 in neutral. */
    GEAR_RATIO("ratio"),
    /**
     * 1 when the engine turns rigidly with the wheels (clutch closed, torque converter locked); 0
     * while slipping, shifting, declutched or in neutral.
     */
    DRIVELINE_LOCKED("flag"),
    /** Calculated load value (SAE J1979 LOAD_PCT). */
    ENGINE_LOAD("%"),
    /** Absolute load value (air mass per intake stroke relative to displacement at STP). */
    ABSOLUTE_LOAD("%"),
    /** Driver's demand engine torque, percent of reference torque. */
    DEMAND_TORQUE("%"),
    /** Actual engine torque, percent of reference torque (negative when motored). */
    ACTUAL_TORQUE("%"),
    /** Absolute throttle position sensor A. */
    THROTTLE_POSITION("%"),
    /** Absolute throttle position sensor B. */
    THROTTLE_POSITION_B("%"),
    /** Relative throttle position (learned closed position = 0). */
    RELATIVE_THROTTLE("%"),
    /** Commanded throttle actuator. */
    COMMANDED_THROTTLE("%"),
    /** Accelerator pedal position sensor D. */
    PEDAL_D("%"),
    /** Accelerator pedal position sensor E. */
    PEDAL_E("%"),
    /** Relative accelerator pedal position. */
    RELATIVE_PEDAL("%"),
    /** Intake manifold absolute pressure. */
    INTAKE_PRESSURE("kPa"),
    /** Mass air flow. */
    MAF("g/s"),
    /** Engine fuel rate. */
    FUEL_RATE("L/h"),
    /** Actual air-fuel equivalence ratio lambda (1 = stoichiometric, above 1 lean). */
    LAMBDA("ratio"),
    /** Commanded air-fuel equivalence ratio lambda. */
    COMMANDED_LAMBDA("ratio"),
    /** Ignition timing advance for cylinder 1. */
    TIMING_ADVANCE("deg"),
    /** Engine coolant temperature. */
    COOLANT_TEMP("degC"),
    /** Engine oil temperature. */
    OIL_TEMP("degC"),
    /** Intake air temperature. */
    INTAKE_TEMP("degC"),
    /** Catalyst temperature bank 1 sensor 1. */
    CATALYST_TEMP_B1S1("degC"),
    /** Catalyst temperature bank 2 sensor 1. */
    CATALYST_TEMP_B2S1("degC"),
    /** Narrow-band oxygen sensor voltage, bank 1 sensor 1 (upstream). */
    O2_B1S1("V"),
    /** Oxygen sensor voltage, bank 1 sensor 2 (downstream of the catalyst). */
    O2_B1S2("V"),
    /** Oxygen sensor voltage, bank 2 sensor 1. */
    O2_B2S1("V"),
    /** Oxygen sensor voltage, bank 2 sensor 2. */
    O2_B2S2("V"),
    /** Short term fuel trim bank 1. */
    SHORT_FUEL_TRIM_1("%"),
    /** Long term fuel trim bank 1. */
    LONG_FUEL_TRIM_1("%"),
    /** Short term fuel trim bank 2. */
    SHORT_FUEL_TRIM_2("%"),
    /** Long term fuel trim bank 2. */
    LONG_FUEL_TRIM_2("%"),
    /**
     * Fuel system status as the J1979 bit value of PID 03: 0 engine off, 1 open loop (cold),
     * 2 closed loop, 4 open loop (load or deceleration fuel cut), 8 open loop (fault),
     * 16 closed loop with a feedback fault.
     */
    FUEL_SYSTEM_STATUS("code"),
    /** Fuel tank level. */
    FUEL_LEVEL("%"),
    /** Time since engine start (ignition on for a hybrid). */
    RUN_TIME("s"),
    /** Odometer. */
    ODOMETER("km"),
    /** Control module (12 V system) voltage. */
    MODULE_VOLTAGE("V"),
    /** Ambient air temperature. */
    AMBIENT_TEMP("degC"),
    /** Barometric pressure. */
    BAROMETRIC_PRESSURE("kPa"),
    /** Commanded evaporative purge. */
    EVAP_PURGE("%"),
    /** Fuel rail pressure (gauge, direct injection / common rail). */
    FUEL_RAIL_PRESSURE("kPa"),
    /** Commanded exhaust gas recirculation. */
    COMMANDED_EGR("%"),
    /** EGR error: (actual - commanded) / commanded. */
    EGR_ERROR("%"),
    /** Fuel injection timing (diesel), degrees before top dead centre. */
    INJECTION_TIMING("deg"),
    /** Hybrid battery pack state of charge. */
    HYBRID_BATTERY("%");

    private final String unit;

    Signal(String unit) {
        this.unit = unit;
    }

    /** The unit of the value: {@code rpm}, {@code km/h}, {@code degC}, {@code %}, {@code flag}, ... */
    public String unit() {
        return unit;
    }

    /** The name used in vehicle description files: {@code engine_rpm}, {@code coolant_temp}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The signal named {@code key} (case-insensitive), or {@code null}. */
    public static Signal byKey(String key) {
        for (Signal s : values()) {
            if (s.key().equalsIgnoreCase(key)) {
                return s;
            }
        }
        return null;
    }
}
