// Fan-out load for GatewayFanOut: COUNT socket.io-client 4 sockets (WebSocket only, forceNew) in this
// process, each subscribed to NAMES at HZ. Measures the update events and the age of every value at
// receipt: receipt time (performance.timeOrigin + performance.now(), sub-millisecond) minus the
// response's "time" (epoch ms at decode, an integer: ages read up to 1 ms high); and per update the
// age of its newest value (what the gateway and the transport add, without the wait for the rest of
// the watch loop's pass).
// Usage: node fanout.mjs NODE_MODULES_DIR URL COUNT NAMES HZ WARMUP_MS MEASURE_MS
// Prints "ready" once every client is subscribed, waits for a line "go" on standard input, lets
// WARMUP_MS pass, prints "measuring", measures for MEASURE_MS, prints one JSON line: counts and
// histograms of the ages in 0.1 ms buckets ([[bucket, count], ...]).
import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";

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
const ages = new Map(); // 0.1 ms bucket -> count
const newest = new Map();
const perClient = new Array(count).fill(0);
let disconnects = 0;
let errors = 0;

function add(hist, ms) {
  const b = Math.max(0, Math.min(600000, Math.floor(ms * 10)));
  hist.set(b, (hist.get(b) || 0) + 1);
}

function client(index) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { forceNew: true, reconnection: false, transports: ["websocket"], timeout: 30000 });
    socket.on("update", (payload) => {
      if (!measuring) return;
      const at = nowMs();
      updates++;
      perClient[index]++;
      let latest = -Infinity;
      for (const k in payload.responses) {
        const r = payload.responses[k];
        if (r === null) { nulls++; continue; }
        values++;
        add(ages, at - r.time);
        if (r.time > latest) latest = r.time;
      }
      if (latest > -Infinity) add(newest, at - latest);
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
await new Promise((resolve) => {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", (l) => { if (l.trim() === "go") resolve(); });
  lines.on("close", resolve);
});
await new Promise((r) => setTimeout(r, Number(warmupText)));
measuring = true;
const started = nowMs();
const cpuStart = process.cpuUsage();
console.log("measuring");
await new Promise((r) => setTimeout(r, Number(measureText)));
measuring = false;
const seconds = (nowMs() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const result = JSON.stringify({
  clients: count, seconds, updates, values, nulls, perClient, disconnects, errors,
  cpuPercent: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
  ages: [...ages.entries()], newest: [...newest.entries()],
});
for (const s of sockets) s.close();
// stdout to a pipe is asynchronous: exit only once the (long) line is written
process.stdout.write(result + "\n", () => process.exit(0));
