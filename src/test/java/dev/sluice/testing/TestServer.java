package dev.sluice.testing;

import dev.sluice.app.Config;
import dev.sluice.app.Sluice;
import dev.sluice.auth.SessionStarter;
import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.Database;
import dev.sluice.store.PipeRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

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
        this(env, dataDir, null);
    }

    /** A server whose logins start sessions through {@code sessions} (null: the application's own). */
    public TestServer(Map<String, String> env, Path dataDir, SessionStarter sessions) {
        this.dataDir = dataDir;
        Map<String, String> all = new HashMap<>();
        all.put("SLUICE_PORT", "0");
        all.put("SLUICE_DATA_DIR", dataDir.toString());
        all.put("SLUICE_ALLOW_PRIVATE_NETWORKS", "true");
        all.put("SLUICE_HOST_SPACING_MS", "0");
        all.putAll(env);
        Config config = Config.from(all);
        this.sluice = (sessions == null ? Sluice.open(config, clock) : Sluice.open(config, clock, sessions)).serve();
    }

    public static TestServer standard() {
        return new TestServer(Map.of());
    }

    /**
     * A server a browser can use: its base URL is its real address ({@code http://127.0.0.1:port}),
     * so the origin check lets the browser's own forms and fetches through.
     */
    public static TestServer forBrowser(Map<String, String> env) {
        int port = freePort();
        Map<String, String> all = new HashMap<>(env);
        all.put("SLUICE_PORT", Integer.toString(port));
        all.put("SLUICE_BASE_URL", "http://127.0.0.1:" + port);
        return new TestServer(all);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new session for {@code email} (the account is created if needed): the session cookie's value. */
    public String session(String email) {
        return sluice.sessions().start(sluice.users().findOrCreate(email).id());
    }

    public static Path tempDir() {
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

    /** A new API token for {@code email} (the account is created if needed), from the real token service. */
    public String token(String email) {
        long userId = sluice.users().findOrCreate(email).id();
        return sluice.tokens().create(userId, "test").value();
    }

    /** Revokes a token made by {@link #token}. */
    public void revoke(String token) {
        if (execute("UPDATE api_tokens SET revoked_at = ? WHERE token_hash = ?", clock.millis(), sha256Hex(token)) != 1) {
            throw new AssertionError("No such token");
        }
    }

    /** Runs one SQL statement on the server's database file, beside the server's own connections. */
    private int execute(String sql, Object... args) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setBusyTimeout(5000);
        try (Connection c = sqlite.createConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Any request, with {@code Authorization: Bearer token} unless {@code token} is null; no body when null. */
    public HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("User-Agent", "sluice-test")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
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

    /** Any request: {@code body} null for none, {@code headers} as name, value pairs. */
    public HttpResponse<String> request(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(headers.length == 0 ? b.build() : b.headers(headers).build());
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
