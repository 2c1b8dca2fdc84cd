// Fan-out load for GatewayFanOut: COUNT socket.io-client 4 sockets (WebSocket only, forceNew) in this
// one process, each subscribed to NAMES at HZ; measures the update events and the age of every value
// at receipt: receipt time (performance.timeOrigin + performance.now(), sub-millisecond) minus the
// response's "time" (epoch ms at decode, an integer: ages read up to 1 ms high).
// Usage: node fanout.mjs NODE_MODULES_DIR URL COUNT NAMES HZ WARMUP_MS MEASURE_MS
// Prints "ready" once every client is subscribed, "measuring" when the window opens, then one JSON line.
import { createRequire } from "node:module";
import { join } from "node:path";

const [modules, url, countText, namesText, hzText, warmupText, measureText] = process.argv.slice(2);
const require = createRequire(join(modules, "noop.js"));
const { io } = require("socket.io-client");
const count = Number(countText);
const names = namesText.split(",");
const hz = Number(hzText);
const nowMs = () => performance.timeOrigin + performance.now();

let measuring = false;
let updates = 0;
let values = 0;
let nulls = 0;
let ages = new Float64Array(1 << 20);
let n = 0;
let fresh = new Float64Array(1 << 16); // per update: the age of its newest value
let m = 0;
const perClient = new Array(count).fill(0);
let disconnects = 0;
let errors = 0;

function record(age) {
  if (n === ages.length) {
    const bigger = new Float64Array(ages.length * 2);
    bigger.set(ages);
    ages = bigger;
  }
  ages[n++] = age;
}

function client(index) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { forceNew: true, reconnection: false, transports: ["websocket"], timeout: 30000 });
    socket.on("update", (payload) => {
      if (!measuring) return;
      const at = nowMs();
      updates++;
      perClient[index]++;
      let newest = -Infinity;
      for (const k in payload.responses) {
        const r = payload.responses[k];
        if (r === null) { nulls++; continue; }
        values++;
        record(at - r.time);
        if (r.time > newest) newest = r.time;
      }
      if (newest > -Infinity) {
        if (m === fresh.length) {
          const bigger = new Float64Array(fresh.length * 2);
          bigger.set(fresh);
          fresh = bigger;
        }
        fresh[m++] = at - newest;
      }
    });
    socket.on("error", () => { errors++; });
    socket.on("disconnect", () => { if (measuring) disconnects++; });
    socket.on("connect_error", (e) => reject(new Error(`client ${index}: ${e.message}`)));
    socket.on("connect", () => {
      socket.emit("subscribe", { names, hz }, (reply) => {
        const got = reply && reply.subscribed ? Object.keys(reply.subscribed).length : 0;
        if (got !== names.length) reject(new Error(`client ${index}: subscribed ${got} of ${names.length}`));
        else resolve(socket);
      });
    });
  });
}

const sockets = [];
try {
  // connect in waves so that the handshakes do not all time out together on a small machine
  for (let i = 0; i < count; i += 50) {
    const wave = [];
    for (let j = i; j < Math.min(count, i + 50); j++) wave.push(client(j));
    sockets.push(...(await Promise.all(wave)));
  }
} catch (e) {
  console.log(JSON.stringify({ error: String(e.message || e) }));
  process.exit(1);
}
console.log("ready");
await new Promise((r) => setTimeout(r, Number(warmupText)));
measuring = true;
const started = nowMs();
console.log("measuring");
await new Promise((r) => setTimeout(r, Number(measureText)));
measuring = false;
const seconds = (nowMs() - started) / 1000;
const sorted = ages.subarray(0, n).sort();
const pct = (p) => (n === 0 ? null : sorted[Math.min(n - 1, Math.floor(p * n))]);
const freshSorted = fresh.subarray(0, m).sort();
const fpct = (p) => (m === 0 ? null : freshSorted[Math.min(m - 1, Math.floor(p * m))]);
perClient.sort((a, b) => a - b);
console.log(JSON.stringify({
  clients: count, seconds, updates, values, nulls,
  updatesPerSecond: updates / seconds, valuesPerSecond: values / seconds,
  perClientUpdatesPerSecondMin: perClient[0] / seconds,
  perClientUpdatesPerSecondMedian: perClient[Math.floor(count / 2)] / seconds,
  p50Ms: pct(0.5), p99Ms: pct(0.99), maxMs: n ? sorted[n - 1] : null,
  newestP50Ms: fpct(0.5), newestP99Ms: fpct(0.99),
  disconnects, errors,
}));
for (const s of sockets) s.close();
process.exit(0);
