// Raw CAN: a cansniffer-style table (one row per id, changed bytes highlighted) and a candump-style
// log, with a candump filter, pause and the frame rate.
//
// Socket.IO use:
//   `can_subscribe {filters: "7E0:7F0,7DF", hz: 10}` → the server pushes `can_frames`
//        {frames: [{t, id, ext, fd, rtr, err, len, data, text}], dropped} hz times a second
//        (subscribing again replaces the filters; a bad filter comes back as an error)
//   `can_unsubscribe`  on pause and while the view is hidden, so frames only flow when someone looks

import {h, fill} from './dom.mjs';

const HZ = 10;
const HIGHLIGHT_MS = 1500;   // how long a changed byte stays marked
const LOG_LINES = 200;
const MAX_IDS = 2048;        // a bus with more distinct ids stops adding rows (the log goes on)

export class CanView {
  constructor(root, sio) {
    this.sio = sio;
    this.visible = false;
    this.paused = false;
    this.rows = new Map();   // id key → {frame, changedAt: [ms per byte], count, periodMs, lastT}
    this.log = [];           // text lines, newest last
    this.arrivals = [];      // [{ms, n}] of the last seconds, for the rate
    this.dropped = 0;
    this.filter = h('input', {id: 'can-filter', type: 'text', placeholder: 'id:mask, e.g. 7E8:7F8 (empty: all)',
      autocomplete: 'off', spellcheck: 'false', 'aria-label': 'candump filter'});
    const apply = h('button', {type: 'submit', id: 'can-apply'}, 'Filter');
    this.pauseButton = h('button', {type: 'button', id: 'can-pause', onclick: () => this.togglePause()}, 'Pause');
    const clear = h('button', {type: 'button', id: 'can-clear', onclick: () => this.reset()}, 'Clear');
    this.rate = h('span', {id: 'can-rate', class: 'pill'}, '0 frames/s');
    this.status = h('p', {class: 'note', id: 'can-status'});
    this.table = h('tbody', {id: 'can-rows'});
    this.logView = h('pre', {id: 'can-log', class: 'log mono'});
    fill(root,
      h('form', {class: 'toolbar', onsubmit: (e) => { e.preventDefault(); this.subscribe(); }},
        this.filter, apply, this.pauseButton, clear, this.rate),
      this.status,
      h('div', {class: 'table-wrap'}, h('table', {class: 'sniffer mono'},
        h('thead', {}, h('tr', {}, h('th', {}, 'id'), h('th', {}, 'len'), h('th', {}, 'data'),
          h('th', {}, 'count'), h('th', {}, 'period'))), this.table)),
      h('h3', {}, 'candump'), this.logView);
    sio.on('connect', () => this.subscribe());
    sio.on('can_frames', (batch) => this.onFrames(batch));
    setInterval(() => this.render(), 1000 / HZ); // also fades the highlights and the rate
    document.addEventListener('visibilitychange', () => this.subscribe());
  }

  setVisible(visible) {
    this.visible = visible;
    this.subscribe();
  }

  togglePause() {
    this.paused = !this.paused;
    this.pauseButton.textContent = this.paused ? 'Resume' : 'Pause';
    this.pauseButton.setAttribute('aria-pressed', String(this.paused));
    this.subscribe();
  }

  reset() {
    this.rows.clear();
    this.log = [];
    this.dropped = 0;
    this.render();
  }

  async subscribe() {
    if (!this.sio.connected) return;
    try {
      if (!this.visible || this.paused || document.hidden) {
        await this.sio.request('can_unsubscribe');
        this.status.textContent = this.paused ? 'paused' : '';
        return;
      }
      const reply = await this.sio.request('can_subscribe', {filters: this.filter.value.trim(), hz: HZ});
      this.status.textContent = reply.filters ? `filter ${reply.filters}` : 'all frames';
      this.filter.setCustomValidity('');
    } catch (e) {
      this.status.textContent = e.message;
      this.filter.setCustomValidity(e.message);
    }
  }

  onFrames(batch) {
    if (this.paused || !Array.isArray(batch?.frames)) return;
    this.arrivals.push({ms: performance.now(), n: batch.frames.length + (batch.dropped ?? 0)});
    this.dropped += batch.dropped ?? 0;
    const now = performance.now();
    for (const f of batch.frames) {
      const key = `${f.ext ? 'x' : 's'}${f.id}`;
      const bytes = f.data ?? '';
      let row = this.rows.get(key);
      if (!row) {
        if (this.rows.size >= MAX_IDS) continue;
        row = {frame: f, changedAt: [], count: 0, periodMs: null, lastT: null};
        this.rows.set(key, row);
      } else {
        const old = row.frame.data ?? '';
        for (let i = 0; i < bytes.length / 2; i++) {
          if (bytes.substr(i * 2, 2) !== old.substr(i * 2, 2)) row.changedAt[i] = now;
        }
        if (row.lastT !== null) row.periodMs = (f.t - row.lastT) * 1000;
      }
      row.frame = f;
      row.lastT = f.t;
      row.count++;
      this.log.push(`(${f.t.toFixed(6)}) ${f.text}`);
    }
    if (this.log.length > LOG_LINES) this.log.splice(0, this.log.length - LOG_LINES);
  }

  render() {
    const now = performance.now();
    this.arrivals = this.arrivals.filter((a) => now - a.ms < 2000);
    const rate = this.arrivals.reduce((s, a) => s + a.n, 0) / 2;
    this.rate.textContent = `${rate.toFixed(rate < 10 ? 1 : 0)} frames/s` + (this.dropped ? ` · ${this.dropped} dropped` : '');
    this.rate.dataset.rate = String(rate);
    if (this.paused || !this.visible) return;
    const keys = [...this.rows.keys()].sort((a, b) => a.localeCompare(b));
    fill(this.table, keys.map((k) => {
      const {frame, changedAt, count, periodMs} = this.rows.get(k);
      const data = frame.data ?? '';
      const cells = [];
      for (let i = 0; i < data.length / 2; i++) {
        const fresh = changedAt[i] !== undefined && now - changedAt[i] < HIGHLIGHT_MS;
        cells.push(h('span', {class: fresh ? 'byte changed' : 'byte'}, data.substr(i * 2, 2)));
      }
      return h('tr', {'data-id': frame.id},
        h('td', {}, frame.id), h('td', {}, `[${frame.len}]`), h('td', {class: 'bytes'}, frame.rtr ? 'remote request' : cells),
        h('td', {}, count), h('td', {}, periodMs === null ? '' : `${periodMs.toFixed(0)} ms`));
    }));
    this.logView.textContent = this.log.slice(-40).join('\n');
  }
}
