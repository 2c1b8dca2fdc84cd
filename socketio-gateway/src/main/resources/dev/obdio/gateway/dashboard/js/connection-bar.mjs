// The connection bar: is the gateway reachable, is the vehicle answering, over what.
//
// Socket.IO use:
//   client events   connect / disconnect / reconnecting / connect_error (sio.mjs)
//   `server_info`   → {status, bus, vehicle, writes_allowed, can_write, …} once per connection
//   `vehicle_info`  → {vin, protocol, port, …} (read by app.mjs, shown here and in the vehicle view)
//   `status`        → "Car Connected" | "OBD Connected" | "Not Connected", asked every 5 s: the
//                     gateway keeps it in memory, so this costs the vehicle nothing.

import {h, fill} from './dom.mjs';

const STATUS_EVERY_MS = 5000;

export class ConnectionBar {
  constructor(root, sio) {
    this.sio = sio;
    this.gateway = h('span', {id: 'conn-state', class: 'pill', 'data-state': 'connecting'}, 'connecting…');
    this.vehicle = h('span', {id: 'vehicle-status', class: 'pill', 'data-state': 'unknown'}, 'vehicle: —');
    this.protocol = h('span', {id: 'protocol', class: 'meta'}, '');
    this.bus = h('span', {id: 'bus', class: 'meta'}, '');
    this.vin = h('span', {id: 'vin', class: 'meta mono'}, '');
    fill(root, this.gateway, this.vehicle, this.protocol, this.bus, this.vin);

    this.connects = 0;
    sio.on('connect', () => this.showGateway('connected', this.connects++ === 0 ? 'gateway connected'
      : `gateway reconnected ${new Date().toLocaleTimeString()}`));
    sio.on('disconnect', (reason) => this.showGateway('lost', `connection lost: ${reason}`));
    sio.on('connect_error', (e) => this.showGateway('refused', `refused: ${e.message}`));
    sio.on('reconnecting', ({attempt, delayMs, reason}) => this.showGateway('reconnecting',
      `reconnecting in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt}${reason ? `; ${reason}` : ''})`));
    setInterval(() => this.refreshStatus(), STATUS_EVERY_MS);
  }

  showGateway(state, text) {
    this.gateway.dataset.state = state;
    this.gateway.textContent = text;
    if (state !== 'connected') this.showStatus(null);
  }

  showStatus(status) {
    const state = status === 'Car Connected' ? 'ok' : status === 'OBD Connected' ? 'warn' : 'bad';
    this.vehicle.dataset.state = status ? state : 'unknown';
    this.vehicle.textContent = `vehicle: ${status ?? '—'}`;
  }

  /** With the replies of server_info and vehicle_info after each connect (either may be null). */
  showInfo(serverInfo, vehicleInfo) {
    this.showStatus(vehicleInfo?.status ?? serverInfo?.status ?? null);
    this.protocol.textContent = vehicleInfo?.protocol ?? '';
    this.bus.textContent = vehicleInfo?.port || serverInfo?.bus || '';
    this.vin.textContent = vehicleInfo?.vin ? `VIN ${vehicleInfo.vin}` : '';
    this.vin.dataset.vin = vehicleInfo?.vin ?? '';
  }

  async refreshStatus() {
    if (!this.sio.connected || document.hidden) return;
    try {
      this.showStatus(await this.sio.request('status', undefined, 5000));
    } catch (e) {
      // the connection bar already says when the gateway is gone
    }
  }
}
