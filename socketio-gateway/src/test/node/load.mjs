// Connects Socket.IO clients with the JS client's default transports (polling, then the upgrade to
// WebSocket) as a page does: it emits as soon as it is connected (while still polling, during the
// upgrade), then, once on WebSocket, emits again. A client passes when both acknowledgements arrive,
// the second over WebSocket, within the deadline. Usage: node load.mjs URL sequential|concurrent COUNT DEADLINE_MS [EVENT ARG]
// Prints one JSON line: {"mode","count","ok","failed","failures":[...],"p50Ms","p99Ms","maxMs"}.
import { io } from "socket.io-client";

const [url, mode, countText, deadlineText, event = "has_name", arg = "RPM"] = process.argv.slice(2);
const count = Number(countText);
const deadlineMs = Number(deadlineText);

function oneClient(index) {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = io(url, { forceNew: true, reconnection: false, timeout: deadlineMs });
    let done = false;
    const finish = (ok, reason) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const transport = socket.io.engine && socket.io.engine.transport ? socket.io.engine.transport.name : "none";
      socket.close();
      resolve({ index, ok, reason, transport, ms: performance.now() - started });
    };
    const timer = setTimeout(() => {
      const t = socket.io.engine && socket.io.engine.transport ? socket.io.engine.transport.name : "none";
      finish(false, `deadline: connected=${socket.connected} transport=${t}`);
    }, deadlineMs);
    const emitOverWebSocket = () => {
      socket.emit(event, arg, (reply) => {
        if (socket.io.engine.transport.name !== "websocket") finish(false, "ack not over websocket");
        else finish(true, JSON.stringify(reply));
      });
    };
    socket.on("connect", () => {
      socket.emit(event, arg, () => {
        const engine = socket.io.engine;
        if (engine.transport.name === "websocket") emitOverWebSocket();
        else engine.once("upgrade", emitOverWebSocket);
      });
    });
    socket.on("connect_error", (e) => finish(false, "connect_error: " + e.message));
  });
}

const results = [];
if (mode === "sequential") {
  for (let i = 0; i < count; i++) results.push(await oneClient(i));
} else {
  results.push(...(await Promise.all(Array.from({ length: count }, (_, i) => oneClient(i)))));
}
const times = results.filter((r) => r.ok).map((r) => r.ms).sort((a, b) => a - b);
const pct = (p) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]) : null);
const failures = results.filter((r) => !r.ok).map((r) => ({ index: r.index, reason: r.reason }));
console.log(JSON.stringify({ mode, count, ok: times.length, failed: failures.length, failures: failures.slice(0, 20),
  p50Ms: pct(0.5), p99Ms: pct(0.99), maxMs: times.length ? Math.round(times[times.length - 1]) : null }));
process.exit(0);
