// A small Socket.IO v5 client (Engine.IO v4) over WebSocket only, written for this dashboard.
//
// Why our own: the socket.io-client webjars (org.webjars.npm, org.webjars, org.webjars.bower) do not
// resolve from the Maven mirror this project builds with, and the page must load nothing from a CDN.
// The dashboard needs little of the protocol, so this is ~200 lines instead of a 50 kB bundle.
//
// What it speaks (https://socket.io/docs/v4/socket-io-protocol/, engine.io-protocol v4):
//   Engine.IO packets are text frames whose first character is the type:
//     0 open {sid, pingInterval, pingTimeout}   2 ping (server → client)   3 pong (our answer)
//     1 close   4 message (carries a Socket.IO packet)
//   Socket.IO packets inside "4": the type, an optional ack id, then JSON:
//     40{auth}  connect (ours, with the token)     40{"sid":…} connected (the server's answer)
//     41        disconnect                          42[name, ...args] / 42<id>[name, ...] event
//     43<id>[...args] acknowledgement               44{"message":…} connect_error
//   So an event on the wire is "42[…]" and an acknowledged one "42" + id + "[…]".
//
// API (a subset of socket.io-client's):
//   const sio = new SocketIoClient(url, {auth: {token}});
//   sio.on('connect' | 'disconnect' | 'connect_error' | 'reconnecting' | EVENT, handler);
//   sio.emit(EVENT, ...args);                 // fire and forget
//   await sio.request(EVENT, arg, timeoutMs); // emit with an ack; resolves with the reply, rejects
//                                             // with the message of the `error` event the gateway sent
//   sio.connect(); sio.close();

const EIO_OPEN = '0', EIO_CLOSE = '1', EIO_PING = '2', EIO_PONG = '3', EIO_MESSAGE = '4';
const CONNECT_TIMEOUT_MS = 20000;
const SIO_CONNECT = '0', SIO_DISCONNECT = '1', SIO_EVENT = '2', SIO_ACK = '3', SIO_CONNECT_ERROR = '4';

/** Why a request failed: no acknowledgement in time, the connection went, or the server said no. */
export class RequestError extends Error {
  constructor(event, message) {
    super(`${event}: ${message}`);
    this.event = event;
  }
}

export class SocketIoClient {
  /**
   * @param {string} url  the gateway's http(s) address, e.g. location.origin
   * @param {{auth?: object, path?: string, minDelay?: number, maxDelay?: number}} options
   */
  constructor(url, options = {}) {
    const base = new URL(url);
    base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    base.pathname = (options.path ?? '/socket.io') + '/';
    base.search = '?EIO=4&transport=websocket';
    this.wsUrl = base.toString();
    this.auth = options.auth ?? null;
    this.minDelay = options.minDelay ?? 500;    // first reconnection delay, ms
    this.maxDelay = options.maxDelay ?? 10000;  // the backoff stops doubling here
    this.handlers = new Map();                  // event name → Set of handlers
    this.pendingAcks = new Map();               // ack id → {resolve, reject, timer, event}
    this.lastErrors = new Map();                // event name → message of the latest `error` event
    this.nextAckId = 0;
    this.connected = false;
    this.attempt = 0;
    this.closedByUs = false;
    this.ws = null;
    this.pingTimer = null;
    this.retryTimer = null;
    this.retryPending = false;
    // The gateway answers a failing event with an `error` event and then an empty acknowledgement:
    // remember the message so that the request can reject with it.
    this.on('error', (e) => {
      if (e && typeof e.event === 'string') this.lastErrors.set(e.event, String(e.message));
    });
  }

