package dev.sluice.testing;

import dev.sluice.app.Config;
import dev.sluice.app.Sluice;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.StoredPipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Sluice server for tests: a fresh SQLite file in a temporary data directory, a free
 * port on loopback, a hand-moved clock, and an HTTP client to talk to it.
 */
public final class TestServer implements AutoCloseable {
    public final TestClock clock = new TestClock();
    public final Path dataDir;
    public final Sluice sluice;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer(Map<String, String> env) {
        this(env, tempDir());
    }

    public TestServer(Map<String, String> env, Path dataDir) {
        this.dataDir = dataDir;
        Map<String, String> all = new HashMap<>();
        all.put("SLUICE_PORT", "0");
        all.put("SLUICE_DATA_DIR", dataDir.toString());
        all.put("SLUICE_ALLOW_PRIVATE_NETWORKS", "true");
        all.put("SLUICE_HOST_SPACING_MS", "0");
        all.putAll(env);
        this.sluice = Sluice.open(Config.from(all), clock).serve();
    }

    public static TestServer standard() {
        return new TestServer(Map.of());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sluice-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + sluice.port() + path;
    }

    /** Stores a pipe for {@code owner}, failing the test if it is invalid. */
    public StoredPipe save(String owner, String title, String json, boolean isPublic) {
        try {
            long id = sluice.users().findOrCreate(owner).id();
            return sluice.pipes().create(id, new PipeRepository.Draft(title, "", json, isPublic, List.of()));
        } catch (PipeFormatException e) {
            throw new AssertionError(e);
        }
    }

    public StoredPipe update(StoredPipe pipe, String json) {
        try {
            return sluice.pipes().update(pipe, new PipeRepository.Draft(pipe.title(), pipe.description(), json,
                    pipe.isPublic(), pipe.tags()));
        } catch (PipeFormatException e) {
            throw new AssertionError(e);
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).headers(pairs(headers)).GET().build());
    }

    public HttpResponse<String> head(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A POST with extra headers as name, value pairs (a cookie, an Origin, …). */
    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType).headers(pairs(headers))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String[] pairs(String[] headers) {
        return headers.length == 0 ? new String[] {"User-Agent", "sluice-test"} : headers;
    }

    @Override
    public void close() {
        sluice.close();
    }
}
