// Units: the gateway sends python-OBD's values with pint unit names (`kilometer_per_hour`,
// `degree_Celsius`, …). The page converts on its side, so every client chooses its own system.

const LABELS = {
  revolutions_per_minute: 'rpm', kilometer_per_hour: 'km/h', degree_Celsius: '°C', percent: '%',
  kilopascal: 'kPa', pascal: 'Pa', volt: 'V', milliampere: 'mA', degree: '°', second: 's', minute: 'min',
  kilometer: 'km', count: '', ratio: 'λ', gps: 'g/s', lph: 'L/h',
};

// Metric unit → [imperial label, conversion]. Units not listed stay as they are in both systems.
const IMPERIAL = {
  kilometer_per_hour: ['mph', (v) => v / 1.609344],
  degree_Celsius: ['°F', (v) => v * 9 / 5 + 32],
  kilopascal: ['psi', (v) => v * 0.1450377],
  pascal: ['inH₂O', (v) => v / 249.0889],
  kilometer: ['mi', (v) => v / 1.609344],
  lph: ['gal/h', (v) => v / 3.785412],
  gps: ['lb/min', (v) => v * 60 / 453.59237],
};

let system = localStorage.getItem('obdio.units') === 'imperial' ? 'imperial' : 'metric';
const listeners = new Set();

export function unitSystem() {
  return system;
}

export function setUnitSystem(next) {
  system = next === 'imperial' ? 'imperial' : 'metric';
  localStorage.setItem('obdio.units', system);
  for (const l of listeners) l(system);
}

/** Calls `listener(system)` whenever the system changes. */
export function onUnitSystem(listener) {
  listeners.add(listener);
}

/** Whether a payload unit is a measurement (python-OBD sends a Python type string otherwise). */
export function isMeasurement(unit) {
  return typeof unit === 'string' && !unit.startsWith('<class');
}

/** The label of a pint unit in the current system. */
export function unitLabel(unit) {
  if (!isMeasurement(unit)) return '';
  if (system === 'imperial' && IMPERIAL[unit]) return IMPERIAL[unit][0];
  return LABELS[unit] ?? unit.replaceAll('_', ' ');
}

/** A number in the payload's unit converted to the current system. */
export function convert(value, unit) {
  if (system === 'imperial' && IMPERIAL[unit]) return IMPERIAL[unit][1](value);
  return value;
}

/**
 * The number an OBDResponse carries, or null: a plain number, or the first number of a tuple
 * (python-OBD's O2 sensors send [volts, percent]).
 */
export function numberOf(response) {
  if (!response) return null;
  const v = response.value;
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && typeof v[0] === 'number') return v[0];
  return null;
}

/** A value for people: numbers with sensible decimals, everything else as short text. */
export function formatValue(response) {
  if (!response) return '—';
  const n = numberOf(response);
  if (n !== null) {
    const c = convert(n, response.unit);
    return Math.abs(c) >= 100 ? c.toFixed(0) : Math.abs(c) >= 10 ? c.toFixed(1) : c.toFixed(2);
  }
  const v = response.value;
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  // Objects (STATUS, …): their plain fields as "key value · key value"; nested ones are left out.
  const text = v && typeof v === 'object' && !Array.isArray(v)
    ? Object.entries(v).filter(([, x]) => x === null || typeof x !== 'object').map(([k, x]) => `${k} ${x}`).join(' · ')
    : JSON.stringify(v);
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}
