// USHS browser client: an ES module without dependencies. It mirrors the Java SDK (client/):
// token as a subprotocol, resume with lastPosition (epoch:sequence) and lastEventId, subscriptions
// restored on every connection (re-sent commands carry the resume point too), exponential backoff
// with full jitter, the close-code policy of README "Codes", and events in sequence order, each
// once within a log epoch. Served by the gateway at /ushs/ui/ushs-client.js (USHS_UI=true).

/** The protocol's backoff: 1 s doubling to 60 s. */
export const DEFAULT_BACKOFF = Object.freeze({ initialMs: 1000, maxMs: 60000 });

/** The delay before reconnect attempt `attempt` (0-based): uniform in [0, min(max, initial*2^n)). */
export function backoffDelay(attempt, backoff = DEFAULT_BACKOFF, random = Math.random) {
  const shift = Math.min(Math.max(attempt, 0), 30);
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** shift);
  return Math.floor(ceiling * Math.min(Math.max(random(), 0), 1));
}

/**
 * What to do when a connection ends with `code` (null or 1005/1006: no close frame, or it never
 * opened): 'now' (the node is going away), 'backoff' (transient) or 'stop' (retrying as is cannot
 * succeed: credentials or a client bug).
 */
export function closeAction(code) {
  if (code == null || code === 1005 || code === 1006) return 'backoff';
  if (code === 1001 || code === 1012) return 'now';
  if ([1002, 1003, 1007, 1008, 1009, 1010, 4000, 4001, 4002, 4004].includes(code)) return 'stop';
  return 'backoff';
}

/** The server's `retry-after=N` (seconds) in a close reason, in milliseconds, or 0. */
export function retryAfterMs(reason) {
  const match = /retry-after=(\d{1,6})/.exec(reason || '');
  return match ? Number(match[1]) * 1000 : 0;
}

/** The query of a connect: first subscription, access token (fallback), resume point. */
export function connectUrl(base, { first, token, tokenInQuery, lastEventId, lastPosition }) {
  const url = new URL(base);
  if (first) {
    url.searchParams.set('subscribe', first.eventTypes.join(','));
    const service = first.filters.service;
    if (service) url.searchParams.set('service', [].concat(service).join(','));
    if (first.filters.session) url.searchParams.set('session', first.filters.session);
  }
  if (tokenInQuery && token) url.searchParams.set('access_token', token);
  if (lastPosition != null) url.searchParams.set('lastPosition', lastPosition);
  if (lastEventId != null) url.searchParams.set('lastEventId', lastEventId);
  return url.toString();
}

function sequenceOf(event) {
  try {
    return typeof event.sequence === 'string' ? BigInt(event.sequence) : null;
  } catch {
    return null;
  }
}

/**
 * What the client has delivered, to drop duplicates and to resume. Within one log epoch an event
 * whose sequence is not above the last delivered one is a duplicate; an event or a replay answer
 * of another epoch means the log started over, so the comparison starts over in that epoch (its
 * sequences may be lower). The resume point stays the last delivered event's (lastEventId and
 * lastPosition, "<epoch>:<sequence>") until an event of the new epoch is delivered.
 */
export class ResumeState {
  constructor(lastEventId = null, lastPosition = null) {
    this.lastEventId = lastEventId;
    this.lastPosition = lastPosition;
    this.epoch = null;
    this.lastSequence = null;
    const colon = lastPosition ? lastPosition.lastIndexOf(':') : -1;
    if (colon > 0) {
      this.epoch = lastPosition.slice(0, colon);
      this.lastSequence = sequenceOf({ sequence: lastPosition.slice(colon + 1) });
    }
  }

  /** Whether to deliver `event`; if so it becomes the resume point. */
  admit(event) {
    const epoch = typeof event.epoch === 'string' ? event.epoch : null;
    const sequence = sequenceOf(event);
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.lastSequence = null;
    } else if (sequence != null && this.lastSequence != null && sequence <= this.lastSequence) {
      return false;
    }
    if (sequence != null) this.lastSequence = sequence;
    this.lastEventId = event.id;
    this.lastPosition = epoch != null && sequence != null ? epoch + ':' + sequence : null;
    return true;
  }

  /**
   * The server's replay answer; `epoch` is the log's epoch now (undefined from a server without
   * epochs, whose recovered:false may also mean sequences restarted). Returns whether the epoch
   * differs from the one known (the log started over).
   */
  replayed(epoch, recovered) {
    if (typeof epoch !== 'string') {
      if (!recovered) this.lastSequence = null;
      return false;
    }
    if (epoch === this.epoch) return false;
    const changed = this.epoch != null;
    this.epoch = epoch;
    this.lastSequence = null;
    return changed;
  }

  /** The resume point a connection sends; both fields may be null. */
  point() {
    return { lastEventId: this.lastEventId, lastPosition: this.lastPosition };
  }
}

