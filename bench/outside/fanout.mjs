// An outside measurement of fan-out at a fixed offered rate, with Node's `ws` client rather than
// the project's Java generator: N WebSocket subscribers on USHS or on nats-server (websocket
// listener), one publisher at a fixed rate with a bounded number of publishes in flight, and the
// server process's CPU per delivery from /proc. Prints one JSON line and one human line.
//
//   node fanout.mjs --server ushs --token JWT --server-pid PID [--gateway-port 19082 --ingest-port 19083]
//   node fanout.mjs --server nats --server-pid PID [--nats-ws-port 19081 --nats-port 19080]
//
// Other options (defaults): --subscribers 1000 --rate 500 --duration 20 --warmup 5 --inflight 16
// --workers 2 (subscriber threads) --local-addresses 1 (1-4: spread over 127.0.0.1-4) --drain 5
// (seconds without progress before the count ends) --secret S (mints the USHS token) --label TEXT
// --run-tag T (event ids are T-n-micros; random by default, the USHS server dedupes by id)
// --services S (0: every subscriber takes every event; S > 0: selective fan-out, event n names
// service svc-(n mod S) and subscriber k takes svc-(k mod S) only: a USHS service filter, a NATS
// subject per service; each event then goes to subscribers/S of them).
//
// Subscribers run in worker threads (--workers) so that the client is not the bottleneck: a
// delivery is inspected without JSON.parse (the event id and publish time are found by byte search).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';

const SUBJECT = 'ushs.events';
const EVENT_SIZE = 435; // as published; USHS splices in "sequence":"N", (about 456 delivered)
const LAT_BUCKET_US = 10;
const LAT_BUCKETS = 200_000; // 10 µs resolution up to 2 s, then one overflow bucket

const nowMicros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

// ---------------------------------------------------------------------------------------- options

function parseArgs(argv) {
  const o = {
    server: null, subscribers: 1000, rate: 500, duration: 20, warmup: 5, inflight: 16,
    serverPid: null, gatewayPort: 19082, ingestPort: 19083, natsWsPort: 19081, natsPort: 19080,
    token: null, secret: null, runTag: '', localAddresses: 1, workers: 2, drain: 5, label: '',
    services: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (!name.startsWith('--')) die(`unexpected argument '${name}'`);
    const key = name.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in o)) die(`unknown option ${name}`);
    const value = argv[++i];
    if (value === undefined) die(`${name} needs a value`);
    o[key] = typeof o[key] === 'number' || ['serverPid'].includes(key) ? Number(value) : value;
    if (Number.isNaN(o[key])) die(`${name} must be a number, got '${value}'`);
  }
  if (o.server !== 'ushs' && o.server !== 'nats') die('--server ushs|nats is required');
  if (!o.serverPid) die('--server-pid PID is required (the server process whose CPU is sampled)');
  if (o.server === 'ushs' && !o.token && !o.secret) die('--token JWT (or --secret S to mint one) is required for ushs');
  if (o.server === 'ushs' && !o.token) o.token = mintToken(o.secret);
  if (o.localAddresses < 1 || o.localAddresses > 4) die('--local-addresses must be 1..4');
  if (o.services < 0 || o.services > o.subscribers) die('--services must be 0..subscribers');
  o.workers = Math.max(1, Math.min(o.workers, o.subscribers));
  return o;
}

function die(message) {
  console.error(`fanout: ${message}`);
  process.exit(2);
}

/** An HS256 JWT with subscribe (every type) and publish permissions, 12 h of life. */
function mintToken(secret) {
  const b64 = (s) => Buffer.from(s).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'outside-bench', iat: now, exp: now + 12 * 3600, ushs: { publish: true } };
  const input = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

// ----------------------------------------------------------------------------------------- events

/**
 * Event n: a valid org.ushs.error.detected CloudEvent of EVENT_SIZE bytes. Its id is
 * `<runTag>-<n>-<sentAtMicros>` so that a subscriber reads both from one short scan near the start.
 */
function eventBytes(runTag, n, sentAtMicros, services) {
  const service = serviceOf(n, services);
  const head = `{"specversion":"1.0","id":"${runTag}-${n}-${sentAtMicros}","source":"/bench/outside","type":"org.ushs.error.detected",`
    + `"datacontenttype":"application/json","time":"${new Date().toISOString()}","service":"${service}",`
    + `"severity":"high","data":{"errorId":"err-${n}","severity":"high","service":"${service}",`
    + `"summary":"outside bench load","sentAtMicros":${sentAtMicros},"pad":"`;
  const pad = Math.max(0, EVENT_SIZE - head.length - 3);
  return Buffer.from(`${head}${'x'.repeat(pad)}"}}`, 'ascii');
}

