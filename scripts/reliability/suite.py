#!/usr/bin/env python3
"""The reliability suite (docs/reliability.md). Usage: suite.py crash|outage|nodes|hostile|rebuild|all [options]
Results go to target/reliability/<scenario>.json; logs of every server beside them."""
import argparse
import json
import os
import shutil
import signal
import subprocess
import threading
import time
import uuid

from common import (WORK, Server, Ledger, Load, log, request, store_check, converge, verify_chain, save, free_port)
import hostile


def fresh_dir(name):
    path = os.path.join(WORK, name)
    shutil.rmtree(path, ignore_errors=True)
    return path


def first_ack_after(ledger, since, limit=180):
    deadline = time.time() + limit
    while time.time() < deadline:
        with ledger.lock:
            for at, kind, status, _ in reversed(ledger.answers):
                if at < since:
                    break
                if kind == "register" and status == 201:
                    return round(at - since, 1)
        time.sleep(0.2)
    return None


def crash(args):
    """SIGKILL the server under load, every third time its PostgreSQL too."""
    server = Server("crash", data_dir=fresh_dir("crash-pg")).start()
    server.await_up()
    ledger = Ledger()
    load = Load(ledger, [server.port], [server.port], args.clients).start()
    kills = []
    for i in range(args.kills):
        time.sleep(args.interval)
        with_postgres = i % 3 == 2
        postmaster = server.postmaster_pid()
        killed_at = time.time()
        server.kill()
        if with_postgres and postmaster:
            os.kill(postmaster, signal.SIGKILL)
        log(f"kill {i + 1}: server{' and PostgreSQL' if with_postgres else ''} killed")
        server.start()
        up = server.await_up()
        kills.append({"kill": i + 1, "postgres_too": with_postgres, "seconds_to_up": round(up - killed_at, 1),
                      "seconds_to_first_ack": first_ack_after(ledger, killed_at)})
    time.sleep(args.interval)
    load.stop()
    result = {"clients": args.clients, "kills": kills, "convergence_seconds": converge(server, server.port)}
    result.update(store_check(server, ledger))
    result["answers"] = histogram(ledger.answers)
    result["chain"] = verify_chain(server.port)
    server.stop()
    save("crash", result)


def histogram(answers, since=0.0, until=float("inf")):
    counts = {}
    for at, kind, status, _ in answers:
        if since <= at <= until:
            counts[f"{kind} {status or 'no answer'}"] = counts.get(f"{kind} {status or 'no answer'}", 0) + 1
    return dict(sorted(counts.items()))


def outage(args):
    """The embedded PostgreSQL frozen (SIGSTOP) 20 s and 45 s, then killed, under load."""
    server = Server("outage", data_dir=fresh_dir("outage-pg")).start()
    server.await_up()
    ledger = Ledger()
    load = Load(ledger, [server.port], [server.port], args.clients).start()
    health = []
    stop_health = threading.Event()

    def probe():
        while not stop_health.is_set():
            t = time.time()
            status, _, _ = request(server.port, "GET", "/actuator/health", "admin", timeout=30)
            health.append((t, status, time.time() - t))
            time.sleep(1)

    threading.Thread(target=probe, daemon=True).start()
    phases = []
    for name, seconds in (("frozen 20 s", 20), ("frozen 45 s", 45), ("killed", 0)):
        time.sleep(args.settle)
        pids = server.postgres_pids()
        began = time.time()
        if seconds:
            for pid in pids:
                os.kill(pid, signal.SIGSTOP)
            time.sleep(seconds)
            for pid in pids:
                os.kill(pid, signal.SIGCONT)
        else:
            os.kill(pids[0], signal.SIGKILL)
        ended = time.time()
        recovery = first_ack_after(ledger, ended)
        time.sleep(2)
        during = [a for a in ledger.answers if began <= a[0] <= ended]
        slowest = max((a[3] for a in during), default=0)
        health_during = [h for h in health if began <= h[0] <= ended]
        phases.append({"phase": name, "answers": histogram(ledger.answers, began, ended + (recovery or 0)),
                       "slowest_answer_seconds": round(slowest, 1),
                       "health": {str(s): sum(1 for h in health_during if h[1] == s)
                                  for s in sorted({h[1] for h in health_during})},
                       "slowest_health_seconds": round(max((h[2] for h in health_during), default=0), 1),
                       "seconds_to_first_ack_after": recovery})
        log("phase", phases[-1])
    time.sleep(args.settle)
    load.stop()
    stop_health.set()
    result = {"clients": args.clients, "phases": phases, "convergence_seconds": converge(server, server.port)}
    result.update(store_check(server, ledger))
    result["chain"] = verify_chain(server.port)
    server.stop()
    save("outage", result)


