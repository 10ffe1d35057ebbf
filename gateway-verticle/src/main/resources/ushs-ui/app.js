// The live view: one UshsClient fed by the form; events newest first, a deployment's progress,
// gaps and log restarts as rows of their own. The token comes from the field or the URL fragment
// (#token=..., never sent to the server); ?gateways=ws://a/ushs/v1/ws,ws://b/ushs/v1/ws lists
// gateways to rotate through (default: this origin); ?backoffMaxMs= caps the reconnect delay;
// ?from= says where it opens: earliest (everything retained, the newest MAX_ROWS shown), an
// <epoch>:<sequence> position, an event id, or live; by default it resumes after the last event
// this browser showed for these gateways (kept in localStorage), live the first time.
import { UshsClient } from '/ushs/ui/ushs-client.js';

const MAX_ROWS = 500;
const SAVE_EVERY_MS = 1000;
const $ = (id) => document.getElementById(id);
const fragment = new URLSearchParams(location.hash.slice(1));
const query = new URLSearchParams(location.search);
const storageKey = 'ushs-live:' + gateways().join(',');
let client = null;
let received = 0;
let saveTimer = null;

function defaultGateway() {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ushs/v1/ws';
}

function gateways() {
  const listed = fragment.get('gateways') || query.get('gateways');
  return listed ? listed.split(',').map((s) => s.trim()).filter(Boolean) : [defaultGateway()];
}

/** Where the first connection opens: ?from=, else the stored resume point, else live. */
function openingPoint() {
  const from = query.get('from');
  if (from === 'live') return {};
  if (from) return /^[^:\s]+:\d+$/.test(from) ? { lastPosition: from } : { lastEventId: from };
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) || '{}');
    return { lastEventId: stored.lastEventId ?? undefined, lastPosition: stored.lastPosition ?? undefined };
  } catch {
    return {};
  }
}

function saveResumePoint() {
  saveTimer = null;
  if (!client || client.lastEventId == null) return;
  const point = { lastEventId: client.lastEventId, lastPosition: client.lastPosition };
  try {
    localStorage.setItem(storageKey, JSON.stringify(point));
  } catch {
    // storage full or disabled: the next visit opens live
  }
}

function start() {
  const resumeFrom = client ? { lastEventId: client.lastEventId, lastPosition: client.lastPosition } : openingPoint();
  if (client) client.close();
  const token = $('token').value.trim();
  if (!token) return showState({ state: 'stopped', reason: 'no token' });
  const families = [...document.querySelectorAll('input[name=family]:checked')].map((b) => b.value);
  const service = $('service').value.trim();
  const severity = $('severity').value;
  const backoffMaxMs = Number(query.get('backoffMaxMs')) || 60000;
  client = new UshsClient({
    urls: gateways(),
    token,
    subscribe: families.length ? families : ['*'],
    service: service || undefined,
    severity: severity ? severity.split(',') : undefined,
    backoff: { initialMs: Math.min(1000, backoffMaxMs), maxMs: backoffMaxMs },
    ...resumeFrom,
    onEvent: showEvent,
    onState: showState,
    onReplay: showReplay,
    onGap: showGap,
    onEpoch: showEpoch,
    onError: (error) => console.warn('USHS error', error.code, error.message),
  });
  window.ushsClient = client; // for the console
}

function showState(change) {
  const el = $('state');
  el.dataset.state = change.state;
  let text = change.state;
  if (change.code) text += ' (' + change.code + (change.reason ? ' ' + change.reason : '') + ')';
  else if (change.reason) text += ' (' + change.reason + ')';
  if (change.retryInMs != null) text += ', retry in ' + Math.round(change.retryInMs / 100) / 10 + ' s';
  el.textContent = text;
  if (change.url) el.title = change.url;
}

function showReplay(replay) {
  const el = $('replay');
  el.hidden = false;
  el.dataset.recovered = String(replay.recovered);
  el.dataset.count = String(replay.count);
  el.textContent = replay.recovered
    ? 'resumed: ' + replay.count + ' missed event(s) replayed'
    : 'resume incomplete: events may have been missed (recovered:false)';
}

/** A row across the table for what is not an event: a gap, a log restart. */
function notice(kind, text, data) {
  const row = document.createElement('tr');
  row.className = 'notice ' + kind;
  Object.assign(row.dataset, data);
  const td = document.createElement('td');
  td.colSpan = 6;
  td.textContent = text;
  row.appendChild(td);
  addRow(row);
}

function showGap(gap) {
  const range = gap.from === gap.to ? 'event ' + gap.from : 'events ' + gap.from + '..' + gap.to;
  notice('gap', 'missed ' + range + ' (' + gap.count + ', ' + gap.reason + ')', {
    gap: gap.from + '..' + gap.to,
    count: String(gap.count),
    reason: String(gap.reason),
  });
}

function showEpoch(change) {
  notice('epoch', 'the log started over (epoch ' + change.epoch + '): sequences start again', {
    epoch: change.epoch,
    previous: change.previous,
  });
}

function addRow(row) {
  const body = $('events');
  body.insertBefore(row, body.firstChild);
  while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  row.appendChild(td);
}

function showEvent(event) {
  const data = event.data && typeof event.data === 'object' ? event.data : {};
  const row = document.createElement('tr');
  row.dataset.id = event.id;
  row.dataset.sequence = event.sequence;
  if (event.severity) row.dataset.severity = event.severity;
  cell(row, event.sequence);
  cell(row, event.time ? new Date(event.time).toLocaleTimeString() : '');
  cell(row, event.type);
  cell(row, event.service || data.service);
  cell(row, event.severity || data.severity);
  cell(row, data.summary || data.currentPhase || data.description || '');
  addRow(row);
  $('count').textContent = String(++received);
  if (event.type === 'org.ushs.deployment.progress') showProgress(data);
  if (!saveTimer) saveTimer = setTimeout(saveResumePoint, SAVE_EVERY_MS);
}

function showProgress(data) {
  const progress = Math.max(0, Math.min(100, Number(data.progress) || 0));
  $('deployment').hidden = false;
  $('deployment-id').textContent = data.deploymentId || '';
  $('deployment-phase').textContent = data.currentPhase ? '(' + data.currentPhase + ')' : '';
  const bar = $('deployment-bar');
  bar.style.width = progress + '%';
  bar.setAttribute('aria-valuenow', String(progress));
}

$('token').value = fragment.get('token') || '';
addEventListener('pagehide', saveResumePoint);
$('settings').addEventListener('submit', (e) => {
  e.preventDefault();
  start();
});
if ($('token').value) start();