/** The service of event n, or the one subscriber k takes (svc-0 for all when not selective). */
const serviceOf = (k, services) => `svc-${services > 0 ? k % services : 0}`;

/** Whether subscriber k is meant to get event n. */
const wants = (k, n, services) => services === 0 || k % services === n % services;

/** The NATS subject of a service (one subject for all when not selective). */
const subjectOf = (service, services) => (services > 0 ? `${SUBJECT}.${service}` : SUBJECT);

// ------------------------------------------------------------------------------------------- main

async function main(o) {
  const runTag = o.runTag || `o${randomBytes(4).toString('hex')}`;
  const maxEvents = Math.ceil(o.rate * (o.warmup + o.duration) * 1.2) + 1000;
  const counters = new Int32Array(new SharedArrayBuffer(4 * o.workers)); // deliveries per worker
  const workers = startWorkers(o, runTag, maxEvents, counters);
  await Promise.all(workers.map((w) => w.ready));
  await sleep(1000); // subscriptions settle before the first event

  const publisher = o.server === 'ushs' ? await httpPublisher(o) : await natsPublisher(o);
  const clkTck = Number(execSync('getconf CLK_TCK').toString().trim());
  const total = () => counters.reduce((a, b) => a + b, 0);
  const plan = { runTag, rate: o.rate, inflight: o.inflight, maxEvents, services: o.services };
  const window = {};
  const onWindowStart = (n) => {
    window.firstN = n;
    window.t0 = performance.now();
    window.cpu0 = serverCpuTicks(o.serverPid);
    window.client0 = process.cpuUsage();
    window.delivered0 = total();
    for (const { worker } of workers) worker.postMessage({ type: 'window', firstN: n });
  };
  const result = await publishAtRate(publisher, plan, o.warmup, o.duration, onWindowStart);
  window.t1 = performance.now();
  window.cpu1 = serverCpuTicks(o.serverPid);
  window.client1 = process.cpuUsage(window.client0);
  window.delivered1 = total();

  const perEvent = o.services > 0 ? o.subscribers / o.services : o.subscribers;
  await drain(total, Math.floor(result.acked.length * perEvent), o.drain);
  const stats = await collect(workers, window.firstN, result.published, result.ackedSet);
  publisher.close();
  const out = report(o, clkTck, window, result, stats);
  const failed = out.publishErrors > 0 || out.closedSubscribers > 0 || out.deliveriesPerSecond === 0;
  if (failed) console.error('fanout: the run is not valid (publish errors, closed subscribers or no deliveries)');
  process.exit(failed ? 1 : 0);
}

function startWorkers(o, runTag, maxEvents, counters) {
  const workers = [];
  for (let w = 0; w < o.workers; w++) {
    const count = Math.floor(o.subscribers / o.workers) + (w < o.subscribers % o.workers ? 1 : 0);
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { ...o, index: w, count, firstIndex: workers.reduce((a, x) => a + x.count, 0),
        runTag, maxEvents, counters },
    });
    const entry = { worker, count };
    entry.ready = new Promise((resolve, reject) => {
      worker.once('message', (m) => (m.type === 'ready' ? resolve() : reject(new Error(m.error))));
      worker.once('error', reject);
    });
    workers.push(entry);
  }
  return workers;
}

/** Waits until the subscribers hold every expected delivery, or no progress for `seconds`. */
async function drain(total, target, seconds) {
  let last = total();
  let still = 0;
  while (total() < target && still < seconds * 10) {
    await sleep(100);
    const now = total();
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

async function collect(workers, firstN, published, ackedSet) {
  const acked = Uint8Array.from(ackedSet);
  const parts = await Promise.all(workers.map(({ worker }) => new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage({ type: 'collect', firstN, published, acked });
  })));
  const hist = new Float64Array(LAT_BUCKETS + 1);
  const sum = { delivered: 0, lost: 0, dup: 0, ooo: 0, closed: 0, errors: [] };
  for (const p of parts) {
    for (const k of ['delivered', 'lost', 'dup', 'ooo', 'closed']) sum[k] += p[k];
    sum.errors.push(...p.errors);
    sum.deliveredBytes ||= p.frameBytes;
    p.hist.forEach((c, i) => { hist[i] += c; });
  }
  sum.p50 = percentile(hist, 0.5);
  sum.p99 = percentile(hist, 0.99);
  sum.max = percentile(hist, 1);
  await Promise.all(workers.map(({ worker }) => worker.terminate()));
  return sum;
}