def nodes(args):
    """Two command nodes and two query nodes on the local PostgreSQL; one of each killed under load."""
    db = f"letterdesk_reliability_{int(time.time())}"
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {db}"], check=True,
                   capture_output=True, cwd=WORK)
    url = f"jdbc:postgresql://127.0.0.1:5432/{db}"
    command = ["--letterdesk.query-side.enabled=false", "--letterdesk.command-side.cached-letters=0"]
    query = ["--letterdesk.command-side.enabled=false"]
    c1 = Server("command-1", datasource_url=url, extra=command).start()
    c1.await_up()
    c2 = Server("command-2", datasource_url=url, extra=command).start()
    q1 = Server("query-1", datasource_url=url, extra=query).start()
    q2 = Server("query-2", datasource_url=url, extra=query).start()
    for s in (c2, q1, q2):
        s.await_up()
    ledger = Ledger()
    load = Load(ledger, [c1.port, c2.port], [q1.port, q2.port], args.clients).start()
    time.sleep(args.interval)
    owners_before = c1.sql("SELECT segment, owner FROM token_entry WHERE processor_name = 'letters' ORDER BY 1")
    killed_query_pid = q2.proc.pid
    killed_at = time.time()
    c2.kill()
    q2.kill()
    log("killed command-2 and query-2")
    load.command_ports[:] = [c1.port, c2.port]  # clients keep trying the dead node too, as behind a balancer
    time.sleep(args.interval)
    load.stop()
    convergence = converge(c1, q1.port)
    owners_after = c1.sql("SELECT segment, owner FROM token_entry WHERE processor_name = 'letters' ORDER BY 1")
    projection = c1.sql("""
        WITH stored AS (SELECT aggregate_identifier AS letter_id, max(sequence_number) AS last_sequence
                        FROM domain_event_entry WHERE aggregate_identifier IN
                             (SELECT aggregate_identifier FROM domain_event_entry
                              WHERE payload_type LIKE '%LetterReceived') GROUP BY 1)
        SELECT (SELECT count(*) FROM stored),
               (SELECT count(*) FROM stored s WHERE NOT EXISTS
                    (SELECT 1 FROM register_entry r WHERE r.letter_id = s.letter_id)),
               (SELECT count(*) - count(DISTINCT letter_id) FROM register_entry),
               (SELECT count(*) FROM stored s JOIN letter_view v ON v.letter_id = s.letter_id
                WHERE v.version <> s.last_sequence),
               (SELECT count(*) FROM letter_view) - (SELECT count(*) FROM stored)""")[0]
    result = {"clients": args.clients, "convergence_seconds_after_load": convergence,
              "letters_in_store": int(projection[0]), "register_rows_missing": int(projection[1]),
              "register_rows_duplicated": int(projection[2]), "letter_views_behind_or_ahead": int(projection[3]),
              "letter_views_extra": int(projection[4]),
              "segments_before": owners_before, "segments_after": owners_after,
              "segments_still_held_by_killed_query_node": sum(1 for _, o in owners_after
                                                                if o.startswith(f"{killed_query_pid}@"))}
    result.update(store_check(c1, ledger))
    result["chain"] = verify_chain(c1.port)
    result["answers"] = histogram(ledger.answers)
    for s in (c1, q1):
        s.stop()
    save("nodes", result)
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"DROP DATABASE {db}"], capture_output=True, cwd=WORK)


def hostile_run(args):
    server = Server("hostile", data_dir=fresh_dir("hostile-pg")).start()
    server.await_up()
    result = hostile.run(server.port)
    server.stop()
    save("hostile", result)


