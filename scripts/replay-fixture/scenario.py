#!/usr/bin/env python3
"""Walks letters through every stage of the procedure over HTTP, as clients of the v1 contract would.

Used to write the replay-compatibility fixture (see generate.sh): the store this leaves behind is replayed by
the current code in ReplayCompatibilityTest. Times are relative to the server's "now", so the scenario runs
under any clock. Usage: scenario.py [base-url]
"""
import base64
import datetime
import json
import sys
import time
import urllib.error
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
TZ = datetime.timezone(datetime.timedelta(hours=8))


def call(user, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode())
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req) as res:
            text = res.read().decode()
            return json.loads(text) if res.headers.get_content_type().endswith("json") else text
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path} as {user}: {e.code} {e.read().decode()}")


def at(delta):
    return (datetime.datetime.now(TZ) + delta).isoformat(timespec="seconds")


def register(received_ago, channel="LETTER", urgent=None, subject="会员积分未到账", sender=None):
    body = {"channel": channel, "receivedAt": at(-received_ago),
            "sender": sender or {"name": "张三", "phone": "13800138000", "email": "zhang.san@example.com",
                                 "address": "上海市浦东新区世纪大道100号"},
            "subject": subject, "coreRequest": "请核实三月份消费积分并补发", "category": "COMPLAINT",
            "attachments": [{"fileName": "receipt.jpg", "contentType": "image/jpeg", "sizeBytes": 20480}],
            "remarks": "来信附收据复印件"}
    if urgent:
        body["urgentReason"] = urgent
    letter = call("clerk", "POST", "/api/letters", body)
    return "/api/letters/" + letter["letterId"]


CLEAN = {"summary": "关于您反映的会员积分未按时到账的问题，经核查，现答复如下：",
         "points": ["您三月份的消费积分因系统升级延迟入账，已补发至您的账户。", "今后积分将在消费后24小时内到账。"],
         "glossary": [{"term": "会员积分", "explanation": "消费1元获得1积分"}]}
PROMISING = {"summary": "关于积分问题", "points": ["我们保证三日内处理完毕。"]}
ALTERNATIVES = dict(CLEAN, alternatives=["将补发积分直接计入账户", "兑换为等值电子优惠券"])


def assigned(path, department="CUSTOMER_SERVICE", assignee="handler"):
    call("clerk", "POST", path + "/assignment", {"department": department, "assignee": assignee})


def approved(path, major=False, draft=CLEAN):
    call("handler", "POST", path + "/drafts", draft)
    call("reviewer", "POST", path + "/reviews", {"level": "FORMAT", "decision": "APPROVED"})
    call("supervisor", "POST", path + "/reviews", {"level": "SUPERVISOR", "decision": "APPROVED"})
    if major:
        call("director", "POST", path + "/reviews", {"level": "DIRECTOR", "decision": "APPROVED"})


H = datetime.timedelta(hours=1)
D = datetime.timedelta(days=1)

letters = []
# Received only; received 10 days ago (its intake deadlines pass at once); urgent, assigned.
letters.append(register(H / 2))
letters.append(register(10 * D, channel="FAX"))
p = register(H / 2, urgent="涉及燃气泄漏安全隐患"); assigned(p); letters.append(p)
# An urgent letter received 55 minutes ago: its first-response warning (at 80 % of 1 h) is due at once.
p = register(55 * H / 60, urgent="涉及人身安全"); letters.append(p)
# E-mail with a wording finding, refused at FORMAT, then rejected: back to drafting.
p = register(H, channel="EMAIL"); assigned(p)
call("handler", "POST", p + "/first-contact", {"channel": "PHONE", "note": "已致电确认诉求"})
call("handler", "POST", p + "/drafts", PROMISING)
call("reviewer", "POST", p + "/reviews", {"level": "FORMAT", "decision": "REJECTED", "comment": "措辞不当"})
letters.append(p)
# Draft 2 after a rejection, approved at FORMAT: in review.
p = register(2 * H, channel="VISIT"); assigned(p, "BUSINESS")
call("handler", "POST", p + "/drafts", CLEAN)
call("reviewer", "POST", p + "/reviews", {"level": "FORMAT", "decision": "REJECTED"})
call("handler", "POST", p + "/drafts", CLEAN)
call("reviewer", "POST", p + "/reviews", {"level": "FORMAT", "decision": "APPROVED"})
letters.append(p)
# Fully approved, not sent; sent by phone (closed).
p = register(3 * H); assigned(p); approved(p); letters.append(p)
p = register(3 * H, channel="PHONE"); assigned(p); approved(p)
call("clerk", "POST", p + "/reply", {"channel": "PHONE"}); letters.append(p)
# Major issue: rejected by the director, redrafted, approved at every level, forwarded twice before.
p = register(4 * H, channel="ONLINE"); assigned(p); assigned(p, "BUSINESS", "handler2"); assigned(p, "ADMINISTRATION")
call("supervisor", "POST", p + "/flags", {"major": True, "note": "重大投诉"})
call("handler", "POST", p + "/drafts", CLEAN)
call("reviewer", "POST", p + "/reviews", {"level": "FORMAT", "decision": "APPROVED"})
call("supervisor", "POST", p + "/reviews", {"level": "SUPERVISOR", "decision": "APPROVED"})
call("director", "POST", p + "/reviews", {"level": "DIRECTOR", "decision": "REJECTED", "comment": "请补充依据"})
approved(p, major=True, draft=ALTERNATIVES); letters.append(p)
# Complex, sent by e-mail: follow-up pending.
p = register(5 * H, channel="EMAIL"); assigned(p)
call("handler", "POST", p + "/flags", {"complex": True})
approved(p)
call("handler", "POST", p + "/reply", {"channel": "EMAIL"}); letters.append(p)
# Sent, a correction not yet signed off; a dispute recorded only; two disputes, one escalated.
p = register(6 * H); assigned(p); approved(p); call("clerk", "POST", p + "/reply", {"channel": "IN_PERSON"})
call("handler", "POST", p + "/corrections", {"whatWasWrong": "积分数额有误", "correctedContent": "应为320分",
                                            "cause": "TYPO", "foundBy": "INTERNAL_SPOT_CHECK"})
