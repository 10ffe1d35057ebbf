// ushs-client.js under node --test (web-test/): its pure parts, and the client against a scripted
// WebSocket (FakeSocket); the page and the client in Chromium against real nodes: BrowserUiTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  backoffDelay, closeAction, connectUrl, protocols, ResumeState, retryAfterMs, toCommand, UshsClient,
} from '../web/ushs-client.js';

test('backoff ceilings double from 1 s to 60 s, scaled by the random draw', () => {
  const top = () => 0.999999;
  const expected = [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000];
  expected.forEach((ceiling, attempt) =>
    assert.equal(backoffDelay(attempt, undefined, top), Math.floor(ceiling * 0.999999)));
  assert.equal(backoffDelay(3, undefined, () => 0), 0);
  assert.equal(backoffDelay(1, { initialMs: 100, maxMs: 150 }, () => 0.5), 75);
});

test('close codes: now, backoff or stop', () => {
  const table = { 1001: 'now', 1012: 'now', 1009: 'stop', 4000: 'stop', 4001: 'stop', 4002: 'stop',
    4004: 'stop', 4003: 'backoff', 4005: 'backoff', 4006: 'backoff', 1006: 'backoff', 1000: 'backoff' };
  for (const [code, action] of Object.entries(table)) assert.equal(closeAction(Number(code)), action, code);
  assert.equal(closeAction(null), 'backoff');
});

test('retry-after in a close reason', () => {
  assert.equal(retryAfterMs('rate limited; retry-after=7'), 7000);
  assert.equal(retryAfterMs('slow consumer'), 0);
  assert.equal(retryAfterMs(undefined), 0);
});

test('connect URL: first subscription, resume point, token only when asked', () => {
  const first = { eventTypes: ['error', 'patch'], filters: { service: ['a', 'b'], session: 's 1' } };
  const url = new URL(connectUrl('ws://h:1/ushs/v1/ws', { first, token: 't', lastEventId: 'e-9' }));
  assert.equal(url.searchParams.get('subscribe'), 'error,patch');
  assert.equal(url.searchParams.get('service'), 'a,b');
  assert.equal(url.searchParams.get('session'), 's 1');
  assert.equal(url.searchParams.get('lastEventId'), 'e-9');
  assert.equal(url.searchParams.get('access_token'), null);
  const query = new URL(connectUrl('ws://h:1/ushs/v1/ws', { token: 't', tokenInQuery: true }));
  assert.equal(query.searchParams.get('access_token'), 't');
  assert.deepEqual(protocols('t', false), ['ushs.bearer.t', 'cloudevents.json']);
  assert.deepEqual(protocols('t', true), ['cloudevents.json']);
});

test('connect URL: the position form and the id', () => {
  const url = new URL(connectUrl('ws://h:1/ushs/v1/ws', { lastEventId: 'e-9', lastPosition: 'e1:9' }));
  assert.equal(url.searchParams.get('lastPosition'), 'e1:9');
  assert.equal(url.searchParams.get('lastEventId'), 'e-9');
});

function event(id, epoch, sequence) {
  const json = { specversion: '1.0', id, source: '/t', type: 'org.ushs.error.detected', sequence: String(sequence) };
  if (epoch != null) json.epoch = epoch;
  return json;
}

test('resume state: duplicates within an epoch only; another epoch starts over', () => {
  const state = new ResumeState();
  const steps = [['a', 'e1', 5], ['b', 'e1', 5], ['c', 'e1', 4], ['d', 'e1', 6], ['e', 'e2', 0], ['f', 'e2', 0], ['g', 'e2', 1]];
  const delivered = steps.filter(([id, epoch, seq]) => state.admit(event(id, epoch, seq))).map(([id]) => id);
  assert.deepEqual(delivered, ['a', 'd', 'e', 'g']);
  assert.deepEqual(state.point(), { lastEventId: 'g', lastPosition: 'e2:1' });
  assert.equal(state.replayed('e2', true), false);
  assert.equal(state.replayed('e3', false), true);
  assert.ok(state.admit(event('h', 'e3', 0)));
  const legacy = new ResumeState();
  assert.ok(legacy.admit(event('x', null, 9)));
  assert.equal(legacy.admit(event('y', null, 9)), false);
  legacy.replayed(undefined, false);
  assert.ok(legacy.admit(event('z', null, 0)), 'recovered:false without epoch: sequences may restart');
  assert.equal(legacy.point().lastPosition, null);
});

