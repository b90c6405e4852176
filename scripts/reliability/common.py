"""Shared parts of the reliability suite: servers as child processes, HTTP, SQL, load clients, results.

Loopback only: every server listens on 127.0.0.1, every database is the embedded one or the local PostgreSQL at
127.0.0.1:5432. Every run is bounded by its own parameters (no step waits without a deadline)."""
import json
import os
import random
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
import base64
from datetime import datetime, timedelta, timezone

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JAR = os.path.join(ROOT, "app", "target", "app-0.1.0-SNAPSHOT.jar")
WORK = os.environ.get("RELIABILITY_WORK", os.path.join(ROOT, "target", "reliability"))
SHANGHAI = timezone(timedelta(hours=8))


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def auth(user):
    return "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode()


def request(port, method, path, user=None, body=None, headers=None, timeout=20):
    """(status, headers, text); status 0 when no answer came (connection refused, reset, timeout)."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    if user:
        req.add_header("Authorization", auth(user))
    if body is not None:
        req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")
    except Exception as e:  # refused, reset, timed out
        return 0, {}, repr(e)


class Server:
    """One application JVM. Embedded PostgreSQL in data_dir unless datasource_url is given."""

    def __init__(self, name, data_dir=None, datasource_url=None, extra=(), heap="512m"):
        self.name, self.data_dir, self.url, self.extra, self.heap = name, data_dir, datasource_url, list(extra), heap
        self.port = free_port()
        self.pg_port = free_port()
        self.proc = None
        os.makedirs(WORK, exist_ok=True)
        self.logfile = os.path.join(WORK, f"{name}.log")

    def start(self):
        args = ["java", f"-Xmx{self.heap}", "-XX:+UseSerialGC", "-jar", JAR,
                f"--server.port={self.port}", "--server.address=127.0.0.1",
                "--axon.eventhandling.processors.letters.initial-segment-count=4",
                f"--letterdesk.event-store.hash-chain.heads.dir={os.path.join(WORK, self.name + '-heads')}",
                "--logging.level.root=WARN", "--logging.level.org.letterdesk=INFO"]
        if self.url:
            args += [f"--spring.datasource.url={self.url}", "--spring.datasource.username=postgres",
                     "--spring.datasource.password="]
        else:
            args += [f"--letterdesk.embedded-db.data-dir={self.data_dir}",
                     f"--letterdesk.embedded-db.port={self.pg_port}"]
        args += self.extra
        out = open(self.logfile, "a")
        out.write(f"\n==== start {datetime.now().isoformat()} ====\n")
        out.flush()
        self.proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=WORK, start_new_session=True)
        return self

    def await_up(self, limit=240):
        deadline = time.time() + limit
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; see {self.logfile}")
            status, _, text = request(self.port, "GET", "/actuator/health", "admin", timeout=5)
            if status == 200 and '"UP"' in text:
                return time.time()
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} not up within {limit}s; see {self.logfile}")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()

    # The embedded PostgreSQL of this server.
    def postmaster_pid(self):
        try:
            with open(os.path.join(self.data_dir, "postmaster.pid")) as f:
                return int(f.readline().strip())
        except (OSError, ValueError):
            return None

    def postgres_pids(self):
        pm = self.postmaster_pid()
        if not pm:
            return []
        children = subprocess.run(["pgrep", "-P", str(pm)], capture_output=True, text=True).stdout.split()
        return [pm] + [int(c) for c in children]

    def sql(self, query, timeout=600):
        if self.url:
            db = self.url.rsplit("/", 1)[1].split("?")[0]
            cmd = ["psql", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", db]
            env = dict(os.environ)
        else:
            with open(os.path.join(self.data_dir, "letterdesk-password")) as f:
                password = f.read().strip()
            port = self.embedded_port()
            cmd = ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres"]
            env = dict(os.environ, PGPASSWORD=password)
        out = subprocess.run(cmd + ["-v", "ON_ERROR_STOP=1", "-At", "-F", "\t", "-c", query], capture_output=True,
                             text=True, env=env, timeout=timeout, cwd=WORK)
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        return [line.split("\t") for line in out.stdout.splitlines() if line]

    def embedded_port(self):
        with open(os.path.join(self.data_dir, "postmaster.pid")) as f:
            lines = f.read().splitlines()
        return int(lines[3])


def registration(marker, received_at=None):
    received = received_at or (datetime.now(SHANGHAI) - timedelta(hours=1)).replace(microsecond=0)
    return {"channel": random.choice(["LETTER", "EMAIL", "PHONE", "VISIT"]),
            "receivedAt": received.isoformat(),
            "sender": {"name": "张三", "phone": "13800138000", "email": "zhang.san@example.com",
                       "address": "上海市浦东新区世纪大道100号"},
            "subject": marker, "coreRequest": "请核实三月份消费积分并补发",
            "category": random.choice(["COMPLAINT", "CONSULTATION", "SUGGESTION"])}


class Ledger:
    """What the clients were told: acknowledged commands and every answer's status over time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.registered = {}    # marker -> letterId (acknowledged registrations)
        self.assigned = set()   # letterIds whose assignment was acknowledged
        self.answers = []       # (time, kind, status, seconds)

    def answer(self, kind, status, seconds):
        with self.lock:
            self.answers.append((time.time(), kind, status, seconds))


