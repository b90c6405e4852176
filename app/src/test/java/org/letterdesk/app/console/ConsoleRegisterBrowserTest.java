package org.letterdesk.app.console;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The register screen: its filters, search, sort and paging, and the CSV and XLSX exports reaching the browser. */
class ConsoleRegisterBrowserTest extends BrowserTestSupport {

    private final String token = "登记表筛选" + System.nanoTime();

    private String register(String channel, int hoursAgo) {
        String receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(hoursAgo).withNano(0).toString();
        Map<String, Object> body = new HashMap<>(letter(receivedAt));
        body.put("channel", channel);
        body.put("subject", token + " " + channel);
        return post("clerk", "/api/letters", body).body().path("serialNo").asString();
    }

    private List<String> serials() {
        return driver.findElements(By.cssSelector(".register-result tbody tr")).stream()
                .map(row -> row.getAttribute("data-serial")).toList();
    }

    private void awaitReload(Runnable action) {
        String before = driver.findElement(By.cssSelector(".register-result")).getAttribute("data-loaded");
        action.run();
        waitUntil(d -> !d.findElement(By.cssSelector(".register-result")).getAttribute("data-loaded").equals(before));
    }

    @Test
    void filtersSearchSortAndExport() throws IOException {
        String letterSerial = register("LETTER", 3);
        String emailSerial = register("EMAIL", 2);
        awaitUntil(() -> get("supervisor", "/api/register?q=" + token).body().path("total").asLong() == 2);

        signIn("supervisor");
        open("register");
        visible(By.cssSelector(".register-result tbody tr"));
        WebElement filters = driver.findElement(By.cssSelector("form.filters"));
        type(filters, "q", token);
        awaitReload(() -> filters.findElement(By.cssSelector("button[type=submit]")).click());
        assertThat(serials()).containsExactlyInAnyOrder(letterSerial, emailSerial);

        awaitReload(() -> driver.findElement(By.cssSelector("button[data-sort='serialNo']")).click());
        List<String> first = new ArrayList<>(serials());
        awaitReload(() -> driver.findElement(By.cssSelector("button[data-sort='serialNo']")).click());
        Collections.reverse(first);
        assertThat(serials()).containsExactlyElementsOf(first);

        choose(filters, "channel", "EMAIL");
        awaitReload(() -> filters.findElement(By.cssSelector("button[type=submit]")).click());
        assertThat(serials()).containsExactly(emailSerial);
        assertThat(driver.findElement(By.cssSelector(".summary[data-total]")).getAttribute("data-total"))
                .isEqualTo("1");

        Path csv = download(() -> driver.findElement(By.cssSelector("a[data-export='csv']")).click(), ".csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // UTF-8 with BOM, for Excel
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("序号", emailSerial, token).doesNotContain(letterSerial);

        Path xlsx = download(() -> driver.findElement(By.cssSelector("a[data-export='xlsx']")).click(), ".xlsx");
        assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K'); // an Office Open XML (zip) file
        assertAccessible("register-filtered");

        signIn("clerk"); // not one of the exporting roles
        open("register");
        visible(By.cssSelector(".register-result tbody tr"));
        assertThat(driver.findElements(By.cssSelector("a[data-export]"))).isEmpty();
    }

    private Path download(Runnable click, String suffix) throws IOException {
        try (Stream<Path> old = Files.list(browser.downloads)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        click.run();
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
            }
        }, Optional::isPresent).orElseThrow();
    }
}
