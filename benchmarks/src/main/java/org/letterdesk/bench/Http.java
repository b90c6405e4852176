package org.letterdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP/1.1 client of the server with the demo users' Basic credentials (password = user name). */
final class Http implements AutoCloseable {

    private static final Pattern LETTER_ID = Pattern.compile("\"letterId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private final HttpClient client;
    private final ExecutorService executor;
    private final String base;
    private final Map<String, String> auth = new ConcurrentHashMap<>();

    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String letterId() {
            Matcher m = LETTER_ID.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    Http(int port, int threads) {
        this.executor = Executors.newFixedThreadPool(Math.max(2, threads));
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
        this.base = "http://127.0.0.1:" + port;
    }

    Response post(String user, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body());
    }

    Response get(String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user)).GET().build();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body());
    }

    private String basic(String user) {
        return auth.computeIfAbsent(user, u -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + u).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
