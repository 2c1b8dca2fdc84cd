// A round gauge drawn in SVG: a 270° track, a value arc, the number and its unit in the middle.
// It only renders what it is given: LiveView feeds it the OBDResponses of the `update` pushes.

import {h, svg} from './dom.mjs';
import {convert, formatValue, numberOf, unitLabel} from './units.mjs';

// Scales in the payload's (metric) unit; commands not listed use their unit's scale, else they
// grow with the largest value seen.
const BY_NAME = {
  RPM: [0, 8000], SPEED: [0, 240], COOLANT_TEMP: [-40, 140], OIL_TEMP: [-40, 160], INTAKE_TEMP: [-40, 80],
  ENGINE_LOAD: [0, 100], THROTTLE_POS: [0, 100], FUEL_LEVEL: [0, 100], INTAKE_PRESSURE: [0, 255],
  CONTROL_MODULE_VOLTAGE: [0, 16], MAF: [0, 300],
};
const BY_UNIT = {percent: [0, 100], degree_Celsius: [-40, 160], kilopascal: [0, 255], volt: [0, 16], ratio: [0, 2]};

const SWEEP = 270; // degrees of the dial
const R = 40;

/** An arc of the dial from angle a0 to a1 (degrees, 0 = the dial's start at the lower left). */
function arcPath(a0, a1) {
  const point = (a) => {
    const rad = ((135 + a) * Math.PI) / 180;
    return `${(50 + R * Math.cos(rad)).toFixed(2)} ${(50 + R * Math.sin(rad)).toFixed(2)}`;
  };
  return `M ${point(a0)} A ${R} ${R} 0 ${a1 - a0 > 180 ? 1 : 0} 1 ${point(a1)}`;
}

/** Rounds a scale's top up to 1, 2 or 5 × 10ⁿ. */
function niceCeil(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= v);
}

export class Gauge {
  constructor(name, desc) {
    this.name = name;
    this.kind = 'gauge';
    this.response = null;
    this.range = BY_NAME[name] ?? null;
    this.track = svg('path', {d: arcPath(0, SWEEP), class: 'gauge-track'});
    this.arc = svg('path', {d: '', class: 'gauge-value'});
    this.number = svg('text', {x: 50, y: 52, class: 'gauge-number', 'text-anchor': 'middle'});
    this.unit = svg('text', {x: 50, y: 66, class: 'gauge-unit', 'text-anchor': 'middle'});
    this.caption = h('figcaption', {}, desc);
    this.element = h('figure', {class: 'widget gauge', 'data-name': name, title: name},
      svg('svg', {viewBox: '0 0 100 88', role: 'img', 'aria-label': desc}, this.track, this.arc, this.number, this.unit),
      this.caption);
    this.render();
  }

  update(response) {
    this.response = response;
    if (!this.range && response) this.range = BY_UNIT[response.unit] ?? null;
    this.render();
  }

  render() {
    const r = this.response;
    const n = numberOf(r);
    this.number.textContent = formatValue(r);
    this.unit.textContent = r ? unitLabel(r.unit) : '';
    this.element.dataset.value = n === null ? '' : String(n);
    if (n === null) {
      this.arc.setAttribute('d', '');
      return;
    }
    if (!this.range || n > this.range[1] || n < this.range[0]) {
      this.range = [Math.min(this.range?.[0] ?? 0, n), niceCeil(Math.max(n, this.range?.[1] ?? 0))];
    }
    // The scale converts with the value, so the arc is the same in both unit systems.
    const lo = convert(this.range[0], r.unit), hi = convert(this.range[1], r.unit), v = convert(n, r.unit);
    const f = Math.max(0, Math.min(1, (v - lo) / (hi - lo || 1)));
    this.arc.setAttribute('d', f > 0.002 ? arcPath(0, f * SWEEP) : '');
  }
}
