"""A corpus of hostile requests: wrong types, sizes, encodings, paths, headers, methods and roles. Every answer must
be below 500, and every refusal application/problem+json."""
import base64
import json
import socket
import uuid

from common import registration, request, log

USERS = ["clerk", "handler", "reviewer", "supervisor", "director", "legal", "archivist", "auditor", "admin"]


def basic(user, password=None):
    return "Basic " + base64.b64encode(f"{user}:{password if password is not None else user}".encode()).decode()


def raw(port, data, timeout=20):
    """Sends bytes as they are; (status, headers-text)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks):
                    break
        except socket.timeout:
            pass
    head = b"".join(chunks).split(b"\r\n\r\n", 1)[0].decode("latin-1")
    try:
        status = int(head.split(" ", 2)[1])
    except (IndexError, ValueError):
        status = 0
    headers = {}
    for line in head.split("\r\n")[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    return status, headers


def corpus(letter_id):
    """(label, method, path, headers, body-bytes) — sent through a raw socket, so nothing is corrected."""
    cases = []
    clerk = {"Authorization": basic("clerk"), "Content-Type": "application/json"}
    good = registration("hostile")
    # Types: each field of a registration replaced by values of every other JSON type and by edge values.
    bad_values = [None, 0, -1, 1e308, True, [], {}, "", "x" * 100_000, "\u0000", "🙂" * 10, [1, 2], {"a": {"b": 1}}]
    for field in ["channel", "receivedAt", "sender", "subject", "coreRequest", "category", "attachments",
                  "remarks", "department", "urgent"]:
        for value in bad_values:
            body = dict(good)
            body[field] = value
            cases.append((f"type {field}={str(value)[:12]!r}", "POST", "/api/letters", clerk,
                          json.dumps(body).encode()))
    for field in ["name", "phone", "email", "address", "idNumber"]:
        for value in [123, [], {}, "x" * 10_000, "\ud800" if False else "\u202e\u202d", "<script>alert(1)</script>"]:
            body = dict(good)
            body["sender"] = dict(good["sender"], **{field: value})
            cases.append((f"type sender.{field}", "POST", "/api/letters", clerk, json.dumps(body).encode()))
    for path, body in [(f"/api/letters/{letter_id}/assignment", {"department": 5}),
                       (f"/api/letters/{letter_id}/assignment", {"department": "NOPE"}),
                       (f"/api/letters/{letter_id}/urgent", {"reason": []}),
                       (f"/api/letters/{letter_id}/flags", {"major": "yes"}),
                       (f"/api/letters/{letter_id}/delay", {"reason": "r", "expectedCompletion": "+10000-01-01T00:00Z"}),
                       (f"/api/letters/{letter_id}/delay", {"reason": "r", "expectedCompletion": 1700000000}),
                       (f"/api/letters/{letter_id}/first-contact", {"channel": None, "note": None})]:
        cases.append((f"type {path.rsplit('/', 1)[1]}", "POST", path, clerk, json.dumps(body).encode()))
    # Sizes.
    cases.append(("size 300 KB body", "POST", "/api/letters", clerk, json.dumps(dict(good, remarks="x" * 300_000)).encode()))
    cases.append(("size nesting 10000", "POST", "/api/letters", clerk, b"[" * 10_000 + b"]" * 10_000))
    cases.append(("size nesting object 5000", "POST", "/api/letters", clerk, b'{"a":' * 5000 + b"1" + b"}" * 5000))
    cases.append(("size array 100000", "POST", "/api/letters", clerk, json.dumps(dict(good, attachments=[{}] * 100_000)).encode()[:262_000]))
    cases.append(("size number 1e1000000", "POST", "/api/letters", clerk, b'{"channel": 1' + b"0" * 100_000 + b"}"))
    cases.append(("size long key", "POST", "/api/letters", clerk, b'{"' + b"k" * 200_000 + b'": 1}'))
    # Encodings.
    for label, body, ctype in [
        ("enc invalid utf-8", b'{"subject": "\xff\xfe\xc3("}', "application/json"),
        ("enc utf-16", json.dumps(good).encode("utf-16"), "application/json; charset=UTF-16"),
        ("enc latin1 declared", json.dumps(good, ensure_ascii=False).encode("utf-8"), "application/json; charset=ISO-8859-1"),
        ("enc bogus charset", json.dumps(good).encode(), "application/json; charset=klingon"),
        ("enc bom", b"\xef\xbb\xbf" + json.dumps(good).encode(), "application/json"),
        ("enc text/plain", json.dumps(good).encode(), "text/plain"),
        ("enc xml", b"<letter/>", "application/xml"),
        ("enc form", b"channel=LETTER&subject=x", "application/x-www-form-urlencoded"),
        ("enc multipart", b"--b\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b"),
        ("enc no content type", json.dumps(good).encode(), None),
        ("enc empty", b"", "application/json"),
        ("enc null", b"null", "application/json"),
        ("enc array", b"[]", "application/json"),
        ("enc string", b'"x"', "application/json"),
        ("enc truncated", json.dumps(good).encode()[:50], "application/json"),
        ("enc nul bytes", b"\x00" * 100, "application/json"),
        ("enc duplicate keys", b'{"subject": "a", "subject": "b"}', "application/json"),
        ("enc comments", b'{/* */ "subject": "a"}', "application/json"),
        ("enc nan", b'{"urgent": NaN}', "application/json"),
    ]:
        headers = {"Authorization": basic("clerk")}
        if ctype:
            headers["Content-Type"] = ctype
        cases.append((label, "POST", "/api/letters", headers, body))
    # Paths.
    auditor = {"Authorization": basic("auditor")}
    for path in ["/api/letters/../../etc/passwd", "/api/letters/%2e%2e/%2e%2e/etc/passwd", "/api/letters/%2F",
                 "/api/letters/%5C", "/api/letters/%00", "/api/letters/%ff", "/api/letters/%", "/api/letters/%zz",
                 "/api/letters/" + "a" * 10_000, "/api/letters/" + "a" * 300, "/api/letters/中文",
                 "/api/letters/%E4%B8%AD", "/api/letters/;jsessionid=1", "/api/letters//x", "/api/letters/./x",
                 "/api/letters/x;y", "/api/letters/{id}", "/api/letters/[x]", "/api/letters/x y", "/api/letters/\t",
                 "/api/register?page=-1", "/api/register?size=100000000", "/api/register?page=abc",
                 "/api/register?from=2026-13-45", "/api/register?sort=;drop", "/api/register?=x", "/api/register?a[b]=1",
                 "/api/register?q=%ff", "/api/register?q=%00", "/api/register?department=%00",
                 "/api/commitments?status=%00", "/api/letters/%00/timeline", "/api/register?" + "&".join(f"p{i}=1" for i in range(1200)),
                 "/api/register/export?format=pdf", "/api/letters/x/history", "/api/letters/x/state?asOf=never",
                 f"/api/letters/{letter_id}/state?asOf=+10000-01-01T00:00Z", f"/api/letters/{letter_id}/drafts/999/rendered",
                 f"/api/letters/{letter_id}/drafts/-1/rendered", f"/api/letters/{letter_id}/drafts/x/rendered",
                 f"/api/letters/{letter_id}?minVersion=99999999999", f"/api/letters/{letter_id}?minVersion=x",
                 "/api/audit/letters/" + "z" * 400 + "/verify", "/api/audit/letters/%00/verify",
                 "/api/calendar/99999", "/api/calendar/x", "/api/quality/monthly?month=2026-13",
                 "/api/admin/event-store/partitions/2026-99/compaction", "/error", "/actuator/../api/letters",
                 "/api", "/api/", "/nonexistent", "/api/letters.json", "/api/letters/x/../../admin"]:
        cases.append((f"path {path[:40]}", "GET", path, auditor, b""))
    # Headers.
    for label, extra in [("hdr idempotency 201 chars", {"Idempotency-Key": "k" * 201}),
                         ("hdr idempotency non-ascii", {"Idempotency-Key": "ключ"}),
                         ("hdr idempotency empty", {"Idempotency-Key": ""}),
                         ("hdr if-match garbage", {"If-Match": "garbage"}),
                         ("hdr if-match huge", {"If-Match": '"' + "9" * 100 + '"'}),
                         ("hdr if-match negative", {"If-Match": '"-5"'}),
                         ("hdr correlation 7000", {"X-Correlation-Id": "c" * 7000}),
                         ("hdr correlation script", {"X-Correlation-Id": "<script>alert(1)</script>"}),
                         ("hdr accept xml", {"Accept": "application/xml"}),
                         ("hdr accept none", {"Accept": "image/png"}),
                         ("hdr huge cookie", {"Cookie": "a=" + "b" * 20_000}),
                         ("hdr many headers", {f"X-H{i}": "v" for i in range(150)}),
                         ("hdr forwarded junk", {"X-Forwarded-For": "not-an-ip, 999.1.1.1", "X-Forwarded-Proto": "gopher"}),
                         ("hdr host junk", {"Host": "evil.example:99999"}),
                         ("hdr content-length lie", {"Content-Length": "5"}),
                         ("hdr transfer-encoding junk", {"Transfer-Encoding": "gzip, chunked, x"}),
                         ("hdr range", {"Range": "bytes=99999999-"}),
                         ("hdr expect", {"Expect": "100-continue-please"})]:
        cases.append((label, "POST", f"/api/letters/{letter_id}/assignment", dict(clerk, **extra),
                      json.dumps({"department": "BUSINESS"}).encode()))
    for label, value in [("auth malformed base64", "Basic !!!"), ("auth no colon", "Basic " + base64.b64encode(b"clerk").decode()),
                         ("auth wrong password", basic("clerk", "wrong")), ("auth unknown user", basic("nobody")),
                         ("auth empty", ""), ("auth bearer garbage", "Bearer x.y.z"), ("auth bearer none", "Bearer "),
                         ("auth unknown scheme", "Digest x"), ("auth huge", "Basic " + "A" * 10_000),
                         ("auth non-ascii user", "Basic " + base64.b64encode("用户:用户".encode()).decode())]:
        cases.append((label, "GET", "/api/register", {"Authorization": value}, b""))
    # Methods.
    for method in ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO", "PROPFIND", "CONNECT"]:
        for path in ["/api/letters", f"/api/letters/{letter_id}", f"/api/letters/{letter_id}/assignment",
                     "/api/register", "/api/audit/verify", "/api/admin/read-models/rebuild"]:
            cases.append((f"method {method} {path[:30]}", method, path, dict(clerk), b"{}" if method in ("POST", "PUT", "PATCH") else b""))
    # Roles: every user on endpoints reserved to others.
    for user in USERS:
        h = {"Authorization": basic(user), "Content-Type": "application/json"}
        for method, path, body in [("POST", "/api/admin/read-models/rebuild", None),
                                   ("GET", "/api/audit/verify", None),
                                   ("GET", f"/api/audit/letters/{letter_id}/verify", None),
                                   ("GET", f"/api/letters/{letter_id}/history", None),
                                   ("POST", "/api/letters", good),
                                   ("POST", f"/api/letters/{letter_id}/legal-approval", {"note": "n"}),
                                   ("GET", "/api/admin/event-store/partitions", None),
                                   ("POST", f"/api/letters/{letter_id}/reviews", {"level": "DIRECTOR", "decision": "APPROVED"})]:
            cases.append((f"role {user} {method} {path.rsplit('/', 1)[1]}", method, path, h,
                          json.dumps(body).encode() if body is not None else b""))
    # Malformed requests on the wire.
    for label, data in [("wire garbage", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 50 + b"\r\n\r\n"),
                        ("wire no version", b"GET /api/register\r\n\r\n"),
                        ("wire http/3", b"GET /api/register HTTP/3.0\r\nHost: x\r\n\r\n"),
                        ("wire bad header line", b"GET /api/register HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"),
                        ("wire ctl in header", b"GET /api/register HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n"),
                        ("wire absolute uri", b"GET http://evil/api/register HTTP/1.1\r\nHost: x\r\n\r\n"),
                        ("wire asterisk", b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"),
                        ("wire space in uri", b"GET /api/re gister HTTP/1.1\r\nHost: x\r\n\r\n"),
                        ("wire huge request line", b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
                        ("wire chunked bad", b"POST /api/letters HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZ\r\n")]:
        cases.append((label, None, None, None, data))
    return cases


def build(method, path, headers, body):
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    names = {k.lower() for k in headers}
    for k, v in headers.items():
        lines.append(f"{k}: {v}")
    if "content-length" not in names and "transfer-encoding" not in names:
        lines.append(f"Content-Length: {len(body)}")
    return "\r\n".join(lines).encode("utf-8") + b"\r\n\r\n" + body


def run(port):
    status, _, text = request(port, "POST", "/api/letters", "clerk", registration("hostile-target"))
    letter_id = json.loads(text)["letterId"]
    cases = corpus(letter_id)
    results = {"requests": len(cases), "5xx": 0, "5xx_other_than_501": 0, "refusals_not_problem_json": 0, "no_answer": 0, "by_status": {},
               "offenders": []}
    for label, method, path, headers, body in cases:
        data = body if method is None else build(method, path, headers, body)
        try:
            status, headers_back = raw(port, data)
        except OSError as e:
            status, headers_back = 0, {}
        results["by_status"][str(status)] = results["by_status"].get(str(status), 0) + 1
        ctype = headers_back.get("content-type", "")
        if status == 0:
            results["no_answer"] += 1
            results["offenders"].append(f"{label}: no answer")
        elif status >= 500:
            results["5xx"] += 1
            if status != 501:  # 501 METHOD_NOT_IMPLEMENTED: the contract's answer to an unknown method
                results["5xx_other_than_501"] += 1
            results["offenders"].append(f"{label}: {status}")
        elif status >= 400 and not ctype.startswith("application/problem+json"):
            results["refusals_not_problem_json"] += 1
            results["offenders"].append(f"{label}: {status} {ctype}")
    results["by_status"] = dict(sorted(results["by_status"].items()))
    log("hostile", results["requests"], "requests;", results["5xx"], "5xx;", results["5xx_other_than_501"],
        "5xx other than 501;", results["refusals_not_problem_json"],
        "refusals not problem+json")
    return results