/** The subprotocols to offer: the token (unless it goes in the query), then cloudevents.json. */
export function protocols(token, tokenInQuery) {
  return token && !tokenInQuery ? ['ushs.bearer.' + token, 'cloudevents.json'] : ['cloudevents.json'];
}

const REPLIES = { subscribe: 'subscribed', unsubscribe: 'unsubscribed', refresh: 'refreshed', ping: 'pong' };

/**
 * A live connection to USHS gateways that reconnects by itself. Options: `url` (or `urls`, tried
 * in turn on each reconnect), `token`, `tokenInQuery` (send it as ?access_token= instead of the
 * subprotocol), the first subscription `subscribe` (types), `service`, `session`, `severity`,
 * `lastEventId` and `lastPosition` ("<epoch>:<sequence>"; resume point of the first connection),
 * callbacks `onEvent(event)`, `onState({state, code, reason, retryInMs, url})`,
 * `onReplay({recovered, count, epoch, epochChanged})` (epochChanged: the log started over),
 * `onGap({epoch, from, to, count, reason})` (events this client will not receive, announced
 * before the next event: reason retention, shed, overflow or unavailable), `onEpoch({epoch,
 * previous})` (the log started over: sequences start again, lower, in the new epoch),
 * `onError(error)`, and `backoff: {initialMs, maxMs}`. States: connecting (until the server
 * answers the first ping), resuming (until the replay answer), connected, disconnected, stopped.
 * Connects at once unless `autoConnect: false` (then call connect()).
 */
export class UshsClient {
  constructor(options) {
    this.options = options;
    this.urls = [].concat(options.urls || options.url);
    if (!this.urls.length || !this.urls[0]) throw new Error('UshsClient: url or urls required');
    this.token = options.token;
    this.backoff = { ...DEFAULT_BACKOFF, ...(options.backoff || {}) };
    this.resume = new ResumeState(options.lastEventId ?? null, options.lastPosition ?? null);
    this.ops = [];
    this.attempt = 0;
    this.next = 0;
    this.state = { state: 'idle' };
    this.ws = null;
    this.pending = [];
    this.timer = null;
    if (options.subscribe || options.service || options.session) {
      const filters = {};
      if (options.service) filters.service = options.service;
      if (options.session) filters.session = options.session;
      if (options.severity) filters.severity = [].concat(options.severity);
      this.ops.push({ eventTypes: [].concat(options.subscribe || '*'), filters });
    }
    if (options.autoConnect !== false) this.connect();
  }

  /** The id of the last event delivered (or the configured resume id): where the next resume starts. */
  get lastEventId() {
    return this.resume.lastEventId;
  }

  /** The last delivered event's position, "<epoch>:<sequence>", or null when unknown. */
  get lastPosition() {
    return this.resume.lastPosition;
  }

  /** Opens a connection now (after a stop, too); the backoff starts over. */
  connect() {
    clearTimeout(this.timer);
    this.stopped = false;
    this.attempt = 0;
    this.open();
  }

  /** Adds a subscription; kept and re-sent on every later connection. Resolves with the ack. */
  subscribe(eventTypes, filters = {}) {
    const op = { eventTypes: [].concat(eventTypes), filters };
    this.ops.push(op);
    const sent = this.request({ command: 'subscribe', eventTypes: op.eventTypes, filters });
    sent.catch((error) => {
      if (error.code) this.ops = this.ops.filter((o) => o !== op); // refused: forget it
    });
    return sent;
  }

  /** Removes types from the subscriptions; kept and re-sent on every later connection. */
  unsubscribe(eventTypes) {
    const names = [].concat(eventTypes);
    this.ops = this.ops
      .map((op) => (op.unsubscribe ? op : { ...op, eventTypes: op.eventTypes.filter((t) => !names.includes(t)) }))
      .filter((op) => op.unsubscribe || op.eventTypes.length);
    if (this.ops.some((op) => !op.unsubscribe)) this.ops.push({ unsubscribe: names });
    else this.ops = [];
    return this.request({ command: 'unsubscribe', eventTypes: names });
  }

  /** Resolves with the server's pong. */
  ping() {
    return this.request({ command: 'ping' });
  }

  /** Sends a new token for the same subject; also used for every later reconnect. */
  refresh(token) {
    this.token = token;
    return this.request({ command: 'refresh', token });
  }

