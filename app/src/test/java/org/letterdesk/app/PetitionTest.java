package org.letterdesk.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Petitions (信访) over HTTP: acceptance, extension, review requests, their refusals leaving the letter unchanged,
 * the repeat count (信访次数) in the register and a later letter linked to a final matter.
 */
class PetitionTest extends ApiTestSupport {

    private static final Map<String, Object> DRAFT = Map.of(
            "summary", "关于您反映的学管会经费问题，经调查，现答复如下：",
            "points", List.of("经查实，相关经费已责令退还。", "相关责任人已被免去职务。"));

    private Map<String, Object> petition(String phone, String subject) {
        Map<String, Object> body = new HashMap<>(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString()));
        body.put("category", "PETITION");
        body.put("channel", "VISIT");
        body.put("subject", subject);
        body.put("sender", Map.of("name", "侯某", "phone", phone));
        return body;
    }

    private static String uniquePhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static long version(Reply reply) {
        return reply.body().get("version").asLong();
    }

    @Test
    void aPetitionIsAcceptedExtendedRepliedAndReviewedTwiceUntilFinal() {
        String phone = uniquePhone();
        String subject = "反映经费问题-" + UUID.randomUUID();
        Reply registered = created(post("clerk", "/api/letters", petition(phone, subject)));
        assertThat(registered.body().at("/deadlines/acceptanceDue").isMissingNode()).isFalse();
        assertThat(registered.body().at("/deadlines/replyDue").isMissingNode()).isTrue();
        assertThat(registered.body().get("repeatCount").asInt()).isZero();
        String id = registered.body().get("letterId").asString();
        String base = "/api/letters/" + id;

        // Bad input leaves the letter as it was.
        long before = version(registered);
        Reply reviewTooEarly = post("clerk", base + "/review-requests", Map.of("kind", "REVIEW", "reason", "不服"));
        assertThat(reviewTooEarly.status()).isEqualTo(409);
        assertThat(reviewTooEarly.code()).isEqualTo("INVALID_TRANSITION");
        Reply notAcceptedWithoutReason = post("supervisor", base + "/acceptance", Map.of("decision", "NOT_ACCEPTED"));
        assertThat(notAcceptedWithoutReason.status()).isEqualTo(400);
        assertThat(notAcceptedWithoutReason.code()).isEqualTo("VALIDATION_FAILED");
        Reply extendedBeforeAcceptance = post("supervisor", base + "/extension", Map.of("days", 10, "reason", "调查"));
        assertThat(extendedBeforeAcceptance.status()).isEqualTo(409);
        assertThat(post("clerk", base + "/acceptance", Map.of("decision", "ACCEPTED")).status()).isEqualTo(403);
        assertThat(awaitLetter("clerk", id, before).get("version").asLong()).isEqualTo(before);

        Reply accepted = ok(post("supervisor", base + "/acceptance", Map.of("decision", "ACCEPTED",
                "reason", "属于受理范围")));
        OffsetDateTime replyDue = OffsetDateTime.parse(accepted.body().get("replyDue").asString());
        ok(post("clerk", base + "/assignment", Map.of("department", "ADMINISTRATION", "assignee", "handler")));

        Reply tooLong = post("supervisor", base + "/extension", Map.of("days", 31, "reason", "需调查"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().at("/errors/0/field").asString()).isEqualTo("days");
        Reply extended = ok(post("supervisor", base + "/extension", Map.of("days", 30, "reason", "需跨部门调查")));
        assertThat(OffsetDateTime.parse(extended.body().get("replyDue").asString()).toInstant())
                .isEqualTo(replyDue.plusDays(30).toInstant());
        Reply twice = post("supervisor", base + "/extension", Map.of("days", 1, "reason", "再延"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("INVALID_TRANSITION");

        ok(post("handler", base + "/drafts", DRAFT));
        ok(post("reviewer", base + "/reviews", Map.of("level", "FORMAT", "decision", "APPROVED")));
        ok(post("supervisor", base + "/reviews", Map.of("level", "SUPERVISOR", "decision", "APPROVED")));
        Reply sent = ok(post("handler", base + "/reply", Map.of("channel", "IN_PERSON")));
        assertThat(sent.body().get("status").asString()).isEqualTo("CLOSED");

        Reply review = ok(post("clerk", base + "/review-requests", Map.of("kind", "REVIEW", "reason", "对答复不服")));
        assertThat(review.body().get("requestNo").asInt()).isEqualTo(1);
        assertThat(review.body().get("status").asString()).isEqualTo("SENT");
        ok(post("supervisor", base + "/review-requests/1/answer", Map.of("answer", "经复查，维持原答复")));
        ok(post("clerk", base + "/review-requests", Map.of("kind", "SECOND_REVIEW", "reason", "仍不服")));
        Reply answered = ok(post("chief", base + "/review-requests/2/answer", Map.of("answer", "经复核，维持")));
        assertThat(answered.body().get("status").asString()).isEqualTo("CLOSED");
        Reply afterFinal = post("clerk", base + "/review-requests", Map.of("kind", "SECOND_REVIEW", "reason", "再"));
        assertThat(afterFinal.status()).isEqualTo(409);

        JsonNode view = awaitLetter("clerk", id, version(answered));
        assertThat(view.get("status").asString()).isEqualTo("CLOSED");
        assertThat(view.at("/petition/acceptance/decision").asString()).isEqualTo("ACCEPTED");
        assertThat(view.at("/petition/extension/days").asInt()).isEqualTo(30);
        assertThat(view.at("/petition/reviewRequests")).hasSize(2);
        assertThat(view.at("/petition/matterFinal").asBoolean()).isTrue();
        assertThat(view.at("/deadlines/REVIEW/state").asString()).isEqualTo("MET");
        assertThat(view.at("/deadlines/ACCEPTANCE/state").asString()).isEqualTo("MET");

        // The same petitioner comes again about the same matter: the count and the final matter are shown.
        Map<String, Object> again = petition(phone, subject + "-再访");
        again.put("relatedLetterId", id);
        Reply later = created(post("clerk", "/api/letters", again));
        assertThat(later.body().get("repeatCount").asInt()).isEqualTo(1);
        String laterId = later.body().get("letterId").asString();
        JsonNode laterView = awaitLetter("clerk", laterId, version(later));
        assertThat(laterView.at("/related/letterId").asString()).isEqualTo(id);
        assertThat(laterView.at("/related/matterFinal").asBoolean()).isTrue();
        assertThat(laterView.get("repeatCount").asInt()).isEqualTo(1);

        awaitUntil(() -> get("clerk", "/api/register?q=" + subject + "-再访").body().at("/items/0/repeatCount")
                .asInt(-1) == 1);
    }

    @Test
    void aPetitionNotAcceptedIsClosedAtOnceAndTakesNoReply() {
        Reply registered = created(post("clerk", "/api/letters", petition(uniquePhone(), "不予受理-" + UUID.randomUUID())));
        String base = "/api/letters/" + registered.body().get("letterId").asString();
        Reply decided = ok(post("supervisor", base + "/acceptance", Map.of("decision", "NOT_ACCEPTED",
                "reason", "已依法通过诉讼途径解决")));
        assertThat(decided.body().get("status").asString()).isEqualTo("CLOSED");
        Reply second = post("supervisor", base + "/acceptance", Map.of("decision", "ACCEPTED"));
        assertThat(second.status()).isEqualTo(409);
        ok(post("archivist", base + "/archive", Map.of()));
    }

    @Test
    void acceptanceOfALetterThatIsNoPetitionIsRefusedAndChangesNothing() {
        Reply registered = created(post("clerk", "/api/letters", letter(OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusHours(1).withNano(0).toString())));
        String id = registered.body().get("letterId").asString();
        Reply refused = post("supervisor", "/api/letters/" + id + "/acceptance", Map.of("decision", "ACCEPTED"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INVALID_TRANSITION");
        assertThat(refused.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(awaitLetter("clerk", id, version(registered)).get("version").asLong())
                .isEqualTo(version(registered));
        Reply unknownRelated = post("clerk", "/api/letters", new HashMap<>(Map.of("channel", "LETTER",
                "receivedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString(),
                "sender", Map.of("name", "王五"), "subject", "再访", "coreRequest", "同前", "category", "PETITION",
                "relatedLetterId", UUID.randomUUID().toString())));
        assertThat(unknownRelated.status()).isEqualTo(400);
        assertThat(unknownRelated.body().at("/errors/0/field").asString()).isEqualTo("relatedLetterId");
    }
}
