package org.letterdesk.app.console;

import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;
import org.springframework.http.HttpHeaders;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser may keep: the versioned chart library for a year, the console's own files only after asking again
 * (304 while unchanged), the API's answers never. The security headers stay on all of them.
 */
class StaticResourceCachingTest extends ApiTestSupport {

    private static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    @Test
    void theVersionedChartLibraryIsKeptForAYear() {
        Reply library = get(null, ECHARTS);
        assertThat(library.status()).isEqualTo(200);
        assertThat(library.text()).contains("echarts");
        assertThat(library.headers().getCacheControl())
                .contains("max-age=31536000", "public", "immutable")
                .doesNotContain("no-store");
        assertThat(library.headers().getFirst("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void theConsolesOwnFilesAreRevalidatedOnEveryLoad() {
        for (String path : new String[] {"/console/app.js", "/console/screens/quality.js", "/console/app.css",
                "/login.html"}) {
            Reply file = get(null, path);
            assertThat(file.status()).as(path).isEqualTo(200);
            assertThat(file.headers().getCacheControl()).as(path).isEqualTo("no-cache");
            String lastModified = file.headers().getFirst(HttpHeaders.LAST_MODIFIED);
            assertThat(lastModified).as(path).isNotBlank();

            Reply again = exchange(null, "GET", path, null, Map.of(HttpHeaders.IF_MODIFIED_SINCE, lastModified));
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.text()).as(path).isEmpty();
        }
    }

    @Test
    void apiAnswersAreNeverStored() {
        Reply answer = get("supervisor", "/api/worklist");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getCacheControl()).contains("no-store");
        Reply refused = get(null, "/api/worklist");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().getCacheControl()).contains("no-store");
    }
}
