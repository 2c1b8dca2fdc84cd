// The live view: gauges, number cards and time charts of any supported command, fed by pushes.
//
// Socket.IO use:
//   `supported_commands`        → [OBDCommand …] once per connection, for the picker
//   `subscribe {names, hz}`     → the server pushes `update` {responses: {NAME: OBDResponse|null}}
//                                 at most hz times a second; no polling loop on the page
//   `unsubscribe {names}`       when the last widget of a command goes
//   `update`                    each widget renders the responses of its command
// The server forgets a client's subscriptions when it disconnects, so every connect subscribes again.
// While the page is in the background (phone screen off, other tab) it unsubscribes: a Pi in the car
// should not push updates nobody sees.

import {h, fill} from './dom.mjs';
import {Gauge} from './gauge.mjs';
import {NumberCard} from './number-card.mjs';
import {TimeChart} from './time-chart.mjs';
import {onUnitSystem} from './units.mjs';

const HZ = 5;
const DEFAULTS = ['RPM', 'SPEED', 'COOLANT_TEMP', 'ENGINE_LOAD', 'THROTTLE_POS', 'FUEL_LEVEL'];
const KINDS = {gauge: Gauge, number: NumberCard, chart: TimeChart};
const STORE = 'obdio.widgets';
// Commands with views of their own or no value worth watching: the DTC lists, clearing, bit masks.
const NOT_WATCHABLE = /^(PIDS_|MIDS_|GET_DTC|GET_CURRENT_DTC|GET_PERMANENT_DTC|CLEAR_DTC|FREEZE_DTC|ELM_)/;

export class LiveView {
  constructor(root, sio) {
    this.sio = sio;
    this.widgets = [];             // in display order
    this.descriptions = new Map(); // name → desc, from supported_commands
    this.supported = null;         // Set of names once known
    this.grid = h('div', {class: 'widgets', id: 'widgets'});
    this.message = h('p', {class: 'note', id: 'live-message'});
    this.commandSelect = h('select', {id: 'picker-command', 'aria-label': 'command'});
    this.kindSelect = h('select', {id: 'picker-kind', 'aria-label': 'widget type'},
      h('option', {value: 'gauge'}, 'gauge'), h('option', {value: 'number'}, 'number'),
      h('option', {value: 'chart'}, 'chart (60 s)'));
    const add = h('button', {id: 'picker-add', type: 'button', onclick: () => this.addFromPicker()}, 'Add');
    const picker = h('form', {class: 'picker', onsubmit: (e) => { e.preventDefault(); this.addFromPicker(); }},
      this.commandSelect, this.kindSelect, add);
    fill(root, picker, this.message, this.grid);

    for (const w of this.savedLayout()) this.addWidget(w.name, w.kind, false);
    sio.on('connect', () => this.onConnect());
    sio.on('update', (payload) => this.onUpdate(payload));
    document.addEventListener('visibilitychange', () => {
      if (!this.sio.connected) return;
      if (document.hidden) this.sio.request('unsubscribe').catch(() => {});
      else this.subscribe(this.watchedNames());
    });
    onUnitSystem(() => this.widgets.forEach((w) => w.render()));
  }

  savedLayout() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE));
      if (Array.isArray(saved) && saved.every((w) => typeof w.name === 'string' && KINDS[w.kind])) return saved;
    } catch (e) {
      // a damaged entry: start over with the defaults
    }
    return DEFAULTS.map((name) => ({name, kind: 'gauge'}));
  }

  saveLayout() {
    localStorage.setItem(STORE, JSON.stringify(this.widgets.map((w) => ({name: w.name, kind: w.kind}))));
  }

  async onConnect() {
    try {
      const commands = await this.sio.request('supported_commands');
      this.supported = new Set(commands.map((c) => c.name));
      for (const c of commands) this.descriptions.set(c.name, c.desc);
      for (const w of this.widgets) w.caption.textContent = this.descriptions.get(w.name) ?? w.name;
      this.fillPicker(commands);
    } catch (e) {
      this.message.textContent = `cannot list the supported commands: ${e.message}`;
    }
    this.markUnsupported();
    if (!document.hidden) await this.subscribe(this.watchedNames());
  }

  /** The commands of the widgets, without those the vehicle does not support. */
  watchedNames() {
    return [...new Set(this.widgets.map((w) => w.name))].filter((n) => !this.supported || this.supported.has(n));
  }

  fillPicker(commands) {
    const byMode = new Map();
    for (const c of commands) {
      if (NOT_WATCHABLE.test(c.name)) continue;
      const mode = c.command.slice(0, 2);
      if (!byMode.has(mode)) byMode.set(mode, []);
      byMode.get(mode).push(c);
    }
    fill(this.commandSelect, [...byMode].map(([mode, list]) =>
      h('optgroup', {label: `mode ${mode}`}, list.map((c) => h('option', {value: c.name}, `${c.name} — ${c.desc}`)))));
  }

  markUnsupported() {
    for (const w of this.widgets) {
      const unsupported = this.supported && !this.supported.has(w.name);
      w.element.classList.toggle('unsupported', Boolean(unsupported));
    }
  }

  async subscribe(names) {
    if (names.length === 0) return;
    try {
      await this.sio.request('subscribe', {names, hz: HZ});
      this.message.textContent = '';
    } catch (e) {
      this.message.textContent = e.message;
    }
  }

  addFromPicker() {
    const name = this.commandSelect.value;
    if (!name) return;
    this.addWidget(name, this.kindSelect.value, true);
  }

  addWidget(name, kind, subscribe) {
    const widget = new KINDS[kind](name, this.descriptions.get(name) ?? name);
    const remove = h('button', {class: 'remove', type: 'button', 'aria-label': `remove ${name}`,
      onclick: () => this.removeWidget(widget)}, '×');
    widget.element.append(remove);
    this.widgets.push(widget);
    this.grid.append(widget.element);
    this.saveLayout();
    if (subscribe && this.sio.connected) {
      // Subscribing again adds the name; the server sends its latest value at once.
      const shared = this.widgets.find((w) => w !== widget && w.name === name && w.response);
      if (shared) widget.update(shared.response);
      this.subscribe([name]);
    }
    return widget;
  }

  removeWidget(widget) {
    this.widgets = this.widgets.filter((w) => w !== widget);
    widget.element.remove();
    this.saveLayout();
    if (!this.widgets.some((w) => w.name === widget.name) && this.sio.connected) {
      this.sio.request('unsubscribe', {names: [widget.name]}).catch(() => {});
    }
  }

  onUpdate(payload) {
    const responses = payload?.responses;
    if (!responses) return;
    for (const w of this.widgets) {
      if (Object.hasOwn(responses, w.name)) w.update(responses[w.name]);
    }
  }
}
