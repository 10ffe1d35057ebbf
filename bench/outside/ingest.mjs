// Batch ingest measured from outside: Node's own http client posts batches of CloudEvents
// (application/cloudevents-batch+json) to a running USHS node, CONCURRENCY requests in flight on
// keep-alive connections, and reports acknowledged events/s, the ack latency of each request
// (p50/p99) and the node's CPU per event (/proc/PID/stat) over the measured window.
//
//   node ingest.mjs --secret S --server-pid PID [--ingest-port 8081] [--batch 100]
//        [--concurrency 8] [--warmup 20] [--duration 15] [--size 456]
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { readFileSync } from 'node:fs';

const o = { ingestPort: 8081, batch: 100, concurrency: 8, warmup: 20, duration: 15, size: 456 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '').replace(/-(.)/g, (_, c) => c.toUpperCase());
  const value = process.argv[i + 1];
  o[key] = /^\d+$/.test(value) ? Number(value) : value;
}
if (!o.secret || !o.serverPid) {
  console.error('usage: node ingest.mjs --secret S --server-pid PID [options]');
  process.exit(2);
}

function token(secret) {
  const b64 = (s) => Buffer.from(s).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'outside-ingest', iat: now, exp: now + 3600, ushs: { publish: true } };
  const input = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const runTag = `in-${process.pid}-${Date.now()}`;
let next = 0;

function event(n) {
  const head = `{"specversion":"1.0","id":"${runTag}-${n}","source":"/bench/outside-ingest",`
    + `"type":"org.ushs.error.detected","datacontenttype":"application/json",`
    + `"time":"${new Date().toISOString()}","data":{"errorId":"err-${n}","severity":"high",`
    + `"service":"svc-0","summary":"outside ingest load","pad":"`;
  return `${head}${'x'.repeat(Math.max(0, o.size - head.length - 3))}"}}`;
}

function batchBody() {
  const events = [];
  for (let i = 0; i < o.batch; i++) events.push(event(next++));
  return `[${events.join(',')}]`;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
const auth = `Bearer ${token(o.secret)}`;

function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1', port: o.ingestPort, path: '/ushs/v1/events', method: 'POST', agent,
      headers: { 'content-type': 'application/cloudevents-batch+json', authorization: auth,
        'content-length': Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const cpuTicks = () => {
  const fields = readFileSync(`/proc/${o.serverPid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
};

let measuring = false;
let acked = 0;
let failed = 0;
const latencies = [];
let stop = false;

async function lane() {
  while (!stop) {
    const started = process.hrtime.bigint();
    const status = await post(batchBody());
    if (!measuring) continue;
    if (status === 202) {
      acked += o.batch;
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    } else {
      failed++;
    }
  }
}

const lanes = Array.from({ length: o.concurrency }, () => lane());
await new Promise((r) => setTimeout(r, o.warmup * 1000));
const cpu0 = cpuTicks();
const t0 = process.hrtime.bigint();
measuring = true;
await new Promise((r) => setTimeout(r, o.duration * 1000));
measuring = false;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpuMicros = ((cpuTicks() - cpu0) / 100) * 1e6; // clock ticks of 10 ms
stop = true;
await Promise.all(lanes);
agent.destroy();

latencies.sort((a, b) => a - b);
const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : null);
console.log(JSON.stringify({
  ackedEventsPerSecond: Math.round(acked / seconds),
  serverMicrosPerEvent: acked ? Math.round((cpuMicros / acked) * 100) / 100 : null,
  ackP50Ms: at(0.5), ackP99Ms: at(0.99), failedRequests: failed,
  batch: o.batch, concurrency: o.concurrency, seconds: Math.round(seconds * 10) / 10,
}));
