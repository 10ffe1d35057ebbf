// Pure parts of ushs-client.js (node --test web-test/); the connection itself is tested in
// Chromium by BrowserUiTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, closeAction, connectUrl, protocols, retryAfterMs } from '../web/ushs-client.js';

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
