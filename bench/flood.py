#!/usr/bin/env python3
"""Heap and file descriptors of one node under a hostile flood (issue 15), before and after.

Starts one node (all roles) from a given jar on loopback, samples its live heap (after a full GC,
through jcmd) and its open file descriptors (/proc/PID/fd) at rest, during a flood and after the
flood ended, and probes /health/ready (publish port) and a WebSocket handshake (gateway) while it
runs, from an address the flood does not use. Standard library only; run as the node's user (jcmd attaches to it).

  bench/flood.py subscriptions --jar app/target/ushs.jar --label after
      a few authenticated connections each sending `subscribe` commands of many distinct full
      type names until refused (then fewer names per command, down to one) or --commands
  bench/flood.py idle --jar app/target/ushs.jar --label after
      many TCP sockets from several loopback addresses, to both ports (--to-gateway of them to the
      gateway), that never finish a request head or a handshake (half send nothing, half an
      unfinished head), held --hold seconds

One table row per phase on stdout, and a JSON line per run with --json FILE.
"""

import argparse
import base64
import hashlib
import hmac
import http.client
import json
import os
import re
import resource
import socket
import struct
import subprocess
import sys
import threading
import time

MAX_FRAME = 64 * 1024
# the probes' source address: never one of the flood's (127.0.0.1 up to --addresses)
PROBE = "127.0.0.254"
LOCK = threading.Lock()


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(secret, subject):
    now = int(time.time())
    header = b64(b'{"alg":"HS256","typ":"JWT"}')
    claims = b64(json.dumps({"sub": subject, "iat": now, "exp": now + 3600,
                             "ushs": {"publish": False}}).encode())
    signature = hmac.new(secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{b64(signature)}"


# --- the node ------------------------------------------------------------------------------------

class Node:
    def __init__(self, args):
        self.args = args
        self.secret = "flood-" + os.urandom(24).hex()
        env = dict(os.environ,
                   USHS_JWT_SECRET=self.secret, USHS_HTTP_HOST="127.0.0.1",
                   USHS_GATEWAY_PORT=str(args.gateway_port), USHS_INGEST_PORT=str(args.ingest_port),
                   USHS_CLUSTER_HOST="127.0.0.1", USHS_CLUSTER_PORT=str(args.cluster_port),
                   USHS_CLUSTER_NAME=f"flood-{os.getpid()}")
        limit = args.node_fds

        def fd_limit():
            resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

        self.log = open(args.log, "w")
        self.proc = subprocess.Popen(
            ["java", f"-Xmx{args.heap}", "-jar", args.jar], env=env, stdout=self.log,
            stderr=subprocess.STDOUT, preexec_fn=fd_limit)
        self.pid = self.proc.pid
        deadline = time.time() + 120
        while not self.ready(2):
            if self.proc.poll() is not None or time.time() > deadline:
                raise SystemExit(f"node did not get ready; see {args.log}")
            time.sleep(0.5)

    def ready(self, timeout):
        connection = http.client.HTTPConnection("127.0.0.1", self.args.ingest_port,
                                                timeout=timeout, source_address=(PROBE, 0))
        try:
            connection.request("GET", "/health/ready")
            return connection.getresponse().status == 200
        except Exception:
            return False
        finally:
            connection.close()

    def fds(self):
        try:
            return len(os.listdir(f"/proc/{self.pid}/fd"))
        except OSError:
            return -1

    def live_heap_mib(self):
        """Heap used after a full GC (what the node holds), in MiB; -1 when jcmd fails."""
        try:
            subprocess.run(["jcmd", str(self.pid), "GC.run"], capture_output=True, timeout=60)
            info = subprocess.run(["jcmd", str(self.pid), "GC.heap_info"], capture_output=True,
                                  text=True, timeout=60).stdout
            used = re.search(r"used (\d+)K", info)
            return int(used.group(1)) // 1024 if used else -1
        except subprocess.TimeoutExpired:
            return -1

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


# --- a minimal WebSocket client (frames masked with the zero mask) ---------------------------------

class Ws:
    def __init__(self, port, bearer, timeout=30, source="127.0.0.1"):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                             source_address=(source, 0))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /ushs/v1/ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                           "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nAuthorization: Bearer {bearer}\r\n\r\n")
                          .encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed during the upgrade")
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 101"):
            raise ConnectionError(head.split(b"\r\n")[0].decode())

    def send_text(self, text):
        payload = text.encode()
        n = len(payload)
        if n < 126:
            header = struct.pack("!BB", 0x81, 0x80 | n)
        elif n < 65536:
            header = struct.pack("!BBH", 0x81, 0x80 | 126, n)
        else:
            header = struct.pack("!BBQ", 0x81, 0x80 | 127, n)
        self.sock.sendall(header + b"\0\0\0\0" + payload)

    def _need(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("closed")
            self.buffer += chunk

    def receive(self):
        """The next text message; a close frame raises with its code."""
        while True:
            self._need(2)
            opcode, length = self.buffer[0] & 0x0F, self.buffer[1] & 0x7F
            at = 2
            if length == 126:
                self._need(4)
                length, at = struct.unpack("!H", self.buffer[2:4])[0], 4
            elif length == 127:
                self._need(10)
                length, at = struct.unpack("!Q", self.buffer[2:10])[0], 10
            self._need(at + length)
            payload, self.buffer = self.buffer[at:at + length], self.buffer[at + length:]
            if opcode == 0x8:
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                raise ConnectionError(f"closed {code} {payload[2:].decode(errors='replace')}")
            if opcode == 0x9:
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + b"\0\0\0\0" + payload)
            elif opcode == 0x1:
                return payload.decode()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def handshake_ok(node, timeout=3):
    try:
        Ws(node.args.gateway_port, token(node.secret, "probe"), timeout, PROBE).close()
        return True
    except Exception:
        return False


