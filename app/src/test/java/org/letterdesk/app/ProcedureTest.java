package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole procedure over HTTP, and its refusals, against the real application and database. */
class ProcedureTest extends ApiTestSupport {

    private static final Map<String, Object> DRAFT = Map.of(
            "summary", "关于您反映的会员积分未按时到账的问题，经核查，现答复如下：",
            "points", List.of("您三月份的消费积分因系统升级延迟入账，已补发至您的账户。",
                    "今后积分将在消费后24小时内到账。"),
            "glossary", List.of(Map.of("term", "会员积分", "explanation", "消费1元获得1积分")),
            "alternatives", List.of("将补发积分直接计入账户", "兑换为等值电子优惠券"));

    private String register() {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString();
        Reply created = post("clerk", "/api/letters", letter(receivedAt));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("letterId").asString();
    }

    @Test
    void aMajorComplexLetterGoesThroughTheWholeProcedureToTheArchive() {
        String id = register();
        String base = "/api/letters/" + id;
        ok(post("clerk", base + "/urgent", Map.of("reason", "涉及重大投诉")));
        ok(post("clerk", base + "/assignment", Map.of("department", "CUSTOMER_SERVICE")));
        ok(post("supervisor", base + "/assignment", Map.of("department", "BUSINESS", "assignee", "handler")));
        ok(post("handler", base + "/first-contact", Map.of("channel", "PHONE", "note", "已致电确认")));
        ok(post("handler", base + "/flags", Map.of("personalData", true, "financialInfo", true, "major", true,
                "complex", true)));
        ok(post("legal", base + "/legal-approval", Map.of("note", "同意答复")));
        ok(post("handler", base + "/identity-verification", Map.of("method", "PHONE")));
        Reply drafted = ok(post("handler", base + "/drafts", DRAFT));
        assertThat(drafted.body().get("draftNo").asInt()).isEqualTo(1);
        assertThat(drafted.body().get("findings")).isEmpty();
        assertThat(drafted.body().get("status").asString()).isEqualTo("IN_REVIEW");
        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        Reply approved = ok(post("director", base + "/reviews", Map.of("level", "DIRECTOR", "decision",
                "APPROVED")));
        assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");

        Reply rendered = get("handler", base + "/drafts/1/rendered");
        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.headers().getContentType().toString()).startsWith("text/plain");
        assertThat(rendered.text()).startsWith("尊敬的张三：").contains("\u3000\u30001. ").contains("方案A：")
                .contains("XX服务有限公司");

        Reply sent = ok(post("handler", base + "/reply", Map.of("channel", "REGISTERED_MAIL",
                "trackingNo", "XA123456789CN")));
        assertThat(sent.body().get("status").asString()).isEqualTo("SENT");
        assertThat(sent.body().at("/deadlines/followUpDue").isMissingNode()).isFalse();
        Reply followedUp = ok(post("handler", base + "/follow-up", Map.of("note", "客户满意", "satisfied", true)));
        assertThat(followedUp.body().get("status").asString()).isEqualTo("CLOSED");

        Reply correction = ok(post("handler", base + "/corrections", Map.of("whatWasWrong", "积分数额有误",
                "correctedContent", "应补发积分为320分", "cause", "DATA_ERROR", "foundBy", "CUSTOMER_CALLBACK")));
        assertThat(correction.body().get("correctionNo").asInt()).isEqualTo(1);
        assertThat(correction.body().get("openCorrections").asInt()).isEqualTo(1);
        ok(post("supervisor", base + "/corrections/1/sign-off", Map.of("note", "已核")));

        Reply dispute = ok(post("clerk", base + "/disputes", Map.of("points", "补发时间", "senderView",
                "应立即补发", "organizationView", "按流程三个工作日内补发")));
        assertThat(dispute.body().get("disputeNo").asInt()).isEqualTo(1);
        ok(post("handler", base + "/disputes/1/investigation", Map.of("findings", "系统日志显示已补发")));
        ok(post("supervisor", base + "/disputes/1/resolution", Map.of("outcome", "协商一致", "escalated",
                false)));

        Reply archived = ok(post("archivist", base + "/archive", Map.of("archiveNo", "ARC-TEST-1")));
        assertThat(archived.body().get("status").asString()).isEqualTo("ARCHIVED");
        OffsetDateTime retainUntil = OffsetDateTime.parse(archived.body().get("retainUntil").asString());
        assertThat(retainUntil).isAfterOrEqualTo(OffsetDateTime.now().plusYears(3).minusMinutes(5));