test('restored subscribe commands carry the resume point', () => {
  const op = { eventTypes: ['error'], filters: { severity: ['critical'] } };
  assert.deepEqual(toCommand(op, { lastEventId: 'e-1', lastPosition: 'e1:4' }),
    { command: 'subscribe', eventTypes: ['error'], filters: op.filters, lastPosition: 'e1:4', lastEventId: 'e-1' });
  assert.deepEqual(toCommand(op, { lastEventId: null, lastPosition: null }),
    { command: 'subscribe', eventTypes: ['error'], filters: op.filters });
  assert.deepEqual(toCommand({ unsubscribe: ['patch'] }, { lastEventId: 'e-1' }),
    { command: 'unsubscribe', eventTypes: ['patch'] });
});

/** A scripted WebSocket: answers commands as the gateway does and records what the client sent. */
class FakeSocket {
  static opened = [];

  constructor(url, protocols) {
    this.url = new URL(url);
    this.protocols = protocols;
    this.readyState = 0;
    this.sent = [];
    FakeSocket.opened.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen();
    }, 0);
  }

  send(text) {
    const command = JSON.parse(text);
    this.sent.push(command);
    const replies = { ping: { type: 'pong', timestamp: new Date().toISOString() }, subscribe: { type: 'subscribed' } };
    setTimeout(() => this.receive(replies[command.command]), 0);
  }

  receive(json) {
    this.onmessage({ data: JSON.stringify(json) });
  }

  close(code = 1000, reason = '') {
    if (this.readyState === 3) return;
    this.readyState = 3;
    setTimeout(() => this.onclose({ code, reason }), 0);
  }
}

async function until(condition, what) {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(condition(), 'timed out waiting for ' + what);
}

function connection(options) {
  globalThis.WebSocket = FakeSocket;
  FakeSocket.opened = [];
  const seen = { events: [], replays: [], gaps: [], states: [] };
  const client = new UshsClient({
    url: 'ws://h:1/ushs/v1/ws',
    token: 't',
    backoff: { initialMs: 1, maxMs: 1 },
    onEvent: (e) => seen.events.push(e.id),
    onReplay: (r) => seen.replays.push(r),
    onGap: (g) => seen.gaps.push(g),
    onState: (s) => seen.states.push(s.state),
    ...options,
  });
  return { client, seen };
}

test('client: an event of another epoch is delivered, and the resume sends its position', async () => {
  const epochs = [];
  const { client, seen } = connection({ subscribe: ['error'], severity: ['critical'], onEpoch: (e) => epochs.push(e) });
  await until(() => seen.states.includes('connected'), 'connected');
  const first = FakeSocket.opened[0];
  assert.equal(first.url.searchParams.get('lastPosition'), null);
  assert.equal(first.sent[1].lastPosition, undefined, 'no resume point on a fresh start');
  [['e-1', 'e1', 10], ['e-2', 'e1', 11], ['e-2', 'e1', 11], ['n-0', 'e2', 0], ['n-1', 'e2', 1], ['n-0', 'e2', 0]]
    .forEach(([id, epoch, seq]) => first.receive(event(id, epoch, seq)));
  assert.deepEqual(seen.events, ['e-1', 'e-2', 'n-0', 'n-1']);
  assert.deepEqual(epochs, [{ epoch: 'e2', previous: 'e1' }]);
  assert.equal(client.lastPosition, 'e2:1');
  first.close(4005, 'server error');
  await until(() => FakeSocket.opened.length === 2 && FakeSocket.opened[1].sent.length === 2, 'reconnect');
  const again = FakeSocket.opened[1];
  assert.equal(again.url.searchParams.get('lastPosition'), null, 'no query subscription: only commands resume');
  assert.deepEqual(again.sent[1], {
    command: 'subscribe', eventTypes: ['error'], filters: { severity: ['critical'] }, lastPosition: 'e2:1', lastEventId: 'n-1',
  });
  again.receive(event('n-1', 'e2', 1));
  again.receive(event('n-2', 'e2', 2));
  assert.deepEqual(seen.events.slice(4), ['n-2']);
  client.close();
});

test('client: a replay of another epoch starts the comparison over', async () => {
  const epochs = [];
  const { client, seen } = connection({ subscribe: ['*'], lastEventId: 'e-7', lastPosition: 'e1:7', onEpoch: (e) => epochs.push(e) });
  await until(() => seen.states.includes('resuming'), 'resuming');
  const socket = FakeSocket.opened[0];
  assert.equal(socket.url.searchParams.get('lastPosition'), 'e1:7');
  assert.equal(socket.url.searchParams.get('lastEventId'), 'e-7');
  socket.receive(event('e-5', 'e1', 5));
  socket.receive({ type: 'replay', recovered: false, count: 0, epoch: 'e2' });
  assert.deepEqual(seen.replays, [{ recovered: false, count: 0, epoch: 'e2', epochChanged: true }]);
  assert.deepEqual(epochs, [{ epoch: 'e2', previous: 'e1' }]);
  socket.receive(event('n-0', 'e2', 0));
  socket.receive(event('n-1', 'e2', 1));
  assert.deepEqual(seen.events, ['n-0', 'n-1'], 'e-5 was a duplicate; n-0 and n-1 are not');
  assert.equal(client.lastPosition, 'e2:1');
  client.close();
});

