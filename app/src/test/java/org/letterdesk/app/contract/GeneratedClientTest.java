package org.letterdesk.app.contract;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.letterdesk.client.ApiClient;
import org.letterdesk.client.ApiException;
import org.letterdesk.client.api.ArchiveApi;
import org.letterdesk.client.api.AuditApi;
import org.letterdesk.client.api.ContentReviewApi;
import org.letterdesk.client.api.CorrectionsApi;
import org.letterdesk.client.api.DisputesApi;
import org.letterdesk.client.api.DraftingApi;
import org.letterdesk.client.api.IntakeApi;
import org.letterdesk.client.api.LettersApi;
import org.letterdesk.client.api.RegisterApi;
import org.letterdesk.client.api.ReplyApi;
import org.letterdesk.client.api.ReviewApi;
import org.letterdesk.client.model.ArchiveRequest;
import org.letterdesk.client.model.ArchiveResult;
import org.letterdesk.client.model.AssignmentRequest;
import org.letterdesk.client.model.CorrectionRequest;
import org.letterdesk.client.model.CorrectionResult;
import org.letterdesk.client.model.DisputeRequest;
import org.letterdesk.client.model.DisputeResult;
import org.letterdesk.client.model.DraftRequest;
import org.letterdesk.client.model.DraftResult;
import org.letterdesk.client.model.FirstContactRequest;
import org.letterdesk.client.model.FlagsRequest;
import org.letterdesk.client.model.FollowUpRequest;
import org.letterdesk.client.model.GlossaryEntryRequest;
import org.letterdesk.client.model.HistoryEntry;
import org.letterdesk.client.model.IdentityVerificationRequest;
import org.letterdesk.client.model.InvestigationRequest;
import org.letterdesk.client.model.LegalApprovalRequest;
import org.letterdesk.client.model.LetterResult;
import org.letterdesk.client.model.LetterView;
import org.letterdesk.client.model.MarkUrgentRequest;
import org.letterdesk.client.model.RegisterLetterRequest;
import org.letterdesk.client.model.RegisterPage;
import org.letterdesk.client.model.RegistrationResult;
import org.letterdesk.client.model.ReplyResult;
import org.letterdesk.client.model.ReviewRequest;
import org.letterdesk.client.model.SendReplyRequest;
import org.letterdesk.client.model.SenderRequest;
import org.letterdesk.client.model.SignOffRequest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A front-end team's view of the contract: a client generated at build time from the committed OpenAPI document
 * (itself kept equal to the served one by {@link OpenApiDocumentTest}) takes a letter through the whole procedure,
 * from registration to the archive, and reads it back — headers, filters, errors and all, as the document says.
 */
class GeneratedClientTest extends ApiTestSupport {

    private Function<String, ApiClient> as;