def rebuild(args):
    """A store of args.events events (letters made through the API, copied in SQL with new ids), projected by the
    live processor, then rebuilt: every read-model table compared by checksum."""
    db = f"letterdesk_rebuild_{int(time.time())}"
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {db}"], check=True,
                   capture_output=True, cwd=WORK)
    url = f"jdbc:postgresql://127.0.0.1:5432/{db}"
    server = Server("rebuild", datasource_url=url, heap="1g").start()
    server.await_up()
    ledger = Ledger()
    load = Load(ledger, [server.port], [server.port], 12).start()
    time.sleep(args.interval)
    load.stop()
    server.stop()
    base = int(server.sql("SELECT count(*) FROM domain_event_entry")[0][0])
    copies = max(0, args.events // max(base, 1) - 1)
    log(f"{base} events made through the API; copying them {copies} times in SQL")
    started = time.time()
    # Each copy: the same letters' events with new letter and event ids and a serial number of its own year
    # (9000 + copy), stored without a hash like events of an older version (the next start checkpoints them).
    for copy in range(1, copies + 1):
        server.sql(f"""
            WITH letters AS (SELECT DISTINCT aggregate_identifier AS old_id, gen_random_uuid()::text AS new_id
                             FROM domain_event_entry WHERE global_index <= {base}
                               AND payload_type LIKE '%LetterReceived')
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                            time_stamp, payload_type, payload_revision, payload, meta_data)
            SELECT gen_random_uuid()::text, l.new_id, e.sequence_number, e.type, e.time_stamp, e.payload_type,
                   e.payload_revision,
                   regexp_replace(replace(e.payload::text, l.old_id, l.new_id),
                                  '"serialNo": "[0-9]{{4}}-', '"serialNo": "{9000 + copy}-')::jsonb,
                   e.meta_data - 'hash'
            FROM domain_event_entry e JOIN letters l ON l.old_id = e.aggregate_identifier
            ORDER BY e.global_index""")
    total = int(server.sql("SELECT count(*) FROM domain_event_entry")[0][0])
    load_seconds = round(time.time() - started, 1)
    server.start()
    up_started = time.time()
    server.await_up(limit=3600)
    start_seconds = round(time.time() - up_started, 1)
    caught_up = wait_caught_up(server, 7200)
    live = checksums(server)
    started = time.time()
    status, _, text = request(server.port, "POST", "/api/admin/read-models/rebuild", "admin", timeout=60)
    time.sleep(2)
    rebuilt_caught_up = wait_caught_up(server, 7200)
    rebuild_seconds = round(time.time() - started, 1)
    _, _, progress = request(server.port, "GET", "/api/admin/read-models/rebuild", "admin")
    rebuilt = checksums(server)
    differing = sorted(t for t in set(live) | set(rebuilt) if live.get(t) != rebuilt.get(t))
    result = {"events": total, "events_via_api": base, "copies": copies, "sql_copy_seconds": load_seconds,
              "start_seconds_with_checkpoint": start_seconds, "live_projection_seconds": caught_up,
              "rebuild_status": status, "rebuild_seconds": rebuild_seconds, "tables": live,
              "tables_differing": differing, "last_bulk_replay": json.loads(progress).get("lastBulkReplay")}
    server.stop()
    save("rebuild", result)
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"DROP DATABASE {db}"], capture_output=True, cwd=WORK)


NOT_READ_MODELS = {"domain_event_entry", "snapshot_event_entry", "token_entry", "scheduled_tasks",
                   "deadline_schedule", "register_serial", "idempotent_request", "calendar_year",
                   "flyway_schema_history", "event_store_partition", "event_chain_checkpoint", "event_chain_state"}


def checksums(server):
    tables = [r[0] for r in server.sql("""
        SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
        AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'domain_event_entry%' ORDER BY 1""")]
    sums = {}
    for t in tables:
        if t not in NOT_READ_MODELS:
            row = server.sql(f"SELECT count(*), md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) "
                             f"FROM (SELECT t::text AS x FROM {t} t) r")[0]
            sums[t] = f"{row[0]} rows, md5 {row[1]}"
    return sums


def wait_caught_up(server, limit):
    started = time.time()
    while time.time() - started < limit:
        status, _, text = request(server.port, "GET", "/api/admin/read-models/rebuild", "admin", timeout=30)
        if status == 200 and json.loads(text).get("caughtUp"):
            return round(time.time() - started, 1)
        time.sleep(2)
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("scenario", choices=["crash", "outage", "nodes", "hostile", "rebuild", "all"])
    p.add_argument("--clients", type=int, default=12)
    p.add_argument("--kills", type=int, default=6)
    p.add_argument("--interval", type=float, default=25, help="seconds of load between kills")
    p.add_argument("--settle", type=float, default=10, help="seconds of load between outage phases")
    p.add_argument("--events", type=int, default=1_000_000, help="size of the rebuilt store")
    args = p.parse_args()
    for name, fn in (("crash", crash), ("outage", outage), ("nodes", nodes), ("hostile", hostile_run),
                     ("rebuild", rebuild)):
        if args.scenario in (name, "all"):
            log("== scenario", name)
            fn(args)


if __name__ == "__main__":
    main()
