#!/usr/bin/env bash
# Drives one letter through the whole procedure over HTTP with curl, against a running Letterdesk
# (default http://localhost:8080 with the demo users), then prints the event types the letter's history holds.
# Usage: scripts/demo-happy-path.sh [base-url]
set -euo pipefail
BASE=${1:-http://localhost:8080}
JSON='Content-Type: application/json'

post() { # user path body → response body; fails on a non-2xx answer
  local user=$1 path=$2 body=$3
  curl -sS --fail-with-body -u "$user:$user" -H "$JSON" "$BASE$path" -d "$body"
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

received=$(date -d '-30 minutes' +%Y-%m-%dT%H:%M:%S%:z)
letter=$(post clerk /api/letters "{
  \"channel\": \"LETTER\", \"receivedAt\": \"$received\",
  \"sender\": {\"name\": \"张三\", \"phone\": \"13800138000\", \"email\": \"zhang.san@example.com\",
             \"address\": \"上海市浦东新区世纪大道100号\"},
  \"subject\": \"会员积分未到账\", \"coreRequest\": \"请核实三月份消费积分并补发\", \"category\": \"COMPLAINT\",
  \"attachments\": [{\"fileName\": \"receipt.jpg\", \"contentType\": \"image/jpeg\", \"sizeBytes\": 20480}]}")
id=$(echo "$letter" | field "['letterId']")
echo "registered $(echo "$letter" | field "['serialNo']") ($id)"
L=/api/letters/$id

post clerk      $L/urgent                '{"reason": "涉及重大投诉"}' >/dev/null
post clerk      $L/assignment            '{"department": "CUSTOMER_SERVICE"}' >/dev/null
post supervisor $L/assignment            '{"department": "BUSINESS", "assignee": "handler"}' >/dev/null
post handler    $L/first-contact         '{"channel": "PHONE", "note": "已致电确认诉求"}' >/dev/null
post handler    $L/flags                 '{"personalData": true, "financialInfo": true, "major": true, "complex": true}' >/dev/null
post legal      $L/legal-approval        '{"note": "同意答复"}' >/dev/null
post handler    $L/identity-verification '{"method": "PHONE", "note": "已电话核实身份"}' >/dev/null
post handler    $L/delay                 "{\"reason\": \"需调取系统日志\", \"expectedCompletion\": \"$(date -d '+3 days' +%Y-%m-%dT%H:%M:%S%:z)\"}" >/dev/null
post handler    $L/drafts                '{"summary": "关于您反映的会员积分未按时到账的问题，经核查，现答复如下：",
  "points": ["您三月份的消费积分因系统升级延迟入账，已补发至您的账户。", "今后积分将在消费后24小时内到账。"],
  "glossary": [{"term": "会员积分", "explanation": "消费1元获得1积分"}],
  "alternatives": ["将补发积分直接计入账户", "兑换为等值电子优惠券"]}' >/dev/null
post reviewer   $L/reviews               '{"level": "FORMAT", "decision": "APPROVED"}' >/dev/null
post supervisor $L/reviews               '{"level": "SUPERVISOR", "decision": "APPROVED"}' >/dev/null
post director   $L/reviews               '{"level": "DIRECTOR", "decision": "APPROVED"}' >/dev/null
echo "--- rendered draft 1"
curl -sS -u handler:handler "$BASE$L/drafts/1/rendered"
post handler    $L/reply                 '{"channel": "REGISTERED_MAIL", "trackingNo": "XA123456789CN"}' >/dev/null
post handler    $L/follow-up             '{"note": "客户表示满意", "satisfied": true}' >/dev/null
post handler    $L/corrections           '{"whatWasWrong": "补发积分数额有误", "correctedContent": "应补发积分为320分",
  "cause": "DATA_ERROR", "foundBy": "CUSTOMER_CALLBACK"}' >/dev/null
post supervisor $L/corrections/1/sign-off '{"note": "已核对"}' >/dev/null
post clerk      $L/disputes              '{"points": "补发时间", "senderView": "应立即补发", "organizationView": "按流程三个工作日内补发"}' >/dev/null
post handler    $L/disputes/1/investigation '{"findings": "系统日志显示积分已于次日补发"}' >/dev/null
post supervisor $L/disputes/1/resolution '{"outcome": "协商一致，客户接受", "escalated": false}' >/dev/null
archived=$(post archivist $L/archive '{}')
echo "--- archived: $archived"

echo "--- history (sequence, type, actor)"
curl -sS -u auditor:auditor "$BASE$L/history" | python3 -c "
import json, sys
for e in json.load(sys.stdin):
    print(e['sequence'], e['type'], e['actor']['user'] + '/' + e['actor']['role'], e['occurredAt'])"
