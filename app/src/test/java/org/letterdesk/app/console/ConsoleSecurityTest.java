package org.letterdesk.app.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.letterdesk.app.ApiTestSupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in beside the API's own authentication: a session from the login form, whose state-changing
 * API requests must carry the CSRF token; HTTP Basic on every method without one; 401 problems (never the login
 * page) for API requests without credentials; the login page for the console without a session.
 */
class ConsoleSecurityTest extends ApiTestSupport {

    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void browserLikeClient() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        return signIn(user, password, "127.0.0.1");
    }

    /** From {@code address}, as a trusted proxy on loopback forwards it. */
    private HttpResponse<String> signIn(String user, String password, String address)
            throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/login")).GET());
        String form = "username=" + user + "&password=" + password + "&_csrf="
                + URLEncoder.encode(cookie("XSRF-TOKEN"), StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private String registration() {
        return json.writeValueAsString(letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0)
                .toString()));
    }

    private HttpRequest.Builder postLetter() {
        return HttpRequest.newBuilder(uri("/api/letters")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(registration()));
    }

    @Test
    void basicAuthenticationPostsWithoutCsrfToken() {
        Reply reply = post("clerk", "/api/letters", letter(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
                .withNano(0).toString()));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers().get("Set-Cookie")).as("Basic makes no session").isNull();
    }

    @Test
    void theLoginFormGivesAnHttpOnlyLaxSessionCookie() throws Exception {
        HttpResponse<String> login = signIn("clerk", "clerk");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        List<String> setCookies = login.headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
        HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).path("user").asString()).isEqualTo("clerk");
        assertThat(json.readTree(me.body()).path("roles").get(0).asString()).isEqualTo("CLERK");
    }

    @Test
    void aWrongPasswordReturnsToTheLoginFormWithAnError() throws Exception {
        HttpResponse<String> login = signIn("clerk", "wrong");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/login?error"));
        assertThat(send(HttpRequest.newBuilder(uri("/api/me")).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailedSignInsAreThrottledAndTheLoginPageSaysSo() throws Exception {
        // An address of its own, so this test's failures count against no other test's logins.
        String address = "198.51.100." + (1 + Math.floorMod(System.nanoTime(), 250));
        String user = "nobody" + System.nanoTime();
        assertThat(signIn(user, "wrong", address).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        // The user's bucket holds 10 failures and refills one every 6 s: within a few more the sign-in is refused.
        String location = "";
        for (int attempt = 2; attempt <= 20 && !location.contains("throttled"); attempt++) {
            location = signIn(user, "wrong", address).headers().firstValue("Location").orElse("");
        }
        assertThat(location).matches(".*/login\\?throttled=\\d+");
        assertThat(send(HttpRequest.newBuilder(uri("/login.html")).GET()).body()).contains("登录失败次数过多");
    }

    @Test
    void aSessionPostWithoutTheCsrfTokenIsRefused() throws Exception {
        signIn("clerk", "clerk");
        HttpResponse<String> refused = send(postLetter());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(json.readTree(refused.body()).path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(json.readTree(refused.body()).path("detail").asString()).contains("CSRF");

        HttpResponse<String> wrongToken = send(postLetter().header("X-XSRF-TOKEN", "not-the-token"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
    }

    @Test
    void aSessionPostWithTheCsrfTokenIsAccepted() throws Exception {
        signIn("clerk", "clerk");
        send(HttpRequest.newBuilder(uri("/")).GET()); // the console page hands out the token after sign-in
        String token = cookie("XSRF-TOKEN");
        assertThat(token).isNotBlank();
        HttpResponse<String> accepted = send(postLetter().header("X-XSRF-TOKEN", token));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(json.readTree(accepted.body()).path("serialNo").asString()).isNotBlank();
    }

    @Test
    void apiRequestsWithoutCredentialsGet401ProblemsNeverTheLoginPage() throws Exception {
        for (HttpRequest.Builder request : List.of(HttpRequest.newBuilder(uri("/api/register")).GET(), postLetter(),
                HttpRequest.newBuilder(uri("/api/me")).GET())) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("UNAUTHENTICATED");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        // The console's own requests say who they are: no Basic challenge (the browser's password dialog).
        HttpResponse<String> fromConsole = send(HttpRequest.newBuilder(uri("/api/me"))
                .header("X-Requested-With", "XMLHttpRequest").GET());
        assertThat(fromConsole.statusCode()).isEqualTo(401);
        assertThat(fromConsole.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void theConsoleWithoutASessionShowsTheLoginPage() throws Exception {
        HttpResponse<String> root = send(HttpRequest.newBuilder(uri("/")).GET());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).GET());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<form id=\"login-form\"", "登录");
        assertThat(cookie("XSRF-TOKEN")).as("the form's CSRF token").isNotBlank();
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        signIn("clerk", "clerk");
        send(HttpRequest.newBuilder(uri("/")).GET());
        HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/logout"))
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/login?logout"));
        assertThat(send(HttpRequest.newBuilder(uri("/api/me")).GET()).statusCode()).isEqualTo(401);
    }
}
