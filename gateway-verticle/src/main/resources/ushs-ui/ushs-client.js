// USHS browser client: an ES module without dependencies. It mirrors the Java SDK (client/):
// token as a subprotocol, resume with lastPosition (epoch:sequence) and lastEventId, subscriptions
// restored on every connection, each resumed from where it left off (re-sent commands carry their
// own point), exponential backoff with full jitter, the close-code policy of README "Codes", and
// each event once within a log epoch: live events in sequence order, a subscription's replay after
// what the others delivered, in order from its own point (docs/decisions/positions-gaps-resume.md).
// Served by the gateway at /ushs/ui/ushs-client.js (USHS_UI=true).

/** The protocol's backoff: 1 s doubling to 60 s. */
export const DEFAULT_BACKOFF = Object.freeze({ initialMs: 1000, maxMs: 60000 });

/** The delay before reconnect attempt `attempt` (0-based): uniform in [0, min(max, initial*2^n)). */
export function backoffDelay(attempt, backoff = DEFAULT_BACKOFF, random = Math.random) {
  const shift = Math.min(Math.max(attempt, 0), 30);
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** shift);
  return Math.floor(ceiling * Math.min(Math.max(random(), 0), 1));
}

/**
 * What the client does after each close code: 'now' (the node is going away), 'backoff'
 * (transient) or 'stop' (retrying as is cannot succeed: credentials or a client bug). Every code of
 * the server's table (CloseCode in protocol/, README "Codes") and the RFC 6455 codes a WebSocket
 * may report; ClientVocabularyTest checks it against CloseCode. Plain JSON inside Object.freeze.
 */
export const CLOSE_ACTIONS = Object.freeze({
  "1001": "now", "1002": "stop", "1003": "stop", "1007": "stop", "1008": "stop", "1009": "stop",
  "1010": "stop", "1012": "now", "1013": "backoff", "4000": "stop", "4001": "stop", "4002": "stop",
  "4003": "backoff", "4004": "stop", "4005": "backoff", "4006": "backoff"
});

/**
 * The event vocabulary of the client and the live view: families, severities (most severe first)
 * and filter keys, as EventCatalog (protocol/) declares them; ClientVocabularyTest checks it.
 */
export const VOCABULARY = Object.freeze({
  "families": ["error", "session", "patch", "deployment", "health"],
  "severities": ["critical", "high", "medium", "low"],
  "filterKeys": ["service", "severity", "session"]
});

/**
 * What to do when a connection ends with `code` (null or 1005/1006: no close frame, or it never
 * opened): CLOSE_ACTIONS, 'backoff' for a code it does not list.
 */
