// Drives a Socket.IO server with real socket.io-client 4 connections through a plan of steps and
// prints one JSON line with what came back, raw (exactly as the server wrote it) and parsed.
// Usage: node drive.mjs URL PLAN_FILE [TOKEN]
//
// PLAN_FILE holds {"clients": N, "transports": ["websocket"]?, "steps": [STEP, ...]} where a STEP is
//   {"emit": EVENT, "args": [...], "client": i}  emit with an acknowledgement; records the
//        acknowledgement's arguments, the events of the same name and the "error" events that
//        arrived with it (raw JSON text of the event's arguments, in order)
//   {"send": EVENT, "args": [...], "client": i}  emit without acknowledgement; records nothing
//   {"raw": TEXT, "client": i}                    sends a raw Socket.IO packet (the Engine.IO message
//        type is added: "2[\"event\",...]" is an event)
//   {"until": EVENT, "args": [...], "client": i, "timeoutMs": T}  emits again until the
//        acknowledgement is not null; records the last one
//   {"wait": EVENT, "count": N, "client": i, "timeoutMs": T}  waits for N events of that name
//        (counting those received since the last wait for it or emit step that recorded it); records them
//   {"connected": i}                              records whether client i is still connected
// Every step's record: {"step": index, "ack": [...], "raw": [...], "errors": [...], "events": [...],
// "receivedAt": [ms epoch, ...], "ok": bool, "reason": "..."}.
import { readFileSync } from "node:fs";
import { io } from "socket.io-client";

const [url, planFile, token = ""] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));
const count = plan.clients || 1;
const nowMs = () => performance.timeOrigin + performance.now();

function connect(index) {
  return new Promise((resolve, reject) => {
    const options = { forceNew: true, reconnection: false, timeout: 10000 };
    if (token) options.query = { token };
    if (plan.transports) options.transports = plan.transports;
    const socket = io(url, options);
    const inbox = new Map(); // event -> [{raw, at}]
    const cursor = new Map(); // event -> index consumed by "wait"
    socket.io.on("open", () => {
      socket.io.engine.on("packet", (p) => {
        if (p.type !== "message" || typeof p.data !== "string" || p.data[0] !== "2") return;
        const start = p.data.indexOf("[");
        const text = p.data.slice(start);
        const parsed = JSON.parse(text);
        const name = parsed[0];
        const raw = parsed.length > 1 ? text.slice(text.indexOf(",") + 1, -1) : null;
        if (!inbox.has(name)) inbox.set(name, []);
        inbox.get(name).push({ raw, at: nowMs() });
      });
    });
    socket.on("connect", () => resolve({ socket, inbox, cursor, index }));
    socket.on("connect_error", (e) => reject(new Error(`client ${index}: ${e.message}`)));
  });
}

function taken(c, name) {
  return (c.inbox.get(name) || []).length;
}

function since(c, name, from) {
  return (c.inbox.get(name) || []).slice(from);
}

function emitAck(c, event, args, timeoutMs) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ timeout: true }), timeoutMs);
    c.socket.emit(event, ...(args || []), (...ack) => {
      clearTimeout(timer);
      resolve({ ack });
    });
  });
}

async function waitFor(c, name, n, timeoutMs) {
  const from = c.cursor.get(name) || 0;
  const end = Date.now() + timeoutMs;
  while (taken(c, name) - from < n && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  const got = since(c, name, from).slice(0, n);
  c.cursor.set(name, from + got.length);
  return got;
}

const clients = [];
try {
  for (let i = 0; i < count; i++) clients.push(await connect(i));
} catch (e) {
  console.log(JSON.stringify({ error: String(e.message || e) }));
  process.exit(0);
}

const results = [];
for (let i = 0; i < plan.steps.length; i++) {
  const s = plan.steps[i];
  const c = clients[s.client || 0];
  const r = { step: i, ok: true };
  try {
    if (s.emit !== undefined || s.until !== undefined) {
      const event = s.emit !== undefined ? s.emit : s.until;
      const timeoutMs = s.timeoutMs || 15000;
      const end = Date.now() + timeoutMs;
      let outcome;
      let replies;
      let errors;
      do {
        const before = taken(c, event);
        const errorsBefore = taken(c, "error");
        outcome = await emitAck(c, event, s.args, Math.max(1, end - Date.now()));
        replies = since(c, event, before);
        errors = since(c, "error", errorsBefore);
        c.cursor.set(event, taken(c, event)); // what an emit step records, later waits do not count again
        c.cursor.set("error", taken(c, "error"));
        if (outcome.timeout) break;
        if (s.until === undefined || (outcome.ack.length > 0 && outcome.ack[0] !== null)) break;
        await new Promise((res) => setTimeout(res, 20));
      } while (Date.now() < end);
      if (outcome.timeout) {
        r.ok = false;
        r.reason = `no acknowledgement of ${event} within ${timeoutMs} ms`;
      } else if (s.until !== undefined && (outcome.ack.length === 0 || outcome.ack[0] === null)) {
        r.ok = false;
        r.reason = `${event} stayed null for ${timeoutMs} ms`;
      }
      r.ack = outcome.ack || null;
      r.raw = replies.map((x) => x.raw);
      r.errors = errors.map((x) => x.raw);
    } else if (s.send !== undefined) {
      c.socket.emit(s.send, ...(s.args || []));
    } else if (s.raw !== undefined) {
      c.socket.io.engine.send(s.raw);
    } else if (s.wait !== undefined) {
      const got = await waitFor(c, s.wait, s.count || 1, s.timeoutMs || 15000);
      r.events = got.map((x) => x.raw);
      r.receivedAt = got.map((x) => x.at);
      if (got.length < (s.count || 1)) {
        r.ok = false;
        r.reason = `${got.length} of ${s.count || 1} '${s.wait}' events within ${s.timeoutMs || 15000} ms`;
      }
    } else if (s.connected !== undefined) {
      r.connected = clients[s.connected].socket.connected;
    }
  } catch (e) {
    r.ok = false;
    r.reason = String(e && e.stack ? e.stack : e);
  }
  results.push(r);
}
for (const c of clients) c.socket.close();
console.log(JSON.stringify({ results }));
process.exit(0);
