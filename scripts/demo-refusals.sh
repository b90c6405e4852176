#!/usr/bin/env bash
# Tries one command the procedure forbids per rule, against a running Letterdesk, and prints the answer's status
# and problem code. Usage: scripts/demo-refusals.sh [base-url]
set -euo pipefail
BASE=${1:-http://localhost:8080}
JSON='Content-Type: application/json'

post() { curl -sS -u "$1:$1" -H "$JSON" "$BASE$2" -d "$3"; }
ok() { post "$@" >/dev/null; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
try() { # rule user path body [extra curl args]
  local rule=$1 user=$2 path=$3 body=$4; shift 4
  local out status
  out=$(curl -sS -w '\n%{http_code}' -u "$user:$user" -H "$JSON" "$@" "$BASE$path" -d "$body")
  status=$(echo "$out" | tail -1)
  code=$(echo "$out" | sed '$d' | python3 -c "import json,sys; print(json.load(sys.stdin).get('code','-'))" 2>/dev/null || echo -)
  printf '%-62s %s %s\n' "$rule" "$status" "$code"
}
new_letter() {
  post clerk /api/letters "{\"channel\": \"EMAIL\", \"receivedAt\": \"$(date -d '-10 minutes' +%Y-%m-%dT%H:%M:%S%:z)\",
    \"sender\": {\"name\": \"李四\", \"email\": \"li.si@example.com\"}, \"subject\": \"发票\",
    \"coreRequest\": \"补开发票\", \"category\": \"CONSULTATION\"}" | field "['letterId']"
}
draft='{"summary": "关于您的来信，现答复如下：", "points": ["已为您补开发票。"]}'

a=/api/letters/$(new_letter)
try "only a CLERK registers (HANDLER tries)" handler /api/letters '{"channel":"LETTER"}'
try "drafting needs an assignment" handler $a/drafts "$draft"
ok clerk $a/assignment '{"department": "CUSTOMER_SERVICE"}'
ok handler $a/flags '{"personalData": true, "financialInfo": true}'
ok handler $a/drafts '{"summary": "我们保证绝不再犯", "points": ["已处理"]}'
try "FORMAT approval blocked by wording findings (保证, 绝不)" reviewer $a/reviews '{"level":"FORMAT","decision":"APPROVED"}'
ok lead $a/drafts "$draft"
try "four eyes: the drafter reviews his own draft" lead $a/reviews '{"level":"FORMAT","decision":"APPROVED"}'
try "review order: SUPERVISOR before FORMAT" supervisor $a/reviews '{"level":"SUPERVISOR","decision":"APPROVED"}'
try "review order: DIRECTOR on a letter not flagged major" director $a/reviews '{"level":"DIRECTOR","decision":"APPROVED"}'
try "a REVIEWER may not review at SUPERVISOR level (role)" reviewer $a/reviews '{"level":"SUPERVISOR","decision":"APPROVED"}'
try "sending needs the latest draft fully approved" handler $a/reply '{"channel":"EMAIL"}'
ok reviewer $a/reviews '{"level":"FORMAT","decision":"REJECTED","comment":"格式不符"}'
try "a rejection sends the letter back to drafting" supervisor $a/reviews '{"level":"SUPERVISOR","decision":"APPROVED"}'
ok handler $a/drafts "$draft"
ok lead $a/reviews '{"level":"FORMAT","decision":"APPROVED"}'
try "four eyes: one person approves one level only (lead)" lead $a/reviews '{"level":"SUPERVISOR","decision":"APPROVED"}'
ok supervisor $a/reviews '{"level":"SUPERVISOR","decision":"APPROVED"}'
try "sending needs LEGAL approval (personal data)" handler $a/reply '{"channel":"EMAIL"}'
ok legal $a/legal-approval '{}'
try "sending needs the identity verified (financial info)" handler $a/reply '{"channel":"EMAIL"}'
ok handler $a/identity-verification '{"method":"PHONE"}'
try "REGISTERED_MAIL needs a tracking number" handler $a/reply '{"channel":"REGISTERED_MAIL"}'
try "EMAIL needs a valid address" handler $a/reply '{"channel":"EMAIL","recipient":"not-an-address"}'
try "If-Match with an old version" handler $a/reply '{"channel":"EMAIL"}' -H 'If-Match: "3"'
try "resolving a dispute that was never recorded" supervisor $a/disputes/1/resolution '{"outcome":"x"}'
ok clerk $a/disputes '{"points":"时限","senderView":"太慢","organizationView":"按时"}'
try "resolving a dispute before its investigation" supervisor $a/disputes/1/resolution '{"outcome":"x"}'
try "corrections only after a reply was sent" lead $a/corrections '{"whatWasWrong":"x","correctedContent":"y","cause":"TYPO","foundBy":"OTHER"}'
ok handler $a/reply '{"channel":"EMAIL"}'
ok lead $a/corrections '{"whatWasWrong":"金额有误","correctedContent":"应为200元","cause":"DATA_ERROR","foundBy":"INTERNAL_SPOT_CHECK"}'
try "four eyes: the issuer signs off his own correction" lead $a/corrections/1/sign-off '{}'
try "archive only when replied, corrections signed off, disputes resolved" archivist $a/archive '{}'
