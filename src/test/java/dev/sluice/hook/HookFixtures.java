package dev.sluice.hook;

import dev.sluice.store.Database;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/** Webhook test helpers: pipes with a Webhook block, requests to hooks, and what the SQLite file holds. */
public final class HookFixtures {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HookFixtures() {
    }

    /** A fresh block id as the editor makes them: 10 lowercase hex digits. */
    public static String newHookId() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Pipe JSON: a Webhook block with {@code secret} (may be "") feeding the output. */
    public static String pipeWithWebhook(String hookId, String secret) {
        return "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"name\":\"Output\",\"userinputs\":[\"\"],"
                + "\"inputs\":[{\"from\":\"" + hookId + "\",\"from_output_slot\":0}],\"textinputs\":[]},"
                + "{\"id\":\"" + hookId + "\",\"type\":\"WebhookBlock\",\"name\":\"Webhook\","
                + "\"userinputs\":[\"\",\"" + secret + "\"],\"inputs\":[],\"textinputs\":[]}]}";
    }

    /** POSTs {@code body} to {@code /hook/<hookId>} with header name/value pairs. */
    public static HttpResponse<String> post(TestServer server, String hookId, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/hook/" + hookId)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public static HttpResponse<String> post(TestServer server, String hookId, String body, String... headers) {
        return post(server, hookId, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A connection of its own to the server's SQLite file: what is really stored. */
    public static Connection open(Path dataDir) {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME).toAbsolutePath());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** How many events of {@code hookId} the SQLite file holds. */
    public static int stored(Path dataDir, String hookId) {
        try (Connection c = open(dataDir);
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM hook_events WHERE hook_id = ?")) {
            st.setString(1, hookId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
