// Trouble codes: stored, pending and permanent, with descriptions and the MIL.
//
// Socket.IO use:
//   `dtc`                 → {mil, dtc_count, stored:[{code,desc,ecu,role}], pending, permanent, problems}
//                           on connect and on "Refresh" (four requests to the vehicle: not polled)
//   `clear_dtc {confirm: true}` → {cleared, problems, success}; only offered when `server_info`
//                           says `can_write` (the server allows writes and this client has the token)
//   `dtc_cleared`         the server tells every page after a clear; we read the codes again

import {h, fill} from './dom.mjs';

const LISTS = [
  ['stored', 'Stored (mode 03)'],
  ['pending', 'Pending (mode 07)'],
  ['permanent', 'Permanent (mode 0A)'],
];

export class DtcView {
  constructor(root, sio) {
    this.sio = sio;
    this.mil = h('span', {id: 'mil', class: 'pill', 'data-state': 'unknown'}, 'MIL —');
    this.refreshButton = h('button', {id: 'dtc-refresh', type: 'button', onclick: () => this.refresh()}, 'Refresh');
    this.clearButton = h('button', {id: 'dtc-clear', type: 'button', class: 'danger', hidden: true,
      onclick: () => this.clear()}, 'Clear DTCs…');
    this.status = h('p', {class: 'note', id: 'dtc-status'});
    this.clearResult = h('p', {class: 'note', id: 'dtc-clear-result', 'aria-live': 'polite'});
    this.lists = h('div', {class: 'dtc-lists'});
    fill(root, h('div', {class: 'toolbar'}, this.mil, this.refreshButton, this.clearButton), this.clearResult, this.status,
      this.lists);
    sio.on('dtc_cleared', () => this.refresh());
  }

  /** After each connect, with the reply of server_info. */
  onServerInfo(info) {
    this.clearButton.hidden = !info?.can_write;
    this.refresh();
  }

  async refresh() {
    this.status.textContent = 'reading…';
    try {
      this.show(await this.sio.request('dtc', undefined, 20000));
    } catch (e) {
      this.status.textContent = e.message;
    }
  }

  show(report) {
    const mil = report.mil;
    this.mil.dataset.state = mil === true ? 'bad' : mil === false ? 'ok' : 'unknown';
    this.mil.textContent = mil === null ? 'MIL unknown' : `MIL ${mil ? 'ON' : 'off'}` +
      (report.dtc_count !== null ? ` · ${report.dtc_count} confirmed` : '');
    this.status.textContent = (report.problems ?? []).join('; ') ||
      `read ${new Date(report.time).toLocaleTimeString()}`;
    fill(this.lists, LISTS.map(([key, title]) => {
      const codes = report[key];
      const body = codes === null
        ? h('p', {class: 'note'}, 'not available')
        : codes.length === 0
          ? h('p', {class: 'note'}, 'none')
          : h('ul', {class: 'dtc-list'}, codes.map((c) => h('li', {class: 'dtc', 'data-code': c.code},
            h('span', {class: 'dtc-code mono'}, c.code),
            h('span', {class: 'dtc-desc'}, c.desc || 'no generic description'),
            h('span', {class: 'dtc-ecu mono'}, `${c.ecu} ${c.role}`))));
      return h('section', {class: 'dtc-group', id: `dtc-${key}`}, h('h3', {}, title), body);
    }));
  }

  async clear() {
    const ok = confirm('Clear the diagnostic trouble codes of every ECU?\n\n' +
      'This also erases the freeze frames and the readiness monitors (the vehicle fails an emissions ' +
      'inspection until they have run again). It repairs nothing.');
    if (!ok) return;
    this.clearResult.textContent = 'clearing…';
    try {
      const r = await this.sio.request('clear_dtc', {confirm: true}, 20000);
      this.clearResult.textContent = r.success ? `cleared by ${r.cleared.join(', ')}`
        : `not cleared: ${r.problems.join('; ') || 'no ECU confirmed'}`;
    } catch (e) {
      this.clearResult.textContent = `not cleared: ${e.message}`;
    }
    this.refresh();
  }
}