  /** Closes for good (state stopped); connect() starts again. */
  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close(1000, 'client closed');
    this.setState('stopped', {});
  }

  open() {
    const base = this.urls[this.next % this.urls.length];
    const [first, ...rest] = this.ops;
    const inQuery = first && !first.unsubscribe && !first.filters.severity ? first : null;
    const resumeFrom = this.resume.point();
    const url = connectUrl(base, {
      first: inQuery,
      token: this.token,
      tokenInQuery: this.options.tokenInQuery,
      ...resumeFrom,
    });
    this.resuming = resumeFrom.lastEventId != null || resumeFrom.lastPosition != null;
    this.accepted = false;
    let ws;
    try {
      ws = new WebSocket(url, protocols(this.token, this.options.tokenInQuery));
    } catch (error) {
      this.emit('onError', { code: 0, message: String(error) });
      this.ended(null, String(error));
      return;
    }
    this.ws = ws;
    this.setState('connecting', { url: base });
    const restore = (inQuery ? rest : this.ops).map((op) => toCommand(op, resumeFrom));
    ws.onopen = () => {
      this.request({ command: 'ping' }).then(() => this.onAccepted(base), () => {});
      restore.forEach((command) => this.request(command).catch(() => {}));
    };
    ws.onmessage = (message) => this.onText(message.data);
    ws.onclose = (close) => {
      if (this.ws === ws) this.ended(close.code, close.reason);
    };
  }

  onAccepted(url) {
    this.accepted = true;
    this.attempt = 0;
    this.setState(this.resuming ? 'resuming' : 'connected', { url });
  }

  request(command) {
    if (!this.ws || this.ws.readyState !== 1) return Promise.reject(new Error('not connected'));
    return new Promise((resolve, reject) => {
      this.pending.push({ expected: REPLIES[command.command], resolve, reject });
      this.ws.send(JSON.stringify(command));
    });
  }

  onText(text) {
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    if (json.specversion) return this.onEvent(json);
    if (json.type === 'replay') {
      this.resuming = false;
      const previous = this.resume.epoch;
      const epochChanged = this.resume.replayed(json.epoch, json.recovered);
      if (epochChanged) this.emit('onEpoch', { epoch: json.epoch, previous });
      this.emit('onReplay', { recovered: json.recovered, count: json.count, epoch: json.epoch, epochChanged });
      if (this.accepted) this.setState('connected', { url: this.state.url });
      return;
    }
    if (json.type === 'gap') {
      const { epoch, from, to, count, reason } = json;
      this.emit('onGap', { epoch, from, to, count, reason });
      return;
    }
    if (json.type === 'error') {
      this.emit('onError', json);
      if (this.accepted && this.pending.length) this.pending.shift().reject(json);
      return;
    }
    if (Object.values(REPLIES).includes(json.type)) {
      const head = this.pending.shift();
      if (!head) return;
      if (head.expected === json.type) head.resolve(json);
      else head.reject(new Error('expected ' + head.expected + ', got ' + json.type));
    }
  }

  onEvent(event) {
    const previous = this.resume.epoch;
    if (!this.resume.admit(event)) return;
    if (previous != null && this.resume.epoch !== previous) {
      this.emit('onEpoch', { epoch: this.resume.epoch, previous });
    }
    this.emit('onEvent', event);
  }

  ended(code, reason) {
    this.ws = null;
    const lost = new Error('connection lost' + (code ? ' (' + code + ')' : ''));
    this.pending.splice(0).forEach((p) => p.reject(lost));
    if (this.stopped) return;
    const action = closeAction(code);
    if (action === 'stop') {
      this.stopped = true;
      this.setState('stopped', { code, reason });
      return;
    }
    this.next++;
    const delay =
      action === 'now' ? 0 : Math.max(backoffDelay(this.attempt, this.backoff), retryAfterMs(reason));
    this.attempt++;
    this.setState('disconnected', { code, reason, retryInMs: delay });
    this.timer = setTimeout(() => this.open(), delay);
  }

  setState(state, details) {
    this.state = { state, ...details };
    this.emit('onState', this.state);
  }

  emit(name, value) {
    const listener = this.options[name];
    if (!listener) return;
    try {
      listener(value);
    } catch (error) {
      console.error('UshsClient ' + name + ' listener failed', error);
    }
  }
}

/** The command that restores `op`; a subscribe carries the connection's resume point. */
export function toCommand(op, resumeFrom = {}) {
  if (op.unsubscribe) return { command: 'unsubscribe', eventTypes: op.unsubscribe };
  const command = { command: 'subscribe', eventTypes: op.eventTypes, filters: op.filters };
  if (resumeFrom.lastPosition != null) command.lastPosition = resumeFrom.lastPosition;
  if (resumeFrom.lastEventId != null) command.lastEventId = resumeFrom.lastEventId;
  return command;
}