# --- the floods ----------------------------------------------------------------------------------

def names_per_command(name_length=len("org.ushs.error.") + 8):
    # each name costs its length, two quotes and a comma; the rest of the command stays small
    return (MAX_FRAME - 200) // (name_length + 3)


def subscribe_flood(node, args, tally, stop):
    """One connection: commands of `size` distinct names; on a refusal, half the size, down to 1."""
    with LOCK:
        index = tally["connections"] = tally.get("connections", 0) + 1
    ws = Ws(args.gateway_port, token(node.secret, f"flood-{index}"), timeout=120)
    size = min(args.selectors, names_per_command())
    sent = named = 0
    try:
        while sent < args.commands and size >= 1 and not stop.is_set():
            names = [f"org.ushs.error.{index:x}{named + i:07x}" for i in range(size)]
            named += size
            ws.send_text(json.dumps({"command": "subscribe", "eventTypes": names,
                                     "filters": {"service": f"svc-{sent}"}},
                                    separators=(",", ":")))
            reply = json.loads(ws.receive())
            sent += 1
            if reply.get("type") == "subscribed":
                tally["held"] += size
                tally["accepted"] += 1
            else:
                tally["refused"] += 1
                tally["last refusal"] = reply.get("message", str(reply))[:80]
                size //= 2
    except Exception as failure:
        tally["closed"] = str(failure)[:80]
    with LOCK:
        tally["done"] = tally.get("done", 0) + 1
    stop.wait()
    ws.close()


def idle_flood(args, sockets, stop):
    """Sockets to both ports from several source addresses, never finishing a head or handshake."""
    to_gateway = int(args.sockets * args.to_gateway)
    per_port = {args.ingest_port: args.sockets - to_gateway, args.gateway_port: to_gateway}
    n = 0
    for port, count in per_port.items():
        for i in range(count):
            if stop.is_set():
                return
            source = f"127.0.0.{1 + n % args.addresses}"
            n += 1
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=5,
                                             source_address=(source, 0))
                if i % 2:
                    path = "/ushs/v1/events" if port == args.ingest_port else "/ushs/v1/ws"
                    s.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\n".encode())
                sockets.append(s)
            except OSError:
                sockets.append(None)


def still_open(sockets):
    """How many flood sockets the node has not closed (a closed one reads EOF or an error)."""
    open_count = 0
    for s in sockets:
        if s is None:
            continue
        try:
            s.setblocking(False)
            data = s.recv(4096)
            open_count += 0 if data == b"" else 1  # an answer (429) with the socket still open
        except BlockingIOError:
            open_count += 1
        except OSError:
            pass
    return open_count


# --- the run -------------------------------------------------------------------------------------

def sample(node, phase, extra):
    row = {"phase": phase, "t": round(time.time() - START, 1), "fds": node.fds(),
           "heap MiB": node.live_heap_mib(), "ready": node.ready(3),
           "handshake": handshake_ok(node)}
    row.update(extra() if extra else {})
    print("  " + "  ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["subscriptions", "idle"])
    parser.add_argument("--jar", default="app/target/ushs.jar")
    parser.add_argument("--label", default="")
    parser.add_argument("--json")
    parser.add_argument("--heap", default="2g", help="the node's -Xmx")
    parser.add_argument("--node-fds", type=int, default=4096, help="the node's open-files limit")
    parser.add_argument("--gateway-port", type=int, default=28180)
    parser.add_argument("--ingest-port", type=int, default=28181)
    parser.add_argument("--cluster-port", type=int, default=25801)
    parser.add_argument("--log", default="/tmp/flood-node.log")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--commands", type=int, default=950)
    parser.add_argument("--selectors", type=int, default=2700)
    parser.add_argument("--sockets", type=int, default=4000)
    parser.add_argument("--addresses", type=int, default=20)
    parser.add_argument("--to-gateway", type=float, default=0.25,
                        help="the share of the idle sockets that go to the gateway port")
    parser.add_argument("--hold", type=float, default=30)
    parser.add_argument("--every", type=float, default=5)
    args = parser.parse_args()
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    node = Node(args)
    rows = []
    stop = threading.Event()
    try:
        time.sleep(2)
        rows.append(sample(node, "rest", None))
        if args.kind == "subscriptions":
            tally = {"accepted": 0, "refused": 0, "held": 0}
            threads = [threading.Thread(target=subscribe_flood, args=(node, args, tally, stop),
                                        daemon=True) for _ in range(args.connections)]
            extra = lambda: dict(tally)  # noqa: E731
        else:
            sockets = []
            threads = [threading.Thread(target=idle_flood, args=(args, sockets, stop), daemon=True)]
            extra = lambda: {"opened": sum(s is not None for s in sockets),  # noqa: E731
                             "still open": still_open(sockets)}
        for thread in threads:
            thread.start()
        end = time.time() + args.hold
        while time.time() < end and (args.kind == "idle"
                                     or extra().get("done", 0) < args.connections):
            time.sleep(args.every)
            rows.append(sample(node, "flood", extra))
        rows.append(sample(node, "flood end", extra))
        stop.set()
        for thread in threads:
            thread.join(30)
        if args.kind == "idle":
            for s in sockets:
                if s is not None:
                    s.close()
        time.sleep(5)
        rows.append(sample(node, "after", extra if args.kind == "subscriptions" else None))
    finally:
        stop.set()
        node.stop()
    if args.json:
        with open(args.json, "a") as out:
            out.write(json.dumps({"kind": args.kind, "label": args.label, "jar": args.jar,
                                  "rows": rows}) + "\n")


START = time.time()

if __name__ == "__main__":
    sys.exit(main())
