// Checks one connection scenario with a real JavaScript client and prints one JSON line:
// {"scenario","connected","transport","ack","error"}.
// Usage: node clients.mjs URL SCENARIO [TOKEN]
//   v4          socket.io-client 4 (Engine.IO v4), default transports
//   v2          socket.io-client 2 (Engine.IO v3), default transports
//   v4-origin   v4 with a foreign Origin header (a page on another site)
//   v4-ws-origin  the same, WebSocket only
//   v4-auth     v4 with auth: {token}
//   v4-query    v4 with ?token=
import { io } from "socket.io-client";
import ioV2 from "socket.io-client-v2";

const [url, scenario, token = ""] = process.argv.slice(2);
const base = { forceNew: true, reconnection: false, timeout: 10000 };
const options = {
  "v4": {},
  "v4-origin": { extraHeaders: { Origin: "http://evil.example" } },
  "v4-ws-origin": { transports: ["websocket"], extraHeaders: { Origin: "http://evil.example" } },
  "v4-auth": { auth: { token } },
  "v4-query": { query: { token } },
}[scenario];
const socket = scenario === "v2" ? ioV2(url, base) : io(url, { ...base, ...options });
const engine = () => (scenario === "v2" ? socket.io.engine : socket.io.engine);
const report = (fields) => {
  const e = engine();
  console.log(JSON.stringify({ scenario, transport: e && e.transport ? e.transport.name : null, ...fields }));
  socket.close();
  process.exit(0);
};
setTimeout(() => report({ connected: socket.connected, error: "deadline" }), 15000);
socket.on("connect_error", (e) => report({ connected: false, error: String(e && e.message ? e.message : e) }));
socket.on("error", (e) => report({ connected: false, error: String(e) }));
socket.on("connect", () => {
  const ackThenReport = () => socket.emit("has_name", "RPM", (ack) => report({ connected: true, ack }));
  const e = engine();
  if (e.transport.name === "websocket") ackThenReport();
  else e.once("upgrade", ackThenReport);
});