test('client: a gap reaches onGap before the next event', async () => {
  const order = [];
  const { client, seen } = connection({ subscribe: ['*'], onEvent: (e) => order.push(e.id), onGap: (g) => order.push(g) });
  await until(() => seen.states.includes('connected'), 'connected');
  const socket = FakeSocket.opened[0];
  socket.receive(event('e-119', 'e1', 119));
  socket.receive({ type: 'gap', epoch: 'e1', from: '120', to: '180', count: 61, reason: 'retention' });
  socket.receive(event('e-181', 'e1', 181));
  assert.deepEqual(order, ['e-119', { epoch: 'e1', from: '120', to: '180', count: 61, reason: 'retention' }, 'e-181']);
  client.close();
});

test('resume state: a replay window takes lower sequences, in order from its mark', () => {
  const state = new ResumeState();
  const owner = { mark: { lastEventId: 'w', lastPosition: 'e1:3' } };
  assert.ok(state.admit(event('a', 'e1', 9)));
  state.openWindow(owner);
  const steps = [['b', 4], ['c', 4], ['d', 3], ['e', 6], ['f', 12]];
  const delivered = steps.filter(([id, seq]) => state.admit(event(id, 'e1', seq))).map(([id]) => id);
  assert.deepEqual(delivered, ['b', 'e', 'f']);
  assert.deepEqual(state.windowProgress(), { lastEventId: 'f', lastPosition: 'e1:12' });
  state.replayed('e1', true, true);
  assert.equal(owner.phase, 'live');
  assert.equal(state.admit(event('g', 'e1', 11)), false, 'after the window: live order again');
  assert.ok(state.admit(event('h', 'e1', 13)));
});

function replay(count) {
  return { type: 'replay', recovered: true, count, epoch: 'e1' };
}

test('client: a reconnect during a subscription\'s replay resumes it where its replay stood', async () => {
  const { client, seen } = connection({ subscribe: ['error'] });
  await until(() => seen.states.includes('connected'), 'connected');
  client.subscribe(['patch'], { severity: ['high'] }).catch(() => {});
  await until(() => FakeSocket.opened[0].sent.length === 2, 'subscribe');
  const first = FakeSocket.opened[0];
  assert.equal(first.sent[1].lastPosition, undefined, 'nothing to resume yet');
  first.receive(event('e-1', 'e1', 10));
  first.receive(event('e-2', 'e1', 11));
  first.close(4005, 'server error');

  await until(() => FakeSocket.opened.length === 2 && FakeSocket.opened[1].sent.length >= 1, 'second');
  const second = FakeSocket.opened[1];
  assert.equal(second.url.searchParams.get('lastPosition'), 'e1:11');
  second.receive(event('e-3', 'e1', 20));
  second.receive(replay(1));
  await until(() => second.sent.length === 2, 'the held subscribe');
  assert.deepEqual(second.sent[1], {
    command: 'subscribe', eventTypes: ['patch'], filters: { severity: ['high'] }, lastPosition: 'e1:11', lastEventId: 'e-2',
  });
  await new Promise((resolve) => setTimeout(resolve, 10)); // its 'subscribed' answer
  second.receive(event('p-1', 'e1', 12));
  second.receive(event('p-2', 'e1', 15));
  assert.deepEqual(seen.events, ['e-1', 'e-2', 'e-3', 'p-1', 'p-2'], 'its replay is below e-3: delivered');
  assert.equal(client.lastPosition, 'e1:15', 'nothing skipped');
  second.close(4005, 'server error');

  await until(() => FakeSocket.opened.length === 3 && FakeSocket.opened[2].sent.length >= 1, 'third');
  const third = FakeSocket.opened[2];
  assert.equal(third.url.searchParams.get('lastPosition'), 'e1:20', 'the query\'s subscription was live');
  third.receive(replay(0));
  await until(() => third.sent.length === 2, 'the held subscribe');
  assert.equal(third.sent[1].lastPosition, 'e1:15', 'the replay resumes where it stood, not after e-3');
  await new Promise((resolve) => setTimeout(resolve, 10));
  third.receive(event('p-2', 'e1', 15));
  third.receive(event('p-3', 'e1', 16));
  third.receive(replay(1));
  assert.deepEqual(seen.events.slice(5), ['p-3'], 'p-2 not twice');
  assert.equal(client.lastPosition, 'e1:20');
  assert.equal(seen.states.at(-1), 'connected');
  client.close();
});