function percentile(hist, q) {
  const total = hist.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= q * total) return ((i + 1) * LAT_BUCKET_US) / 1000; // ms, upper bound of bucket
  }
  return null;
}

function report(o, clkTck, w, r, s) {
  const seconds = (w.t1 - w.t0) / 1000;
  const delivered = w.delivered1 - w.delivered0;
  const cpuMicros = ((w.cpu1.all - w.cpu0.all) / clkTck) * 1e6;
  const systemMicros = ((w.cpu1.system - w.cpu0.system) / clkTck) * 1e6;
  const clientCpu = (w.client1.user + w.client1.system) / 1e6;
  const out = {
    server: o.server, label: o.label, subscribers: o.subscribers, offeredRate: o.rate,
    publishRate: round((r.published - w.firstN) / seconds, 1), windowSeconds: round(seconds, 2),
    deliveriesPerSecond: round(delivered / seconds, 0),
    serverCpuSeconds: round(cpuMicros / 1e6, 3),
    serverMicrosPerDelivery: delivered ? round(cpuMicros / delivered, 3) : null,
    serverSystemMicrosPerDelivery: delivered ? round(systemMicros / delivered, 3) : null,
    clientCpuPerSecond: round(clientCpu / seconds, 2),
    publishedEventBytes: EVENT_SIZE, deliveredBytes: s.deliveredBytes,
    p50Ms: s.p50, p99Ms: s.p99, maxMs: s.max,
    lost: s.lost, duplicated: s.dup, outOfOrder: s.ooo,
    publishErrors: r.errors, maxPublishBacklog: r.behind, closedSubscribers: s.closed,
    subscriberErrors: s.errors.slice(0, 3),
    loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  };
  console.log(JSON.stringify(out));
  console.log(`${o.server}: ${o.subscribers} subscribers, offered ${o.rate}/s (published ${out.publishRate}/s): `
    + `${out.deliveriesPerSecond} deliveries/s, server ${out.serverMicrosPerDelivery} µs/delivery `
    + `(kernel ${out.serverSystemMicrosPerDelivery}), `
    + `p50 ${s.p50} ms, p99 ${s.p99} ms, lost ${s.lost}, dup ${s.dup}, ooo ${s.ooo}`
    + `${r.errors ? `, publish errors ${r.errors}` : ''}${s.closed ? `, closed ${s.closed}` : ''}`
    + ` (client CPU ${out.clientCpuPerSecond} cores)`);
  return out;
}

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A process's CPU time in clock ticks: all of it (utime + stime, fields 14 and 15 of
 * /proc/PID/stat) and the system part alone (the kernel's work on its behalf: its socket I/O).
 */
function serverCpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { all: Number(fields[11]) + Number(fields[12]), system: Number(fields[12]) };
}

// -------------------------------------------------------------------------------------- publishing

/**
 * Publishes event 0, 1, 2, ... at `rate` per second (the schedule is fixed: a publish that cannot
 * start because `inflight` are outstanding starts as soon as one is acked, and counts as behind).
 * Calls onWindowStart(n) at the first publish after `warmup` seconds; stops after `duration` more.
 */
async function publishAtRate(publisher, plan, warmup, duration, onWindowStart) {
  const ackedSet = new Uint8Array(plan.maxEvents);
  const acked = [];
  let published = 0; let outstanding = 0; let errors = 0; let behind = 0; let started = false;
  const t0 = performance.now();
  const end = t0 + (warmup + duration) * 1000;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (!started && now - t0 >= warmup * 1000) { started = true; onWindowStart(published); }
      const due = Math.min(plan.maxEvents, Math.floor(((Math.min(now, end) - t0) / 1000) * plan.rate));
      behind = Math.max(behind, due - published);
      while (published < due && outstanding < plan.inflight) {
        const n = published++;
        outstanding++;
        publisher.send(eventBytes(plan.runTag, n, nowMicros(), plan.services), serviceOf(n, plan.services)).then(
          () => { ackedSet[n] = 1; acked.push(n); },
          () => { errors++; },
        ).finally(() => { outstanding--; });
      }
      if (now >= end && published >= due) {
        const wait = () => (outstanding === 0 ? resolve() : setTimeout(wait, 2));
        wait();
      } else {
        setTimeout(tick, 1);
      }
    };
    tick();
  });
  return { published, acked, ackedSet, errors, behind };
}

