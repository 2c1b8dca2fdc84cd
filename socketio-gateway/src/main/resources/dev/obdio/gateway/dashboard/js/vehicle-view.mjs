// Who the vehicle is: VIN, ECUs with their ids and calibration ids, supported commands by mode.
//
// Socket.IO use:
//   `vehicle_info`        → {vin, status, protocol, protocol_id, port,
//                            ecus: [{name, role, tx, rx, extended, calibration_id, cvn, ecu_name, supported}]}
//                           (read by app.mjs after each connect)
//   `supported_commands`  → [{name, desc, command, …}], grouped here by mode (the first two hex digits)

import {h, fill} from './dom.mjs';

const MODES = {
  '01': 'current data', '02': 'freeze frame', '03': 'stored DTCs', '04': 'clear DTCs', '05': 'O₂ monitoring',
  '06': 'on-board monitoring', '07': 'pending DTCs', '08': 'control', '09': 'vehicle information', '0A': 'permanent DTCs',
};

const text = (v) => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.join(', ') : String(v));

export class VehicleView {
  constructor(root, sio) {
    this.sio = sio;
    this.summary = h('dl', {class: 'facts', id: 'vehicle-facts'});
    this.ecus = h('div', {class: 'table-wrap'});
    this.commands = h('div', {id: 'commands-by-mode'});
    fill(root, this.summary, h('h3', {}, 'ECUs'), this.ecus, h('h3', {}, 'Supported commands'), this.commands);
    sio.on('connect', () => this.loadCommands());
  }

  show(info) {
    if (!info) return;
    fill(this.summary, [['VIN', info.vin], ['Protocol', `${text(info.protocol)} (${text(info.protocol_id)})`],
      ['Bus', info.port], ['Status', info.status]].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {class: 'mono'}, text(v))]));
    fill(this.ecus, h('table', {id: 'ecu-table'},
      h('thead', {}, h('tr', {}, ['ECU', 'role', 'request', 'answer', 'name', 'calibration id', 'CVN', 'commands']
        .map((c) => h('th', {}, c)))),
      h('tbody', {}, info.ecus.map((e) => h('tr', {'data-ecu': e.name},
        [e.name, e.role, e.tx, e.rx, e.ecu_name, e.calibration_id, e.cvn, e.supported]
          .map((v) => h('td', {class: 'mono'}, text(v))))))));
  }

  async loadCommands() {
    try {
      const commands = await this.sio.request('supported_commands');
      const byMode = new Map();
      for (const c of commands) {
        const mode = c.command.slice(0, 2).toUpperCase();
        if (!byMode.has(mode)) byMode.set(mode, []);
        byMode.get(mode).push(c);
      }
      fill(this.commands, [...byMode].map(([mode, list]) => h('details', {class: 'mode', 'data-mode': mode},
        h('summary', {}, `Mode ${mode} — ${MODES[mode] ?? ''} (${list.length})`),
        h('ul', {class: 'commands'}, list.map((c) =>
          h('li', {}, h('span', {class: 'mono'}, c.command), ' ', h('b', {}, c.name), ' ', c.desc))))));
    } catch (e) {
      fill(this.commands, h('p', {class: 'note'}, e.message));
    }
  }
}