        Reply history = get("auditor", base + "/history");
        assertThat(history.status()).isEqualTo(200);
        List<String> types = history.body().findValuesAsString("type");
        assertThat(types).containsSubsequence("LetterReceived", "DeadlineSet", "DeadlineSet", "MarkedUrgent",
                "DeadlineSet", "DeadlineSet", "LetterAssigned", "LetterAssigned", "FirstContactMade",
                "ContentFlagged", "LegalApprovalGranted", "IdentityVerified", "ReplyDrafted", "ReviewApproved",
                "ReviewApproved", "ReviewApproved", "ReplySent", "DeadlineSet", "FollowUpRecorded",
                "CorrectionIssued", "CorrectionSignedOff", "DisputeRecorded", "DeadlineSet",
                "DisputeInvestigated", "DisputeResolved", "LetterArchived");
        JsonNode first = history.body().get(0);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.at("/actor/user").asString()).isEqualTo("clerk");
        assertThat(first.at("/actor/role").asString()).isEqualTo("CLERK");
        assertThat(first.get("correlationId").asString()).isNotBlank();
        assertThat(first.at("/data/subject").asString()).isEqualTo("会员积分未到账");

        long version = archived.body().get("version").asLong();
        JsonNode view = awaitLetter("auditor", id, version);
        assertThat(view.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(view.get("drafts").get(0).get("reviews")).hasSize(3);
        assertThat(view.at("/deadlines/REPLY/state").asString()).isEqualTo("MET");
        assertThat(view.get("forwardings")).hasSize(1);
    }

    @Test
    void forbiddenStepsAreRefusedWithTheirCodesAndLeaveNoEvent() {
        String id = register();
        String base = "/api/letters/" + id;
        long events = eventCount(id);

        Reply draftBeforeAssignment = post("handler", base + "/drafts", DRAFT);
        assertThat(draftBeforeAssignment.status()).isEqualTo(409);
        assertThat(draftBeforeAssignment.code()).isEqualTo("INVALID_TRANSITION");
        assertThat(draftBeforeAssignment.body().get("letterId").asString()).isEqualTo(id);
        assertThat(eventCount(id)).isEqualTo(events);

        ok(post("clerk", base + "/assignment", Map.of("department", "CUSTOMER_SERVICE")));
        ok(post("lead", base + "/drafts", Map.of("summary", "我们保证绝不再犯", "points", List.of("已处理"))));
        events = eventCount(id);

        Reply wording = post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED"));
        assertThat(wording.status()).isEqualTo(409);
        assertThat(wording.code()).isEqualTo("WORDING_FINDINGS");
        assertThat(wording.body().get("findings").findValuesAsString("text")).contains("保证", "绝不");

        Reply drafterReviews = post("lead", base + "/reviews", Map.of("level", "FORMAT", "decision", "REJECTED"));
        assertThat(drafterReviews.status()).isEqualTo(409);
        assertThat(drafterReviews.code()).isEqualTo("FOUR_EYES");

        Reply outOfOrder = post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR",
                "decision", "APPROVED"));
        assertThat(outOfOrder.status()).isEqualTo(409);
        assertThat(outOfOrder.code()).isEqualTo("REVIEW_ORDER");

        Reply wrongRole = post("handler", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED"));
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.code()).isEqualTo("FORBIDDEN");

        Reply sendUnapproved = post("handler", base + "/reply", Map.of("channel", "EMAIL"));
        assertThat(sendUnapproved.status()).isEqualTo(409);
        assertThat(sendUnapproved.code()).isEqualTo("INVALID_TRANSITION");

        Reply correctionBeforeReply = post("handler", base + "/corrections", Map.of("whatWasWrong", "x",
                "correctedContent", "y", "cause", "TYPO", "foundBy", "OTHER"));
        assertThat(correctionBeforeReply.status()).isEqualTo(409);
        assertThat(correctionBeforeReply.code()).isEqualTo("INVALID_TRANSITION");

        Reply archiveEarly = post("archivist", base + "/archive", Map.of());
        assertThat(archiveEarly.status()).isEqualTo(409);
        assertThat(archiveEarly.code()).isEqualTo("INVALID_TRANSITION");

        assertThat(eventCount(id)).isEqualTo(events);
    }

    @Test
    void ifMatchWithAnOldVersionIs412AndTheCurrentVersionSucceeds() {
        String id = register();
        Reply assigned = ok(post("clerk", "/api/letters/" + id + "/assignment",
                Map.of("department", "BUSINESS"), Map.of("If-Match", "\"2\"")));
        String etag = assigned.headers().getETag();
        assertThat(etag).isEqualTo("\"3\"");

        Reply stale = post("clerk", "/api/letters/" + id + "/assignment", Map.of("department", "ADMINISTRATION"),
                Map.of("If-Match", "\"2\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");

        ok(post("clerk", "/api/letters/" + id + "/assignment", Map.of("department", "ADMINISTRATION"),
                Map.of("If-Match", etag)));
    }

    @Test
    void aRepeatedCommandWithTheSameIdempotencyKeyReturnsTheFirstResponseAndAddsNoEvent() {
        String key = "key-" + System.nanoTime();
        // Received recently, so no deadline fires between the two counts below.
        Map<String, Object> body = letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(10).withNano(0)
                .toString());
        Reply first = post("clerk", "/api/letters", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        String id = first.body().get("letterId").asString();
        long events = eventCount(id);

        Reply again = post("clerk", "/api/letters", body, Map.of("Idempotency-Key", key));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(eventCount(id)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload->>'serialNo' = ?",
                Integer.class, first.body().get("serialNo").asString())).isEqualTo(1);

        Reply otherBody = post("clerk", "/api/letters", letter(freshYear() + "-07-08T10:00:00+08:00"),
                Map.of("Idempotency-Key", key));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    private long eventCount(String letterId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, letterId);
    }
}