letters.append(p)
p = register(6 * H); assigned(p); approved(p); call("clerk", "POST", p + "/reply", {"channel": "PHONE"})
call("clerk", "POST", p + "/disputes", {"points": "补发时间", "senderView": "应立即补发", "organizationView": "三个工作日内"})
letters.append(p)
p = register(7 * H); assigned(p); approved(p); call("clerk", "POST", p + "/reply", {"channel": "PHONE"})
for n in (1, 2):
    call("clerk", "POST", p + "/disputes", {"points": f"争议点{n}", "senderView": "客户观点", "organizationView": "我方观点"})
    call("handler", "POST", p + f"/disputes/{n}/investigation", {"findings": "调查结论"})
call("supervisor", "POST", p + "/disputes/1/resolution", {"outcome": "协商一致", "escalated": False})
call("supervisor", "POST", p + "/disputes/2/resolution", {"outcome": "提交协调小组", "escalated": True})
letters.append(p)
# Received 10 days ago, answered late: closed with missed deadlines; then archived.
p = register(10 * D)
time.sleep(6)  # the missed deadlines fire (the scheduler polls every 2 s)
assigned(p); call("clerk", "POST", p + "/first-contact", {"channel": "PHONE", "note": "迟到的联系"})
approved(p); call("clerk", "POST", p + "/reply", {"channel": "PHONE"})
call("archivist", "POST", p + "/archive", {}); letters.append(p)
# The whole procedure, as scripts/demo-happy-path.sh walks it.
p = register(H / 2)
call("clerk", "POST", p + "/urgent", {"reason": "涉及重大投诉"})
assigned(p, "CUSTOMER_SERVICE", None); call("supervisor", "POST", p + "/assignment", {"department": "BUSINESS", "assignee": "handler"})
call("handler", "POST", p + "/first-contact", {"channel": "PHONE", "note": "已致电确认诉求"})
call("handler", "POST", p + "/flags", {"personalData": True, "financialInfo": True, "major": True, "complex": True})
call("legal", "POST", p + "/legal-approval", {"note": "同意答复"})
call("handler", "POST", p + "/identity-verification", {"method": "PHONE", "note": "已电话核实身份"})
call("handler", "POST", p + "/delay", {"reason": "需调取系统日志", "expectedCompletion": at(3 * D)})
approved(p, major=True, draft=ALTERNATIVES)
call("handler", "POST", p + "/reply", {"channel": "REGISTERED_MAIL", "trackingNo": "XA123456789CN"})
call("handler", "POST", p + "/follow-up", {"note": "客户表示满意", "satisfied": True})
call("handler", "POST", p + "/corrections", {"whatWasWrong": "补发积分数额有误", "correctedContent": "应补发积分为320分",
                                            "cause": "DATA_ERROR", "foundBy": "CUSTOMER_CALLBACK"})
call("supervisor", "POST", p + "/corrections/1/sign-off", {"note": "已核对"})
call("clerk", "POST", p + "/disputes", {"points": "补发时间", "senderView": "应立即补发", "organizationView": "三个工作日内"})
call("handler", "POST", p + "/disputes/1/investigation", {"findings": "积分已于次日补发"})
call("supervisor", "POST", p + "/disputes/1/resolution", {"outcome": "协商一致，客户接受", "escalated": False})
call("archivist", "POST", p + "/archive", {"archiveNo": "DA-2005-0001"}); letters.append(p)
time.sleep(6)  # the urgent letter's warning fires
print(json.dumps([l.rsplit("/", 1)[1] for l in letters]))