    @BeforeEach
    void clients() {
        as = user -> {
            ApiClient client = anonymous();
            client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))));
            return client;
        };
    }

    /**
     * The answer of a read, asked again while it is 503 PROJECTION_NOT_CAUGHT_UP (its bounded wait for the read
     * model ran out on a busy machine; the document lists the 503).
     */
    private static <T> T caughtUp(Callable<T> read) {
        AtomicReference<T> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptionsMatching(
                e -> e instanceof ApiException api && api.getCode() == 503).until(() -> {
                    answer.set(read.call());
                    return true;
                });
        return answer.get();
    }

    private ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        return client;
    }

    @Test
    void aLetterGoesFromRegistrationToTheArchiveThroughTheGeneratedClient() throws ApiException {
        String token = "合同" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0);
        RegistrationResult registered = new IntakeApi(as.apply("clerk")).intakeRegister(new RegisterLetterRequest()
                        .channel(RegisterLetterRequest.ChannelEnum.LETTER)
                        .receivedAt(receivedAt)
                        .sender(new SenderRequest().name("李四").phone("13900139000").email("li.si@example.com")
                                .address("北京市朝阳区建国路88号"))
                        .subject("退款迟迟未到账")
                        .coreRequest("请尽快退还多扣的服务费 " + token)
                        .category(RegisterLetterRequest.CategoryEnum.COMPLAINT)
                        .remarks("来信附银行流水"),
                null, "contract-walk-" + UUID.randomUUID(), "contract-walk");
        UUID id = UUID.fromString(registered.getLetterId());
        assertThat(registered.getStatus()).hasToString("RECEIVED");
        assertThat(registered.getDeadlines().getReplyDue()).isAfter(receivedAt);

        IntakeApi intake = new IntakeApi(as.apply("supervisor"));
        intake.intakeMarkUrgent(id, new MarkUrgentRequest().reason("涉及重大投诉"), null, null, null);
        LetterResult assigned = intake.intakeAssign(id, new AssignmentRequest()
                .department(AssignmentRequest.DepartmentEnum.BUSINESS).assignee("handler"), null, null, null);
        assertThat(assigned.getStatus()).hasToString("ASSIGNED");

        // If-Match with a version the letter has left: 412 VERSION_CONFLICT, as a problem document.
        ApiException stale = catchThrowableOfType(ApiException.class, () -> intake.intakeAssign(id,
                new AssignmentRequest().department(AssignmentRequest.DepartmentEnum.ADMINISTRATION),
                "\"" + (assigned.getVersion() - 1) + "\"", null, null));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(stale.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(stale.getResponseBody()).contains("\"code\":\"VERSION_CONFLICT\"");

        new IntakeApi(as.apply("handler")).intakeFirstContact(id,
                new FirstContactRequest().channel("PHONE").note("已致电确认"), "*", null, null);
        new ContentReviewApi(as.apply("handler")).contentReviewFlag(id, new FlagsRequest().personalData(true)
                .financialInfo(true).major(true).complex(false).note("涉及银行账户"), null, null, null);
        new ContentReviewApi(as.apply("legal")).contentReviewLegalApproval(id,
                new LegalApprovalRequest().note("同意答复"), null, null, null);
        new ContentReviewApi(as.apply("handler")).contentReviewVerifyIdentity(id,
                new IdentityVerificationRequest().method("PHONE"), null, null, null);

        DraftResult drafted = new DraftingApi(as.apply("handler")).draftingDraft(id, new DraftRequest()
                .summary("关于您反映的退款问题，经核查，现答复如下：")
                .points(List.of("多扣的服务费已于今日原路退回。", "到账时间以银行为准，一般为三个工作日。"))
                .glossary(List.of(new GlossaryEntryRequest().term("原路退回").explanation("退回到原付款账户"))),
                null, null, null);
        assertThat(drafted.getDraftNo()).isEqualTo(1);
        assertThat(drafted.getStatus()).hasToString("IN_REVIEW");
        new ReviewApi(as.apply("reviewer")).reviewReview(id, new ReviewRequest()
                .level(ReviewRequest.LevelEnum.FORMAT).decision(ReviewRequest.DecisionEnum.APPROVED), null, null, null);
        new ReviewApi(as.apply("supervisor")).reviewReview(id, new ReviewRequest()
                .level(ReviewRequest.LevelEnum.SUPERVISOR).decision(ReviewRequest.DecisionEnum.APPROVED), null, null,
                null);
        LetterResult approved = new ReviewApi(as.apply("director")).reviewReview(id, new ReviewRequest()
                .level(ReviewRequest.LevelEnum.DIRECTOR).decision(ReviewRequest.DecisionEnum.APPROVED)
                .comment("同意"), null, null, null);
        assertThat(approved.getStatus()).hasToString("APPROVED");

        String rendered = caughtUp(() -> new LettersApi(as.apply("handler")).renderedDraftRendered(id, 1));
        assertThat(rendered).startsWith("尊敬的李四：").contains("多扣的服务费已于今日原路退回。");

        ReplyResult sent = new ReplyApi(as.apply("clerk")).replySendReply(id, new SendReplyRequest()
                .channel(SendReplyRequest.ChannelEnum.REGISTERED_MAIL).trackingNo("XA987654321CN"), null, null, null);
        assertThat(sent.getStatus()).hasToString("CLOSED");

        CorrectionResult correction = new CorrectionsApi(as.apply("handler")).correctionIssue(id,
                new CorrectionRequest().whatWasWrong("退款金额有误").correctedContent("应退服务费为58元")
                        .cause(CorrectionRequest.CauseEnum.DATA_ERROR)
                        .foundBy(CorrectionRequest.FoundByEnum.CUSTOMER_CALLBACK), null, null, null);
        assertThat(correction.getCorrectionNo()).isEqualTo(1);
        new CorrectionsApi(as.apply("supervisor")).correctionSignOff(id, 1, new SignOffRequest().note("已核"),
                null, null, null);
        DisputeResult dispute = new DisputesApi(as.apply("clerk")).disputeRecordDispute(id, new DisputeRequest()
                .points("退款时间").senderView("应立即退款").organizationView("按流程三个工作日内退款"), null, null, null);
        assertThat(dispute.getDisputeNo()).isEqualTo(1);
        new DisputesApi(as.apply("handler")).disputeInvestigate(id, 1,
                new InvestigationRequest().findings("银行流水显示已退款"), null, null, null);
        // Not through the client: the dispute's and the supervision's resolution bodies are both records named
        // ResolutionRequest, and the document keeps one schema of that name (the supervision's) — an open defect.
        ok(post("supervisor", "/api/letters/" + id + "/disputes/1/resolution",
                java.util.Map.of("outcome", "协商一致", "escalated", false)));

        ArchiveResult archived = new ArchiveApi(as.apply("archivist")).archiveArchive(id, null, null, null,
                new ArchiveRequest().archiveNo("ARC-CONTRACT-1"));
        assertThat(archived.getStatus()).hasToString("ARCHIVED");
        assertThat(archived.getRetainUntil()).isAfter(OffsetDateTime.now().plusYears(3).minusDays(1));

        LetterView view = caughtUp(() -> new LettersApi(as.apply("auditor")).letterQueryLetter(id,
                archived.getVersion()));
        assertThat(view.getSerialNo()).isEqualTo(registered.getSerialNo());
        assertThat(view.getStatus()).hasToString("ARCHIVED");
        assertThat(view.getSender().getName()).isEqualTo("李四");

        List<HistoryEntry> history = new AuditApi(as.apply("auditor")).historyHistory(id);
        assertThat(history).extracting(HistoryEntry::getType).startsWith("LetterReceived").contains("LetterArchived");
        assertThat(history.get(0).getCorrelationId()).isEqualTo("contract-walk");

        // The register's filters are plain query parameters: the client's q finds this letter and only it.
        RegisterPage page = new RegisterApi(as.apply("supervisor")).registerList(null, null, null, null, null, null,
                null, null, token, 0, 20, null);
        assertThat(page.getItems()).extracting(item -> item.getLetterId()).containsExactly(id.toString());
    }

    @Test
    void errorsReachTheGeneratedClientAsDocumentedProblems() {
        ApiException unauthenticated = catchThrowableOfType(ApiException.class,
                () -> new LettersApi(anonymous())
                        .letterQueryLetter(UUID.randomUUID(), null));
        assertThat(unauthenticated.getCode()).isEqualTo(401);
        assertThat(unauthenticated.getResponseBody()).contains("\"code\":\"UNAUTHENTICATED\"");

        ApiException forbidden = catchThrowableOfType(ApiException.class, () -> new ArchiveApi(as.apply("clerk"))
                .archiveArchive(UUID.randomUUID(), null, null, null, new ArchiveRequest()));
        assertThat(forbidden.getCode()).isEqualTo(403);

        ApiException missing = catchThrowableOfType(ApiException.class, () -> new LettersApi(as.apply("auditor"))
                .letterQueryLetter(UUID.randomUUID(), null));
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(missing.getResponseBody()).contains("\"code\":\"LETTER_NOT_FOUND\"");

        ApiException invalid = catchThrowableOfType(ApiException.class, () -> new RegisterApi(as.apply("supervisor"))
                .registerList(null, null, null, null, null, null, null, null, null, 0, 201, null));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(invalid.getResponseBody()).contains("\"code\":\"VALIDATION_FAILED\"").contains("size");
    }
}
