package org.letterdesk.app.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.TampersWithTheEventStore;
import org.letterdesk.app.eventstore.ChainHeads;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 审计 in the browser when the store was edited behind the application's back: an auditor's check of a letter's hash
 * chain names the first altered event and the kind of break, in Chinese, as the server's verification does. The
 * letter's rows are put back afterwards (and the signed heads written again), so later classes read a sound store.
 */
@TampersWithTheEventStore
class ConsoleBrokenChainBrowserTest extends BrowserTestSupport {

    @Autowired
    ChainHeads heads;

    private String letterId;
    private List<String> untampered = List.of();

    @AfterEach
    void putTheRowsBack() {
        if (untampered.isEmpty()) {
            return;
        }
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", letterId);
        for (String row : untampered) {
            jdbc.update("""
                    INSERT INTO domain_event_entry OVERRIDING SYSTEM VALUE
                    SELECT * FROM jsonb_populate_record(NULL::domain_event_entry, ?::jsonb)""", row);
        }
        heads.write();
        untampered = List.of();
    }

    @Test
    void anAuditorSeesWhichEventWasAlteredAndHow() throws IOException {
        letterId = created(post("clerk", "/api/letters", letter(OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusHours(1).withNano(0).toString()))).body().get("letterId").asString();
        long version = ok(post("clerk", "/api/letters/" + letterId + "/assignment",
                Map.of("department", "BUSINESS"))).body().path("version").asLong();
        awaitLetter("auditor", letterId, version);

        signIn("auditor");
        open("audit/" + letterId);
        WebElement verify = visible(By.xpath("//button[text()='校验哈希链']"));
        verify.click();
        assertThat(visible(By.cssSelector("[data-chain]")).getAttribute("data-chain")).isEqualTo("valid");

        // Someone with database access rewrites the registration's subject.
        untampered = jdbc.queryForList("""
                SELECT to_jsonb(e)::text FROM domain_event_entry e WHERE aggregate_identifier = ?
                ORDER BY sequence_number""", String.class, letterId);
        assertThat(jdbc.update("""
                UPDATE domain_event_entry SET payload = jsonb_set(payload, '{subject}', '"已改"')
                WHERE aggregate_identifier = ? AND sequence_number = 0""", letterId)).isEqualTo(1);

        verify.click();
        WebElement verdict = waitUntil(d -> {
            WebElement v = d.findElement(By.cssSelector("[data-chain]"));
            return "broken".equals(v.getAttribute("data-chain")) ? v : null;
        });
        JsonNode server = ok(get("auditor", "/api/audit/letters/" + letterId + "/verify")).body();
        assertThat(server.path("valid").asBoolean()).isFalse();
        assertThat(server.path("firstBrokenSequence").asLong()).isZero();
        assertThat(server.path("reason").asString()).isEqualTo("ALTERED");
        assertThat(verdict.getText()).contains("哈希链已断开", "自第 0 号事件起",
                "共 " + server.path("events").asInt() + " 个事件", "该事件的内容、时间或操作人被改动")
                .doesNotContain("ALTERED");
        assertAccessible("audit-chain-broken");
        screenshot("12b-audit-chain-broken", verdict.findElement(By.xpath("ancestor::section")));
    }
}
