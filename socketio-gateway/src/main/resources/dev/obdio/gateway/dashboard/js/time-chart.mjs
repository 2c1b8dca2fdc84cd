// A time chart of the last 60 s on a canvas: one line, a min/max scale that follows the data,
// redrawn at most once per animation frame. Samples come from the `update` pushes (their `time`,
// epoch ms, is when the vehicle answered).

import {h} from './dom.mjs';
import {convert, formatValue, numberOf, unitLabel} from './units.mjs';

const WINDOW_MS = 60_000;

export class TimeChart {
  constructor(name, desc) {
    this.name = name;
    this.kind = 'chart';
    this.samples = []; // [{t, v}] in the payload's unit, oldest first
    this.response = null;
    this.canvas = h('canvas', {class: 'chart-canvas', 'aria-label': `${desc}, last 60 s`});
    this.label = h('span', {class: 'chart-value'}, '—');
    this.caption = h('span', {}, desc);
    this.element = h('figure', {class: 'widget chart', 'data-name': name, title: name},
      h('div', {class: 'chart-head'}, this.caption, this.label), this.canvas);
    this.scheduled = false;
  }

  update(response) {
    this.response = response;
    const n = numberOf(response);
    if (n !== null) {
      this.samples.push({t: response.time ?? Date.now(), v: n});
      const oldest = Date.now() - WINDOW_MS;
      while (this.samples.length && this.samples[0].t < oldest) this.samples.shift();
    }
    this.render();
  }

  render() {
    const r = this.response;
    this.label.textContent = r ? `${formatValue(r)} ${unitLabel(r.unit)}` : '—';
    this.element.dataset.value = String(numberOf(r) ?? '');
    this.element.dataset.samples = String(this.samples.length);
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => {
        this.scheduled = false;
        this.draw();
      });
    }
  }

  draw() {
    const c = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const w = c.clientWidth, hgt = c.clientHeight;
    if (!w || !hgt) return; // hidden tab: drawn when shown
    if (c.width !== Math.round(w * ratio)) c.width = Math.round(w * ratio);
    if (c.height !== Math.round(hgt * ratio)) c.height = Math.round(hgt * ratio);
    const g = c.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, hgt);
    const style = getComputedStyle(c);
    const unit = this.response?.unit;
    const pts = this.samples.map((s) => ({t: s.t, v: convert(s.v, unit)}));
    const now = Date.now();
    // grid: a line every 10 s
    g.strokeStyle = style.getPropertyValue('--grid') || '#8884';
    g.lineWidth = 1;
    for (let s = 0; s <= 60; s += 10) {
      const x = w - (s * 1000 / WINDOW_MS) * w;
      g.beginPath();
      g.moveTo(x, 0);
      g.lineTo(x, hgt);
      g.stroke();
    }
    if (pts.length === 0) return;
    let lo = Math.min(...pts.map((p) => p.v)), hi = Math.max(...pts.map((p) => p.v));
    if (hi - lo < 1e-9) {
      lo -= 1;
      hi += 1;
    }
    const pad = 16;
    const y = (v) => hgt - pad - ((v - lo) / (hi - lo)) * (hgt - 2 * pad);
    const x = (t) => w - ((now - t) / WINDOW_MS) * w;
    g.strokeStyle = style.getPropertyValue('--accent') || '#2a7';
    g.lineWidth = 2;
    g.beginPath();
    pts.forEach((p, i) => (i ? g.lineTo(x(p.t), y(p.v)) : g.moveTo(x(p.t), y(p.v))));
    g.stroke();
    g.fillStyle = style.getPropertyValue('--muted') || '#888';
    g.font = '11px system-ui, sans-serif';
    g.fillText(hi.toFixed(hi >= 100 ? 0 : 1), 4, 11);
    g.fillText(lo.toFixed(lo >= 100 ? 0 : 1), 4, hgt - 3);
  }
}