class Load:
    """clients threads of mixed load against ports (round robin): register (Idempotency-Key, retried with the same
    key until acknowledged), assign one's own registered letters, read letters and the register."""

    def __init__(self, ledger, command_ports, query_ports, clients=12):
        self.ledger, self.command_ports, self.query_ports, self.clients = ledger, command_ports, query_ports, clients
        self.stop_flag = threading.Event()
        self.threads = []

    def start(self):
        for i in range(self.clients):
            t = threading.Thread(target=self.client, args=(i,), daemon=True)
            t.start()
            self.threads.append(t)
        return self

    def stop(self, finish_pending=60):
        self.stop_flag.set()
        for t in self.threads:
            t.join(timeout=finish_pending)

    def client(self, n):
        rnd = random.Random(n)
        mine = []
        pending = None  # (marker, key) of a registration not yet acknowledged: retried with its key
        while True:
            if self.stop_flag.is_set() and pending is None:
                return
            port = rnd.choice(self.command_ports)
            choice = rnd.random()
            started = time.time()
            if pending is not None or choice < 0.5:
                if pending is None:
                    marker = f"rel-{uuid.uuid4()}"
                    # A retry sends the very same body with the same key (else the key is refused as reused).
                    pending = (marker, str(uuid.uuid4()), registration(marker))
                marker, key, body = pending
                status, _, text = request(port, "POST", "/api/letters", "clerk", body,
                                          {"Idempotency-Key": key}, timeout=30)
                self.ledger.answer("register", status, time.time() - started)
                if status == 201:
                    letter = json.loads(text)["letterId"]
                    with self.ledger.lock:
                        self.ledger.registered[marker] = letter
                    mine.append(letter)
                    pending = None
                elif 400 <= status < 500 and status not in (408, 409, 429):
                    log(f"client {n}: registration refused {status} {text[:200]}")
                    pending = None
                elif self.stop_flag.is_set() and time.time() > self.stop_deadline():
                    return
                else:
                    time.sleep(0.5)
            elif choice < 0.7 and mine:
                letter = mine.pop(0)
                key = str(uuid.uuid4())
                for _ in range(200):
                    status, _, text = request(port, "POST", f"/api/letters/{letter}/assignment", "clerk",
                                              {"department": "BUSINESS", "assignee": "handler"},
                                              {"Idempotency-Key": key}, timeout=30)
                    self.ledger.answer("assign", status, time.time() - started)
                    if status == 200:
                        with self.ledger.lock:
                            self.ledger.assigned.add(letter)
                        break
                    if 400 <= status < 500 and status not in (408, 429):
                        break  # e.g. 404 while a just-registered letter is not yet loadable elsewhere: give up
                    time.sleep(0.5)
                    port = rnd.choice(self.command_ports)
                    if self.stop_flag.is_set():
                        break
            else:
                qport = rnd.choice(self.query_ports)
                status, _, _ = request(qport, "GET", "/api/register?size=5", "supervisor", timeout=30)
                self.ledger.answer("read", status, time.time() - started)

    _deadline = None

    def stop_deadline(self):
        if self._deadline is None:
            self._deadline = time.time() + 120
        return self._deadline


def store_check(server, ledger):
    """Acked vs stored, duplicates and serial gaps, from the event store itself."""
    rows = server.sql("""
        SELECT payload->>'subject', aggregate_identifier, payload->>'serialNo' FROM domain_event_entry
        WHERE payload_type LIKE '%LetterReceived'""")
    by_marker = {}
    serials = []
    for subject, letter, serial in rows:
        by_marker.setdefault(subject, []).append(letter)
        serials.append(serial)
    acked = dict(ledger.registered)
    lost = [m for m, letter in acked.items() if letter not in by_marker.get(m, [])]
    duplicated = sum(len(v) - 1 for v in by_marker.values() if len(v) > 1)
    assigned_rows = server.sql("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                               "WHERE payload_type LIKE '%LetterAssigned'")
    assigned_stored = {r[0] for r in assigned_rows}
    lost_assignments = [a for a in ledger.assigned if a not in assigned_stored]
    gaps = 0
    by_year = {}
    for s in serials:
        if s and "-" in s:
            year, number = s.split("-", 1)
            by_year.setdefault(year, []).append(int(number))
    duplicate_serials = 0
    for year, numbers in by_year.items():
        numbers.sort()
        duplicate_serials += len(numbers) - len(set(numbers))
        gaps += numbers[-1] - len(set(numbers))
    return {"acked_registrations": len(acked), "stored_letters": len(rows), "lost_registrations": len(lost),
            "acked_assignments": len(ledger.assigned), "lost_assignments": len(lost_assignments),
            "duplicated_letters": duplicated, "duplicate_serials": duplicate_serials, "serial_gaps": gaps}


def converge(server, query_port, limit=300):
    """Seconds until the register (query side) lists every letter of the event store."""
    started = time.time()
    while time.time() - started < limit:
        stored = int(server.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%LetterReceived'")[0][0])
        status, _, text = request(query_port, "GET", "/api/register?size=1", "supervisor", timeout=10)
        if status == 200 and json.loads(text)["total"] == stored:
            return round(time.time() - started, 1)
        time.sleep(0.5)
    return None


def verify_chain(port, timeout=600):
    """The whole-store hash chain verification's last line."""
    status, _, text = request(port, "GET", "/api/audit/verify", "auditor", timeout=timeout)
    lines = [json.loads(l) for l in text.splitlines() if l.strip()] if status == 200 else []
    return lines[-1] if lines else {"status": status, "text": text[:300]}


def save(name, result):
    os.makedirs(WORK, exist_ok=True)
    with open(os.path.join(WORK, f"{name}.json"), "w") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
    log(name, json.dumps(result, ensure_ascii=False))