  on(event, handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event).add(handler);
    return () => this.handlers.get(event)?.delete(handler);
  }

  fire(event, ...args) {
    for (const h of this.handlers.get(event) ?? []) {
      try {
        h(...args);
      } catch (e) {
        console.error(`handler of ${event} failed`, e); // one widget's bug must not stop the others
      }
    }
  }

  connect() {
    this.closedByUs = false;
    clearTimeout(this.retryTimer);
    this.retryPending = false;
    let ws;
    try {
      ws = new WebSocket(this.wsUrl);
    } catch (e) {
      this.scheduleReconnect(String(e));
      return;
    }
    this.ws = ws;
    // A server that accepts the WebSocket but never completes the handshake counts as unreachable.
    clearTimeout(this.connectTimer);
    this.connectTimer = setTimeout(() => {
      if (ws === this.ws && !this.connected) this.lost(`no handshake within ${CONNECT_TIMEOUT_MS / 1000} s`);
    }, CONNECT_TIMEOUT_MS);
    ws.onmessage = (m) => {
      if (ws !== this.ws) return;
      try {
        this.onEnginePacket(String(m.data));
      } catch (e) {
        console.error('malformed packet from the gateway, ignored', e); // one bad packet is not a dead link
      }
    };
    ws.onclose = (e) => { if (ws === this.ws) this.lost(e.reason || `connection closed (${e.code})`); };
    ws.onerror = () => { /* onclose follows and reports */ };
  }

  close() {
    this.closedByUs = true;
    clearTimeout(this.retryTimer);
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.send(EIO_MESSAGE + SIO_DISCONNECT);
    this.lost('closed by the page');
  }

  emit(event, ...args) {
    if (!this.connected) return false;
    this.send(EIO_MESSAGE + SIO_EVENT + JSON.stringify([event, ...args]));
    return true;
  }

  /** Emits with an acknowledgement; resolves with the first argument of the ack. */
  request(event, arg, timeoutMs = 15000) {
    return new Promise((resolve, reject) => {
      if (!this.connected) {
        reject(new RequestError(event, 'not connected'));
        return;
      }
      const id = this.nextAckId++;
      const timer = setTimeout(() => {
        this.pendingAcks.delete(id);
        reject(new RequestError(event, `no answer within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pendingAcks.set(id, {resolve, reject, timer, event});
      this.lastErrors.delete(event);
      const args = arg === undefined ? [event] : [event, arg];
      this.send(EIO_MESSAGE + SIO_EVENT + id + JSON.stringify(args));
    });
  }

  send(text) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  onEnginePacket(text) {
    switch (text[0]) {
      case EIO_OPEN: {
        const open = JSON.parse(text.slice(1));
        this.heartbeatWindow = (open.pingInterval ?? 25000) + (open.pingTimeout ?? 20000);
        this.watchHeartbeat();
        // Socket.IO CONNECT to the main namespace, with the auth payload (the token) when there is one.
        this.send(EIO_MESSAGE + SIO_CONNECT + (this.auth ? JSON.stringify(this.auth) : ''));
        break;
      }
      case EIO_PING:
        this.watchHeartbeat();
        this.send(EIO_PONG);
        break;
      case EIO_CLOSE:
        this.lost('the server closed the connection');
        break;
      case EIO_MESSAGE:
        this.onSocketPacket(text.slice(1));
        break;
      default:
        break; // noop (6) and upgrade packets do not concern a WebSocket-only client
    }
  }

  onSocketPacket(p) {
    const type = p[0];
    let i = 1;
    if (p[i] === '/') { // a namespace other than "/" — never used by the gateway
      const comma = p.indexOf(',');
      i = comma < 0 ? p.length : comma + 1;
    }
    let id = '';
    while (i < p.length && p[i] >= '0' && p[i] <= '9') id += p[i++];
    const body = i < p.length ? JSON.parse(p.slice(i)) : undefined;
    switch (type) {
      case SIO_CONNECT:
        this.connected = true;
        this.attempt = 0;
        this.fire('connect', body);
        break;
      case SIO_CONNECT_ERROR:
        this.fire('connect_error', new Error(body?.message ?? 'refused'));
        this.closeSocket();
        this.scheduleReconnect(body?.message ?? 'refused');
        break;
      case SIO_EVENT: {
        const [name, ...args] = Array.isArray(body) ? body : [];
        if (typeof name !== 'string') return;
        this.fire(name, ...args);
        if (id !== '') this.send(EIO_MESSAGE + SIO_ACK + id + '[]'); // the server asked for an ack
        break;
      }
      case SIO_ACK: {
        const pending = this.pendingAcks.get(Number(id));
        if (!pending) return; // timed out already
        this.pendingAcks.delete(Number(id));
        clearTimeout(pending.timer);
        const args = Array.isArray(body) ? body : [];
        // An event without a reply acks with nothing too: it failed only if an `error` came first.
        if (args.length === 0 && this.lastErrors.has(pending.event)) {
          pending.reject(new RequestError(pending.event, this.lastErrors.get(pending.event)));
        } else {
          pending.resolve(args[0]);
        }
        break;
      }
      case SIO_DISCONNECT:
        this.lost('the server disconnected us');
        break;
      default:
        break;
    }
  }

  /** The server pings every pingInterval; silence for longer than interval + timeout means a dead link. */
  watchHeartbeat() {
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => this.lost('no ping from the server'), this.heartbeatWindow);
  }

  closeSocket() {
    const ws = this.ws;
    this.ws = null;
    clearTimeout(this.pingTimer);
    if (ws) {
      try { ws.close(); } catch (e) { /* already closing */ }
    }
  }

  lost(reason) {
    const wasConnected = this.connected;
    this.connected = false;
    this.closeSocket();
    for (const [, p] of this.pendingAcks) {
      clearTimeout(p.timer);
      p.reject(new RequestError(p.event, 'connection lost'));
    }
    this.pendingAcks.clear();
    if (wasConnected) this.fire('disconnect', reason);
    if (!this.closedByUs) this.scheduleReconnect(reason);
  }

  /** Exponential backoff with jitter: 0.5 s, 1 s, 2 s, … up to maxDelay, ±25 %. */
  scheduleReconnect(reason) {
    if (this.closedByUs || this.retryPending) return;
    const delay = Math.min(this.maxDelay, this.minDelay * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.retryPending = true;
    this.fire('reconnecting', {attempt: this.attempt, delayMs: Math.round(delay), reason});
    this.retryTimer = setTimeout(() => {
      this.retryPending = false;
      this.connect();
    }, delay);
  }
}
