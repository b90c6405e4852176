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


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def rebuild(args):
    """A store of at least args.events events (letters made through the API, copied in SQL with new ids), projected
    by the live processor, then rebuilt: every read-model table compared by checksum."""
    db = f"letterdesk_rebuild_{int(time.time())}"
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {db}"], check=True,
                   capture_output=True, cwd=WORK)
    url = f"jdbc:postgresql://127.0.0.1:5432/{db}"
    server = Server("rebuild", datasource_url=url, heap="1g").start()
    server.await_up(limit=args.start_limit)
    ledger = Ledger()
    load = Load(ledger, [server.port], [server.port], args.clients).start()
    time.sleep(args.interval)
    # At most 999 copies (their serial years are 9001..9999): the load goes on until the store has enough to copy.
    while letter_events(server) * 1000 < args.events:
        time.sleep(5)
    load.stop()
    server.stop()
    loads = {"before_copy": load_average()}
    copied, copy_seconds = copy_letters(server, args.events)
    loads["after_copy"] = load_average()
    total = int(server.sql("SELECT count(*) FROM domain_event_entry")[0][0])
    letters = int(server.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%LetterReceived'")[0][0])
    process_started = time.time()
    server.start()
    server.await_up(limit=args.start_limit)
    start_seconds = round(time.time() - process_started, 1)
    live_by_processor = {}
    caught_up = wait_caught_up(server, 4 * 3600, live_by_processor)
    live_seconds = round(time.time() - process_started, 1)
    loads["after_live_projection"] = load_average()
    live = checksums(server)
    started = time.time()
    status, _, text = request(server.port, "POST", "/api/admin/read-models/rebuild", "admin", timeout=60)
    time.sleep(2)
    rebuilt_by_processor = {}
    wait_caught_up(server, 4 * 3600, rebuilt_by_processor)
    rebuild_seconds = round(time.time() - started, 1)
    loads["after_rebuild"] = load_average()
    _, _, progress = request(server.port, "GET", "/api/admin/read-models/rebuild", "admin")
    rebuilt = checksums(server)
    differing = sorted(t for t in set(live) | set(rebuilt) if live.get(t) != rebuilt.get(t))
    result = {"events": total, "letters": letters, "copy": copied, "sql_copy_seconds": copy_seconds,
              "start_seconds": start_seconds, "live_caught_up_seconds_after_up": caught_up,
              "live_projection_seconds_from_process_start": live_seconds,
              "live_caught_up_seconds_after_up_by_processor": live_by_processor,
              "rebuild_seconds_by_processor": rebuilt_by_processor,
              "rebuild_status": status, "rebuild_seconds": rebuild_seconds,
              "rebuild_events_per_second": round(total / rebuild_seconds) if rebuild_seconds else None,
              "load_average_1_5_15": loads, "tables_live": live, "tables_rebuilt": rebuilt,
              "tables_differing": differing, "last_bulk_replay": json.loads(progress).get("lastBulkReplay")}
    save("rebuild", result)
    started = time.time()
    result["chain"] = verify_chain(server.port, timeout=3600)  # the copies are chained like appended events
    result["chain_verify_seconds"] = round(time.time() - started, 1)
    server.stop()
    save("rebuild", result)
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"DROP DATABASE {db}"], capture_output=True, cwd=WORK)


def letter_events(server):
    return int(server.sql("""
        SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN
            (SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type LIKE '%LetterReceived')""")[0][0])