/** USHS: structured CloudEvents by HTTP POST on kept-alive connections, acked by 202. */
async function httpPublisher(o) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.inflight });
  const send = (body) => new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: o.ingestPort, path: '/ushs/v1/events', method: 'POST', agent,
      headers: { 'content-type': 'application/cloudevents+json', authorization: `Bearer ${o.token}`,
        'content-length': body.length },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode === 202) resolve();
        else {
          if (!send.reported) { send.reported = true; console.error(`publish: ${res.statusCode} ${Buffer.concat(chunks)}`); }
          reject(new Error(String(res.statusCode)));
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
  return { send, close: () => agent.destroy() };
}

/** NATS: PUB then PING on one TCP connection; the PONG that follows acks the publish. */
async function natsPublisher(o) {
  const socket = net.connect({ host: '127.0.0.1', port: o.natsPort });
  socket.setNoDelay(true);
  const waiting = [];
  let buffered = '';
  let connected;
  const ready = new Promise((resolve, reject) => { connected = resolve; socket.once('error', reject); });
  socket.on('data', (chunk) => {
    buffered += chunk.toString('latin1');
    let eol;
    while ((eol = buffered.indexOf('\r\n')) >= 0) {
      const line = buffered.slice(0, eol);
      buffered = buffered.slice(eol + 2);
      if (line.startsWith('INFO')) {
        socket.write('CONNECT {"verbose":false,"pedantic":false}\r\n');
        connected();
      } else if (line === 'PING') socket.write('PONG\r\n');
      else if (line === 'PONG') waiting.shift()?.resolve();
      else if (line.startsWith('-ERR')) waiting.shift()?.reject(new Error(line));
    }
  });
  await ready;
  const send = (body, service) => new Promise((resolve, reject) => {
    waiting.push({ resolve, reject });
    const subject = subjectOf(service, o.services);
    socket.write(Buffer.concat([Buffer.from(`PUB ${subject} ${body.length}\r\n`), body, Buffer.from('\r\nPING\r\n')]));
  });
  return { send, close: () => socket.destroy() };
}

// ------------------------------------------------------------------------------------- subscribers

async function runWorker(d) {
  const subs = [];
  const hist = new Float64Array(LAT_BUCKETS + 1);
  const ctx = { d, hist, errors: [], closed: 0, windowFirst: Infinity };
  const idPrefix = Buffer.from(`"id":"${d.runTag}-`);
  const seqKey = Buffer.from('{"sequence":"');
  try {
    for (let i = 0; i < d.count; i += 50) {
      const batch = [];
      for (let j = i; j < Math.min(d.count, i + 50); j++) {
        const sub = newSubscriber(ctx, d.firstIndex + j, { idPrefix, seqKey });
        subs.push(sub);
        batch.push(sub.open);
      }
      await Promise.all(batch);
    }
    parentPort.postMessage({ type: 'ready' });
  } catch (e) {
    parentPort.postMessage({ type: 'failed', error: `worker ${d.index}: ${e.message}` });
    return;
  }
  parentPort.on('message', (m) => {
    if (m.type === 'window') ctx.windowFirst = m.firstN;
    if (m.type !== 'collect') return;
    const totals = { delivered: 0, lost: 0, dup: 0, ooo: 0 };
    for (const s of subs) {
      for (let n = m.firstN; n < m.published; n++) {
        if (m.acked[n] && wants(s.k, n, d.services) && !s.seen[n]) totals.lost++;
      }
      totals.dup += s.dup;
      totals.ooo += s.ooo;
      totals.delivered += s.count;
    }
    parentPort.postMessage({ ...totals, closed: ctx.closed, errors: ctx.errors, hist, frameBytes: ctx.frameBytes });
  });
}