export function closeAction(code) {
  if (code == null || code === 1005 || code === 1006) return 'backoff';
  return CLOSE_ACTIONS[code] || 'backoff';
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

/** "<epoch>:<sequence>" as { epoch, sequence } (BigInt), or nulls. */
function parsePosition(position) {
  const colon = position ? position.lastIndexOf(':') : -1;
  if (colon <= 0) return { epoch: null, sequence: null };
  return { epoch: position.slice(0, colon), sequence: sequenceOf({ sequence: position.slice(colon + 1) }) };
}

function hasPoint(point) {
  return point != null && (point.lastEventId != null || point.lastPosition != null);
}

/**
 * What the client has delivered, to drop duplicates and to resume. Live events come in sequence
 * order: within one log epoch an event whose sequence is not above the newest delivered one is a
 * duplicate. A subscription added to a connection (each one re-sent as a command) is replayed after
 * events of the other subscriptions were delivered, so its events may be lower: between its
 * `subscribed` answer and the next `replay` answer (a replay window; the client keeps one open at a
 * time and the server sends nothing else meanwhile) events come in order from the subscription's
 * mark, and one is a duplicate only if not above the window's last. The window's progress is where
 * that subscription resumes if the connection drops. An event or a replay answer of another epoch
 * means the log started over, so the comparison starts over in that epoch (its sequences may be
 * lower). The newest point (lastEventId and lastPosition, "<epoch>:<sequence>") stays the last
 * delivered event's until an event of the new epoch is delivered.
 */
export class ResumeState {
  constructor(lastEventId = null, lastPosition = null) {
    this.lastEventId = lastEventId;
    this.lastPosition = lastPosition;
    const { epoch, sequence } = parsePosition(lastPosition);
    this.epoch = epoch;
    this.lastSequence = sequence;
    this.window = null;
  }

  /** Whether to deliver `event`; if so it advances the newest point or the open window. */
  admit(event) {
    const epoch = typeof event.epoch === 'string' ? event.epoch : null;
    const sequence = sequenceOf(event);
    const last = this.window ? this.window.sequence : this.lastSequence;
    if (epoch !== this.epoch) {
      this.startEpoch(epoch);
    } else if (sequence != null && last != null && sequence <= last) {
      return false;
    }
    const point = { lastEventId: event.id, lastPosition: epoch != null && sequence != null ? epoch + ':' + sequence : null };
    if (this.window) {
      this.window.sequence = sequence;
      this.window.progress = point;
    }
    if (sequence == null || this.lastSequence == null || sequence > this.lastSequence) {
      if (sequence != null) this.lastSequence = sequence;
      this.lastEventId = point.lastEventId;
      this.lastPosition = point.lastPosition;
    }
    return true;
  }

  /** `owner`'s replay starts (its `subscribed` came): events come from its mark until replayed(). */
  openWindow(owner) {
    owner.phase = 'replaying';
    const from = parsePosition(owner.mark.lastPosition);
    this.window = { owner, progress: owner.mark, sequence: from.epoch === this.epoch ? from.sequence : null };
  }

  /** The open window's progress, or null. */
  windowProgress() {
    return this.window ? this.window.progress : null;
  }

  startEpoch(epoch) {
    this.epoch = epoch;
    this.lastSequence = null;
    if (this.window) this.window.sequence = null;
  }

  /**
   * The server's replay answer; `epoch` is the log's epoch now (undefined from a server without
   * epochs, whose recovered:false may also mean sequences restarted). Returns whether the epoch
   * differs from the one known (the log started over).
   */
  replayed(epoch, recovered, closesWindow = false) {
    if (closesWindow && this.window) {
      this.window.owner.phase = 'live';
      this.window = null;
    }
    if (typeof epoch !== 'string') {
      if (!recovered) this.lastSequence = null;
      return false;
    }
    if (epoch === this.epoch) return false;
    const changed = this.epoch != null;
    this.startEpoch(epoch);
    return changed;
  }

  /** The newest event delivered (or the configured point); both fields may be null. */
  point() {
    return { lastEventId: this.lastEventId, lastPosition: this.lastPosition };
  }
}

/**
 * The point up to which every subscription of `ops` has everything: the lowest mark (of `newest`'s
 * epoch) among those not live, `progress` standing for the one replaying, or `newest`.
 */
export function lowestPoint(ops, newest, progress) {
  let lowest = newest;
  for (const op of ops) {
    if (op.unsubscribe || op.phase === 'live') continue;
    const mark = op.phase === 'replaying' && progress ? progress : op.mark;
    const at = parsePosition(mark && mark.lastPosition);
    const than = parsePosition(lowest.lastPosition);
    if (at.epoch != null && at.epoch === than.epoch && at.sequence < than.sequence) lowest = mark;
  }
  return lowest;
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
 * answers the first ping), resuming (until the last replay answer the connection waits for),
 * connected, disconnected, stopped. Connects at once unless `autoConnect: false` (then call
 * connect()).
 *
 * Each subscription keeps its own resume mark: a reconnect resumes the query's subscription with
 * lastPosition/lastEventId in the URL and each other one with its own point in its subscribe
 * command. Subscription commands go out in order, and one the server answers with a replay holds
 * the ones after it until its replay answer (ping and refresh are never held).
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
    this.held = [];
    this.hold = 'none';
    this.connectionPoint = {};
    this.timer = null;
    if (options.subscribe || options.service || options.session) {
      const filters = {};
      if (options.service) filters.service = options.service;
      if (options.session) filters.session = options.session;
      if (options.severity) filters.severity = [].concat(options.severity);
      this.ops.push(this.entry([].concat(options.subscribe || '*'), filters));
    }
    if (options.autoConnect !== false) this.connect();
  }

  /** The id of the event at lastPosition. */
  get lastEventId() {
    return this.safePoint().lastEventId;
  }

  /**
   * The position, "<epoch>:<sequence>", up to which every subscription has received everything: the
   * last event delivered (or the configured point), or lower while a subscription's replay runs or
   * waits; null when unknown. Where a later page may resume all from without skipping anything.
   */
  get lastPosition() {
    return this.safePoint().lastPosition;
  }

  safePoint() {
    return lowestPoint(this.ops, this.resume.point(), this.resume.windowProgress());
  }

  /** A subscription that has everything up to `mark` (nothing: live from now). */
  entry(eventTypes, filters, mark = this.resume.point()) {
    return { eventTypes, filters, mark, phase: 'waiting' };
  }

  /** Opens a connection now (after a stop, too); the backoff starts over. */
  connect() {
    clearTimeout(this.timer);
    this.stopped = false;
    this.attempt = 0;
    this.open();
  }

  /**
   * Adds a subscription, kept and re-sent on every later connection; it starts after the newest
   * event the client has. Resolves with the ack.
   */
  subscribe(eventTypes, filters = {}) {
    const unknown = Object.keys(filters).filter((key) => !VOCABULARY.filterKeys.includes(key));
    if (unknown.length) return Promise.reject(new Error('unknown filter: ' + unknown.join(', ')));
    const op = this.entry([].concat(eventTypes), filters);
    this.ops.push(op);
    const sent = this.send(this.outgoing(op));
    sent.catch((error) => {
      if (error.code) this.ops = this.ops.filter((o) => o !== op); // refused: forget it
    });
    return sent;
  }

  /** Removes types from the subscriptions; kept and re-sent on every later connection. */
  unsubscribe(eventTypes) {
    const names = [].concat(eventTypes);
    for (const op of this.ops) {
      if (!op.unsubscribe) op.eventTypes = op.eventTypes.filter((t) => !names.includes(t));
    }
    this.ops = this.ops.filter((op) => op.unsubscribe || op.eventTypes.length);
    if (this.ops.some((op) => !op.unsubscribe)) this.ops.push({ unsubscribe: names });
    else this.ops = [];
    return this.send({ command: { command: 'unsubscribe', eventTypes: names }, opens: null });
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
    this.connectionPoint = inQuery && hasPoint(inQuery.mark) ? inQuery.mark : {};
    const replayAtConnect = hasPoint(this.connectionPoint);
    if (replayAtConnect) this.resume.openWindow(inQuery);
    else if (inQuery) inQuery.phase = 'live';
    const url = connectUrl(base, {
      first: inQuery,
      token: this.token,
      tokenInQuery: this.options.tokenInQuery,
      ...this.connectionPoint,
    });
    this.resuming = replayAtConnect || rest.some((op) => !op.unsubscribe);
    this.hold = replayAtConnect ? 'window' : 'none';
    this.held = [];
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
    ws.onopen = () => {
      this.request({ command: 'ping' }).then(() => this.onAccepted(base), () => {});
      const restore = this.ops.filter((op) => op !== inQuery).map((op) => this.outgoing(op));
      this.resuming = replayAtConnect || restore.some((outgoing) => outgoing.opens);
      restore.forEach((outgoing) => this.send(outgoing).catch(() => {}));
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

  /** The command restoring `op`; a subscription without a replay is live from when it is sent. */
  outgoing(op) {
    if (op.unsubscribe) return { command: toCommand(op), opens: null };
    if (!hasPoint(op.mark)) op.mark = this.connectionPoint; // the server resumes it from there
    const replays = hasPoint(op.mark);
    if (!replays) op.phase = 'live';
    return { command: toCommand(op, op.mark), opens: replays ? op : null };
  }

  /** Sends `command` at once (ping, refresh). */
  request(command) {
    return this.send({ command, opens: null });
  }

  /** Sends a command; subscription commands after those held before them (see the class doc). */
  send({ command, opens }) {
    if (!this.ws || this.ws.readyState !== 1) return Promise.reject(new Error('not connected'));
    return new Promise((resolve, reject) => {
      const item = { command, expected: REPLIES[command.command], resolve, reject, opens };
      if (command.command === 'subscribe' || command.command === 'unsubscribe') {
        this.held.push(item);
        this.release();
      } else {
        this.write(item);
      }
    });
  }

  release() {
    while (this.hold === 'none' && this.held.length) {
      const next = this.held.shift();
      if (next.opens) this.hold = 'ack';
      this.write(next);
    }
  }

  write(item) {
    this.pending.push(item);
    this.ws.send(JSON.stringify(item.command));
  }

  /** Whether a replay runs or waits to be sent on this connection. */
  catchingUp() {
    return this.hold !== 'none' || this.held.some((item) => item.opens);
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
      const closes = this.hold === 'window';
      if (closes) this.hold = 'none';
      this.resuming = this.catchingUp();
      const previous = this.resume.epoch;
      const epochChanged = this.resume.replayed(json.epoch, json.recovered, closes);
      if (epochChanged) this.emit('onEpoch', { epoch: json.epoch, previous });
      this.emit('onReplay', { recovered: json.recovered, count: json.count, epoch: json.epoch, epochChanged });
      if (this.accepted && !this.resuming && this.state.state !== 'connected') {
        this.setState('connected', { url: this.state.url });
      }
      this.release();
      return;
    }
    if (json.type === 'gap') {
      const { epoch, from, to, count, reason } = json;
      this.emit('onGap', { epoch, from, to, count, reason });
      return;
    }
    if (json.type === 'error') {
      this.emit('onError', json);
      if (this.accepted && this.pending.length) {
        const refused = this.pending.shift();
        if (refused.opens && this.hold === 'ack') {
          this.hold = 'none'; // refused: no replay comes
          this.release();
        }
        refused.reject(json);
      }
      return;
    }
    if (Object.values(REPLIES).includes(json.type)) {
      const head = this.pending.shift();
      if (!head) return;
      if (head.expected !== json.type) {
        head.reject(new Error('expected ' + head.expected + ', got ' + json.type));
        return;
      }
      if (head.opens && this.hold === 'ack') {
        this.hold = 'window';
        this.resume.openWindow(head.opens);
      }
      head.resolve(json);
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

  /** Each subscription keeps what it has: live ones the newest point, the replaying one its progress. */
  freezeMarks() {
    const progress = this.resume.windowProgress();
    for (const op of this.ops) {
      if (op.unsubscribe) continue;
      if (op.phase === 'live') op.mark = this.resume.point();
      else if (op.phase === 'replaying' && progress) op.mark = progress;
      op.phase = 'waiting';
    }
    this.resume.window = null;
  }

  ended(code, reason) {
    this.ws = null;
    this.freezeMarks();
    const lost = new Error('connection lost' + (code ? ' (' + code + ')' : ''));
    this.pending.splice(0).forEach((p) => p.reject(lost));
    this.held.splice(0).forEach((p) => p.reject(lost));
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

/** The command that restores `op`; a subscribe carries `resumeFrom`, its own resume point. */
export function toCommand(op, resumeFrom = {}) {
  if (op.unsubscribe) return { command: 'unsubscribe', eventTypes: op.unsubscribe };
  const command = { command: 'subscribe', eventTypes: op.eventTypes, filters: op.filters };
  if (resumeFrom.lastPosition != null) command.lastPosition = resumeFrom.lastPosition;
  if (resumeFrom.lastEventId != null) command.lastEventId = resumeFrom.lastEventId;
  return command;
}