def copy_letters(server, events):
    """Copies the letters in the store (with the server stopped) until it holds at least `events` events, in bulk SQL.
    Each copy gets new letter ids (the original's time-ordered prefix, so the same month partition, and a random
    tail), new event ids (derived from the original's and the copy's number), serial numbers of a year of its own (9000 + copy: numbers stay gap-free and unique) and a
    global index of its own after the store's last, dense and in the original's order. Each event's hash-chain link
    is computed by the store's own append function (letterdesk_chained_meta), one sequence level at a time so that a
    letter's previous event is already stored: the copies are chained as if appended by the application."""
    started = time.time()
    server.sql("""
        DROP TABLE IF EXISTS reliability_base_event, reliability_copy_letter;
        CREATE UNLOGGED TABLE reliability_base_event AS
            SELECT e.*, row_number() OVER (ORDER BY e.global_index) AS pos FROM domain_event_entry e
            WHERE e.aggregate_identifier IN (SELECT aggregate_identifier FROM domain_event_entry
                                             WHERE payload_type LIKE '%LetterReceived');
        CREATE INDEX ON reliability_base_event (sequence_number);""")
    base, letters, top, deepest = (int(v) for v in server.sql("""
        SELECT count(*), count(DISTINCT aggregate_identifier), (SELECT max(global_index) FROM domain_event_entry),
               max(sequence_number) FROM reliability_base_event""")[0])
    copies = max(0, -(-events // base) - 1)
    log(f"{base} events of {letters} letters made through the API; copying them {copies} times in SQL")
    if copies > 999:
        raise RuntimeError(f"{copies} copies would need serial years beyond 9999: make more letters (--interval)")
    server.sql(f"""
        CREATE UNLOGGED TABLE reliability_copy_letter AS
            SELECT c AS copy, b.old_id, substr(b.old_id, 1, 15) || substr(gen_random_uuid()::text, 16) AS new_id
            FROM (SELECT DISTINCT aggregate_identifier AS old_id FROM reliability_base_event) b
            CROSS JOIN generate_series(1, {copies}) c;
        CREATE INDEX ON reliability_copy_letter (old_id);
        ANALYZE reliability_base_event, reliability_copy_letter;""")
    levels = []
    for level in range(deepest + 1):
        t = time.time()
        server.sql(f"""
            SET work_mem = '256MB';
            INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                                            type, time_stamp, payload_type, payload_revision, payload, meta_data)
            SELECT g, event_id, new_id, sequence_number, type, time_stamp, payload_type, payload_revision, payload,
                   letterdesk_chained_meta(meta, event_id, new_id, sequence_number, type, time_stamp, payload_type,
                                           payload_revision, payload)
            FROM (SELECT {top} + (c.copy - 1) * {base} + e.pos AS g, md5(e.event_identifier || ':' || c.copy)::uuid::text AS event_id, c.new_id,
                         e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision,
                         regexp_replace(replace(e.payload::text, c.old_id, c.new_id),
                                        '"serialNo": "[0-9]{{4}}-', '"serialNo": "' || (9000 + c.copy) || '-',
                                        'g')::jsonb AS payload,
                         e.meta_data - 'hash' AS meta
                  FROM reliability_base_event e JOIN reliability_copy_letter c ON c.old_id = e.aggregate_identifier
                  WHERE e.sequence_number = {level}) x
            ORDER BY g""", timeout=7200)
        levels.append(round(time.time() - t, 1))
        log(f"sequence level {level} copied in {levels[-1]} s")
    server.sql("""
        SELECT setval('event_global_index_seq', (SELECT max(global_index) FROM domain_event_entry));
        DROP TABLE reliability_base_event, reliability_copy_letter;
        ANALYZE domain_event_entry;""", timeout=3600)
    seconds = round(time.time() - started, 1)
    log(f"copied in {seconds} s")
    return {"events_via_api": base, "letters_via_api": letters, "copies": copies, "seconds_per_level": levels}, seconds


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


def wait_caught_up(server, limit, caught_up_at=None):
    """Seconds until every processor the rebuild covers is at the head of the store; caught_up_at (if given) gets
    each processor's own seconds, as they come."""
    started = time.time()
    while time.time() - started < limit:
        status, _, text = request(server.port, "GET", "/api/admin/read-models/rebuild", "admin", timeout=30)
        if status == 200:
            progress = json.loads(text)
            if caught_up_at is not None:
                for p in progress.get("processors", []):
                    if p["behind"] == 0 and p["processor"] not in caught_up_at:
                        caught_up_at[p["processor"]] = round(time.time() - started, 1)
            if progress.get("caughtUp"):
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
    p.add_argument("--events", type=int, default=1_000_000, help="size of the rebuilt store (at least)")
    p.add_argument("--start-limit", type=float, default=240, help="seconds a server start may take")
    args = p.parse_args()
    for name, fn in (("crash", crash), ("outage", outage), ("nodes", nodes), ("hostile", hostile_run),
                     ("rebuild", rebuild)):
        if args.scenario in (name, "all"):
            log("== scenario", name)
            fn(args)


if __name__ == "__main__":
    main()
