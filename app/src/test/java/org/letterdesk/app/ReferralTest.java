package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter referred by a superior office (seed 002: 县委第12号批办件 → the 教育局's 办理情况汇报 to the 督查科), over HTTP
 * from registration to the approved report: its own deadline, reviewed like a reply, rendered in the seed's layout,
 * the referring office in the register and the work list, and closed only when reply and report are both done.
 */
class ReferralTest extends ApiTestSupport {

    private static final byte[] EVIDENCE = "Investigation record, 2010-06\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @org.springframework.beans.factory.annotation.Autowired
    org.letterdesk.command.attachment.AttachmentStore attachments;

    private static final Map<String, Object> DRAFT = Map.of(
            "summary", "关于您反映的郑保屯镇学管会经费问题，经调查，现答复如下：",
            "points", List.of("经查实，相关经费问题属实。", "相关责任人已被免去职务。"));

    private static final Map<String, Object> REPORT = Map.of(
            "problem", "关于郑保屯镇学管会总校长侯东风贪污受贿的一些问题。",
            "background", "侯东风，男，汉族，1963年9月生，现任郑保屯镇学管会总校长职务。",
            "investigation", "经查实，郑保屯镇学管会自2007年1月至2010年6月，截留学生经费263525.28元。",
            "outcome", "经县教育局党委会研究决定，免去侯东风郑保屯镇学管会总校长职务。");

    @Test
    void aReferredLetterIsRepliedAndReportedBackAndClosesOnlyWhenBothAreDone() {
        String subject = "反映侯东风问题-" + UUID.randomUUID();
        LocalDate dueDate = LocalDate.now(ZoneOffset.ofHours(8)).plusDays(20);
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString()));
        body.put("subject", subject);
        body.put("referral", Map.of("office", "县政府办公室督查科", "referenceNo", "县委第12号批办件",
                "dueDate", dueDate.toString()));
        Reply registered = created(post("clerk", "/api/letters", body));
        String id = registered.body().get("letterId").asString();
        String base = "/api/letters/" + id;

        JsonNode view = awaitLetter("clerk", id, registered.body().get("version").asLong());
        assertThat(view.at("/referral/office").asString()).isEqualTo("县政府办公室督查科");
        assertThat(view.at("/referral/referenceNo").asString()).isEqualTo("县委第12号批办件");
        assertThat(OffsetDateTime.parse(view.at("/deadlines/REFERRAL_REPORT/due").asString()))
                .isEqualTo(dueDate.atTime(23, 59).atOffset(ZoneOffset.ofHours(8)));
        awaitUntil(() -> get("clerk", "/api/register?q=" + subject).body().at("/items/0/referralOffice")
                .asString("").equals("县政府办公室督查科"));

        ok(post("clerk", base + "/assignment", Map.of("department", "BUSINESS", "assignee", "handler")));
        awaitUntil(() -> {
            JsonNode items = get("handler", "/api/worklist?department=BUSINESS&size=200").body().get("items");
            for (JsonNode item : items) {
                if (item.get("letterId").asString().equals(id)) {
                    return item.get("referralOffice").asString("").equals("县政府办公室督查科");
                }
            }
            return false;
        });

        // The reply goes out first: the letter stays open for its report.
        ok(post("handler", base + "/drafts", DRAFT));
        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        Reply sent = ok(post("handler", base + "/reply", Map.of("channel", "PHONE")));
        assertThat(sent.body().get("status").asString()).isEqualTo("SENT");

        Reply reported = ok(post("handler", base + "/referral-report", REPORT));
        assertThat(reported.body().get("reportNo").asInt()).isEqualTo(1);
        Reply ownReview = post("handler", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED",
                "target", "REFERRAL_REPORT"));
        assertThat(ownReview.status()).isEqualTo(403); // a handler holds no reviewing role
        Reply outOfOrder = post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR",
                "decision", "APPROVED", "target", "REFERRAL_REPORT"));
        assertThat(outOfOrder.status()).isEqualTo(409);
        assertThat(outOfOrder.code()).isEqualTo("REVIEW_ORDER");
        Reply rejected = ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "REJECTED",
                "comment", "请补充处理结果", "target", "REFERRAL_REPORT")));
        assertThat(rejected.body().get("reportDone").asBoolean()).isFalse();
        // The new report encloses a stored file; one the store does not know is refused first, nothing recorded.
        Map<String, Object> withUnknownFile = new HashMap<>(REPORT);
        withUnknownFile.put("attachments", List.of(Map.of("attachmentId", UUID.randomUUID().toString())));
        Reply unknownFile = post("supervisor", base + "/referral-report", withUnknownFile);
        assertThat(unknownFile.status()).isEqualTo(400);
        assertThat(unknownFile.body().at("/errors/0/field").asString()).isEqualTo("attachments[0].attachmentId");
        UUID evidence = attachments.store(new java.io.ByteArrayInputStream(EVIDENCE), "调查材料.txt", "text/plain",
                "supervisor").attachmentId();
        Map<String, Object> withFile = new HashMap<>(REPORT);
        withFile.put("attachments", List.of(Map.of("attachmentId", evidence.toString())));
        Reply second = ok(post("supervisor", base + "/referral-report", withFile));
        assertThat(second.body().get("reportNo").asInt()).isEqualTo(2);
        Reply supervisorBeforeFormat = post("lead", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED",
                "target", "REFERRAL_REPORT"));
        assertThat(supervisorBeforeFormat.code()).isEqualTo("REVIEW_ORDER"); // the new report needs every level again
        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED",
                "target", "REFERRAL_REPORT")));
        Reply selfReview = post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR",
                "decision", "APPROVED", "target", "REFERRAL_REPORT"));
        assertThat(selfReview.status()).isEqualTo(409);
        assertThat(selfReview.code()).isEqualTo("FOUR_EYES");
        Reply done = ok(post("chief", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED",
                "target", "REFERRAL_REPORT")));
        assertThat(done.body().get("reportDone").asBoolean()).isTrue();
        assertThat(done.body().get("status").asString()).isEqualTo("CLOSED");
        assertThat(post("handler", base + "/referral-report", REPORT).status()).isEqualTo(409);

        JsonNode closed = awaitLetter("clerk", id, done.body().get("version").asLong());
        assertThat(closed.at("/referral/reports")).hasSize(2);
        assertThat(closed.at("/referral/reports/1/attachments/0/fileName").asString()).isEqualTo("调查材料.txt");
        assertThat(closed.at("/deadlines/REFERRAL_REPORT/state").asString()).isEqualTo("MET");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        Reply rendered = get("clerk", base + "/referral-report/rendered");
        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.text()).contains("关于" + subject + "的答复\n\n县政府办公室督查科：\n")
                .contains("接到县委第12号批办件").contains("　　一、反映的问题\n　　关于郑保屯镇学管会总校长")
                .contains("　　二、基本情况\n").contains("　　三、调查办理情况\n")
                .contains("免去侯东风郑保屯镇学管会总校长职务。\n　　附件：\n　　1. 调查材料.txt（text/plain，" + EVIDENCE.length
                        + " B）\n")
                .containsPattern("二〇[一二三四五六七八九〇]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日\n$");
    }

    @Test
    void aLetterNotReferredTakesNoReportAndABadReferralIsRefused() {
        Reply registered = created(post("clerk", "/api/letters", letter(OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusHours(1).withNano(0).toString())));
        String base = "/api/letters/" + registered.body().get("letterId").asString();
        Reply refused = post("handler", base + "/referral-report", REPORT);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INVALID_TRANSITION");
        assertThat(get("clerk", base + "/referral-report/rendered").status()).isEqualTo(404);

        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString()));
        body.put("referral", Map.of("office", " ", "referenceNo", "县委第12号批办件"));
        Reply bad = post("clerk", "/api/letters", body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/errors/0/field").asString()).isEqualTo("referral.office");
    }
}
