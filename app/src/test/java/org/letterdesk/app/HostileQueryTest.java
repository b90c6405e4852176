package org.letterdesk.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.letterdesk.app.RawHttp.Answer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query strings as a fuzzer sends them — pages past an int offset, parameters without a name, nested, indexed or
 * with control characters, broken percent-encoding, times no RFC 3339 text can hold — over a raw socket, so that
 * nothing is normalised on the way. Each is the client's error: 400 VALIDATION_FAILED naming the parameter.
 */
class HostileQueryTest extends ApiTestSupport {

    /** No such letter: every request below is refused before a letter is looked up. */
    private static final String LETTER = "/api/letters/0190a5c4-1c1d-7000-8000-000000000019";

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/register?page=107374183", "/api/disputes?page=107374183",
            "/api/worklist?page=107374183", "/api/worklist?page=21474837&size=100",
            "/api/register?page=1000001&size=1", "/api/disputes?page=1000001", "/api/worklist?page=1000001&size=1",
            "/api/register?page=-1"})
    void aPageBeyondTheBoundIsRefusedNamingPage(String target) {
        assertRefused(raw.get("supervisor", target), "page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/register?size=201", "/api/disputes?size=0", "/api/worklist?size=501"})
    void aSizeBeyondTheListsMaximumIsRefusedNamingSize(String target) {
        assertRefused(raw.get("supervisor", target), "size");
    }

    @ParameterizedTest
    @CsvSource({"/api/register?page=1000000&size=200, 1000000", "/api/disputes?page=1000000&size=200, 1000000",
            "/api/worklist?page=1000000&size=500, 1000000"})
    void theLastPageAllowedIsAnEmptyPageAtTheLargestSize(String target, int page) {
        Answer answer = raw.get("supervisor", target);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("page").asInt()).isEqualTo(page);
        assertThat(answer.json().get("items")).isEmpty();
    }

    /** The seven GET operations that answered 500 to a parameter without a name, before any role check. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/register?=x", "/api/register/export?format=csv&=x", "/api/disputes?=x",
            "/api/worklist?=x", "/api/quality/monthly?month=2026-11&=x", LETTER + "?=x",
            LETTER + "/state?asOf=2026-01-01T00:00:00%2B08:00&=x", "/api/register?status=OPEN&="})
    void aParameterWithoutANameIsRefused(String target) {
        assertRefused(raw.get("supervisor", target), "");
    }

    @Test
    void withoutCredentialsAParameterWithoutANameIsStill401() {
        Answer answer = raw.get(null, "/api/register?=x");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("UNAUTHENTICATED");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/register?q.x=1|q.x", "/api/register?from%5B0%5D=1|from[0]",
            "/api/register?status%5B%5D=OPEN|status[]",
            "/api/register?filter%5Bq%5D=%E6%8A%95%E8%AF%89|filter[q]", "/api/register?class.module=1|class.module",
            "/api/register/export?format=csv&q.x=1|q.x", "/api/register/export?format=xlsx&from%5B0%5D=1|from[0]",
            "/api/disputes?from.x=1|from.x", "/api/worklist?department%5B0%5D=BUSINESS|department[0]"})
    void aNestedOrIndexedNameIsRefusedNamingIt(String target, String name) {
        assertRefused(raw.get("supervisor", target), name);
    }

    @ParameterizedTest
    // Quoted, or the CSV reader would trim the control characters as white space.
    @CsvSource(delimiter = '|', value = {"/api/register?%01=1|'\u0001'",
            "/api/register/export?format=csv&%01=1|'\u0001'", "/api/register?q%7F=1|'q\u007f'",
            "/api/disputes?%0A=1|'\n'"})
    void aNameWithAControlCharacterIsRefusedNamingIt(String target, String name) {
        assertRefused(raw.get("supervisor", target), name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/api/register?q=%zz|q", "/api/register?%zz=1|%zz",
            "/api/register?q=%E6%8A|q", "/api/register/export?format=csv&q=%|q"})
    void brokenPercentEncodingIsRefusedNamingTheParameter(String target, String name) {
        assertRefused(raw.get("supervisor", target), name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/api/register?q=%00|q", "/api/register?department=a%00b|department",
            "/api/register/export?format=csv&q=%00|q", "/api/disputes?from=%00|from"})
    void aValueWithTheNulCharacterIsRefusedNamingTheParameter(String target, String name) {
        // PostgreSQL cannot take U+0000 as text: the register's search failed with 500.
        assertRefused(raw.get("supervisor", target), name);
    }

    @Test
    void aControlCharacterInAValueIsJustText() {
        Answer answer = raw.get("supervisor", "/api/register?q=%01&size=1");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void unknownPlainParametersAreIgnored() {
        Answer answer = raw.get("supervisor", "/api/register?_=1700000000&size=1");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/api/register?from=%2B300000-01-01T00:00:00Z|from",
            "/api/register?to=-5000-01-01T00:00:00Z|to", "/api/register?from=0000-01-01|from",
            "/api/register?to=9999-12-31T20:00:00Z|to", "/api/disputes?from=%2B300000-01-01T00:00Z|from",
            "/api/register/export?format=csv&from=%2B300000-01-01T00:00Z|from",
            "/api/register/export?format=csv&to=-999999999-01-01T00:00:00Z|to"})
    void aTimeFilterOutsideFourDigitYearsIsRefusedNamingIt(String target, String name) {
        assertRefused(raw.get("supervisor", target), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-06-01T00:00:00Z"})
    void anAsOfOutsideFourDigitYearsIsRefusedNamingIt(String asOf) {
        assertRefused(raw.get("auditor", LETTER + "/state?asOf=" + asOf), "asOf");
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ",desc", "receivedAt,desc,x"})
    void aSortWithoutAFieldIsRefusedNamingSort(String sort) {
        assertRefused(raw.get("supervisor", "/api/register?sort=" + sort), "sort");
    }

    private static void assertRefused(Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(answer.toString()).contains(field);
    }
}