function newSubscriber(ctx, k, keys) {
  const { d } = ctx;
  const localAddress = `127.0.0.${(k % d.localAddresses) + 1}`;
  // dup counts deliveries a subscriber should not have had: twice, or of another service
  const sub = { k, seen: new Uint8Array(d.maxEvents), lastOrder: -1, dup: 0, ooo: 0, count: 0 };
  const onEvent = (buf, start, end, order) => {
    const at = find(buf, keys.idPrefix, start, Math.min(end, start + ID_SCAN));
    if (at < 0) return false; // a control message (subscribed, pong, ...), not an event
    const n = readNumber(buf, at + keys.idPrefix.length, end);
    const sent = readNumber(buf, numberEnd + 1, end);
    if (n < 0 || n >= d.maxEvents || sent < 0) return false;
    if (order === undefined) order = n;
    if (sub.seen[n] || !wants(k, n, d.services)) sub.dup++;
    else {
      sub.seen[n] = 1;
      if (order < sub.lastOrder) sub.ooo++;
    }
    sub.lastOrder = Math.max(sub.lastOrder, order);
    sub.count++;
    Atomics.add(d.counters, d.index, 1);
    if (n >= ctx.windowFirst) {
      const us = nowMicros() - sent;
      ctx.hist[Math.min(LAT_BUCKETS, Math.max(0, Math.floor(us / LAT_BUCKET_US)))]++;
    }
    return true;
  };
  let ws;
  if (d.server === 'ushs') {
    const filter = d.services > 0 ? `&service=${serviceOf(k, d.services)}` : '';
    ws = new WebSocket(`ws://127.0.0.1:${d.gatewayPort}/ushs/v1/ws?subscribe=error${filter}`, {
      headers: { authorization: `Bearer ${d.token}` }, localAddress, perMessageDeflate: false, skipUTF8Validation: true,
    });
    ws.on('message', (buf) => {
      const sequenced = find(buf, keys.seqKey, 0, keys.seqKey.length) === 0;
      if (onEvent(buf, 0, buf.length, sequenced ? readNumber(buf, keys.seqKey.length, buf.length) : undefined)) {
        ctx.frameBytes ||= buf.length;
      }
    });
  } else {
    ws = new WebSocket(`ws://127.0.0.1:${d.natsWsPort}/`, { localAddress, perMessageDeflate: false, skipUTF8Validation: true });
    const parser = natsParser(ws, subjectOf(serviceOf(k, d.services), d.services), (buf, start, end, bytes) => {
      ctx.frameBytes ||= bytes;
      onEvent(buf, start, end, undefined);
    });
    ws.on('message', parser);
  }
  sub.open = new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.on('error', (e) => { if (ctx.errors.length < 5) ctx.errors.push(`subscriber ${k}: ${e.message}`); });
  ws.on('close', (code, reason) => {
    ctx.closed++;
    if (ctx.errors.length < 5) ctx.errors.push(`subscriber ${k} closed ${code} ${reason}`);
  });
  return sub;
}

const ID_SCAN = 160; // the id lies within the first bytes of an event (after USHS's sequence and epoch)
let numberEnd = 0; // where the last readNumber stopped

/** The decimal digits at buf[at..] (up to end), or -1 if none; sets numberEnd. */
function readNumber(buf, at, end) {
  let v = -1;
  let i = at;
  for (; i < end; i++) {
    const c = buf[i];
    if (c < 48 || c > 57) break;
    v = (v < 0 ? 0 : v * 10) + (c - 48);
  }
  numberEnd = i;
  return v;
}

/** The first index of needle in buf[from..limit) (the match may run past limit), or -1. */
function find(buf, needle, from, limit) {
  const first = needle[0];
  const last = Math.min(limit, buf.length - needle.length);
  outer: for (let i = from; i <= last; i++) {
    if (buf[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The NATS text protocol over websocket frames (which may split or join protocol messages):
 * INFO -> CONNECT + SUB, PING -> PONG, MSG -> onMessage(buf, payloadStart, payloadEnd).
 */
function natsParser(ws, subject, onMessage) {
  let pending = null;
  return (chunk) => {
    let buf = pending ? Buffer.concat([pending, chunk]) : chunk;
    let pos = 0;
    pending = null;
    for (;;) {
      const eol = buf.indexOf(13, pos); // CR, then LF
      if (eol < 0 || eol + 1 >= buf.length) break;
      const op = buf[pos];
      if (op === 77 || op === 109) { // MSG <subject> <sid> [reply] <bytes>
        const line = buf.toString('latin1', pos, eol);
        const size = Number(line.slice(line.lastIndexOf(' ') + 1));
        if (eol + 2 + size + 2 > buf.length) break;
        onMessage(buf, eol + 2, eol + 2 + size, eol + 2 + size + 2 - pos);
        pos = eol + 2 + size + 2;
        continue;
      }
      const line = buf.toString('latin1', pos, eol);
      if (line.startsWith('INFO')) ws.send(`CONNECT {"verbose":false,"pedantic":false}\r\nSUB ${subject} 1\r\n`);
      else if (line === 'PING') ws.send('PONG\r\n');
      else if (line.startsWith('-ERR')) console.error(`nats: ${line}`);
      pos = eol + 2;
    }
    if (pos < buf.length) pending = buf.subarray(pos);
  };
}

// the entry point last: top-level await would otherwise run before the constants above exist
if (isMainThread) {
  await main(parseArgs(process.argv.slice(2)));
} else {
  await runWorker(workerData);
}
