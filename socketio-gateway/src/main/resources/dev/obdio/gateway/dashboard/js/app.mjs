// The dashboard's entry point: one Socket.IO connection, shared by every widget.
//
// Each view registers for the events it needs (see the comment at the top of each module); this
// file only connects, asks what every view needs once per connection (`server_info`,
// `vehicle_info`) and switches the views.

import {SocketIoClient} from './sio.mjs';
import {ConnectionBar} from './connection-bar.mjs';
import {LiveView} from './live.mjs';
import {DtcView} from './dtc-view.mjs';
import {VehicleView} from './vehicle-view.mjs';
import {CanView} from './can-view.mjs';
import {setupTheme} from './theme.mjs';
import {setUnitSystem, unitSystem} from './units.mjs';

// ?token=… in the page's address goes into the CONNECT packet's auth payload.
const token = new URLSearchParams(location.search).get('token');
const sio = new SocketIoClient(location.origin, {auth: token ? {token} : null});

const $ = (id) => document.getElementById(id);
const bar = new ConnectionBar($('connection'), sio);
const live = new LiveView($('view-live'), sio);
const dtc = new DtcView($('view-dtc'), sio);
const vehicle = new VehicleView($('view-vehicle'), sio);
const can = new CanView($('view-can'), sio);
window.obdio = {sio, live, dtc, vehicle, can}; // for the console and the browser tests

// A vehicle that misses one request (busy bus, an ECU still waking up) leaves the VIN empty: ask
// vehicle_info again a few times, 3 s, 6 s, 12 s later, while this connection lasts.
const VEHICLE_INFO_TRIES = 4;

sio.on('connect', async () => {
  const [serverInfo, vehicleInfo] = await Promise.all([
    sio.request('server_info').catch(() => null),
    sio.request('vehicle_info', undefined, 20000).catch(() => null),
  ]);
  bar.showInfo(serverInfo, vehicleInfo);
  vehicle.show(vehicleInfo);
  dtc.onServerInfo(serverInfo);
  let info = vehicleInfo;
  for (let attempt = 1; attempt < VEHICLE_INFO_TRIES && !info?.vin && sio.connected; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1500 * 2 ** attempt));
    if (!sio.connected) break;
    info = await sio.request('vehicle_info', undefined, 20000).catch(() => null);
    if (info) {
      bar.showInfo(serverInfo, info);
      vehicle.show(info);
    }
  }
});

// Views: one visible at a time, chosen by the address's #hash so that links and reloads keep it.
const VIEWS = ['live', 'dtc', 'vehicle', 'can'];
function showView() {
  const current = VIEWS.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'live';
  for (const v of VIEWS) {
    $(`view-${v}`).hidden = v !== current;
    $(`tab-${v}`).setAttribute('aria-current', v === current ? 'page' : 'false');
  }
  can.setVisible(current === 'can');
  if (current === 'live') live.widgets.forEach((w) => w.render());
}
addEventListener('hashchange', showView);
showView();

setupTheme($('theme-toggle'));
const units = $('units-toggle');
const showUnits = () => { units.textContent = unitSystem() === 'metric' ? 'metric' : 'imperial'; };
units.addEventListener('click', () => {
  setUnitSystem(unitSystem() === 'metric' ? 'imperial' : 'metric');
  showUnits();
});
showUnits();

sio.connect();
