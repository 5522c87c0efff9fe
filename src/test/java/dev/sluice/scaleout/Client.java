package dev.sluice.scaleout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user, a webhook sender and Prometheus do over HTTP against any node: the pipe API with an
 * API token, the public feed, {@code POST /hook/<id>}, and {@code /metrics} with the metrics token.
 */
final class Client {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String apiToken;
    private final String metricsToken;

    Client(String apiToken, String metricsToken) {
        this.apiToken = apiToken;
        this.metricsToken = metricsToken;
    }

    /** {@code POST /api/pipes}: a new public pipe; its id. */
    String createPipe(Node node, String title, String pipeJson) {
        HttpResponse<String> r = send(api(node, "/api/pipes")
                .POST(HttpRequest.BodyPublishers.ofString(pipeBody(title, pipeJson))).build());
        return field(expect(201, r), "id");
    }

    /** {@code PUT /api/pipes/<id>} with new pipe JSON: a new version. */
    void updatePipe(Node node, String id, String title, String pipeJson) {
        expect(200, send(api(node, "/api/pipes/" + id)
                .PUT(HttpRequest.BodyPublishers.ofString(pipeBody(title, pipeJson))).build()));
    }

    /** {@code GET /feed/<id>.rss} as a feed reader asks, without a token. */
    static HttpResponse<String> feed(Node node, String pipeId) {
        return send(HttpRequest.newBuilder(URI.create(node.url("/feed/" + pipeId + ".rss")))
                .timeout(Duration.ofSeconds(30)).build());
    }

    /** {@code POST /hook/<hookId>} with a JSON body; the status (an exception when the node is gone). */
    static int hook(Node node, String hookId, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/hook/" + hookId)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** {@code GET /metrics} with the metrics token. */
    String metrics(Node node) {
        return expect(200, send(HttpRequest.newBuilder(URI.create(node.url("/metrics")))
                .header("Authorization", "Bearer " + metricsToken).timeout(Duration.ofSeconds(10)).build()));
    }

    /** The value of counter {@code sluice_jobs_total} for {@code job} and {@code outcome} in a scrape (0 when absent). */
    static double jobRuns(String scrape, String job, String outcome) {
        Matcher m = Pattern.compile("(?m)^sluice_jobs_total\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(scrape);
        double sum = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("job=\"" + job + "\"") && labels.contains("outcome=\"" + outcome + "\"")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private HttpRequest.Builder api(Node node, String path) {
        return HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiToken).header("Content-Type", "application/json");
    }

    private static String pipeBody(String title, String pipeJson) {
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("title", title);
            body.put("public", true);
            body.set("pipe", JSON.readTree(pipeJson));
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new AssertionError(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
