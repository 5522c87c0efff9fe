package dev.sluice.websub;

import dev.sluice.feed.OutputFormat;
import dev.sluice.hook.HookFixtures;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** WebSub test helpers: requests to the hub, what its database holds, and signatures computed independently. */
final class HubFixtures {
    private HubFixtures() {
    }

    /** POSTs a form of name, value pairs to {@code /websub}. */
    static HttpResponse<String> hub(TestServer server, String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return server.post("/websub", "application/x-www-form-urlencoded", form.toString());
    }

    static HttpResponse<String> subscribe(TestServer server, String topic, String callback, String... more) {
        String[] pairs = new String[6 + more.length];
        System.arraycopy(new String[] {"hub.mode", "subscribe", "hub.topic", topic, "hub.callback", callback}, 0, pairs, 0, 6);
        System.arraycopy(more, 0, pairs, 6, more.length);
        return hub(server, pairs);
    }

    static HttpResponse<String> unsubscribe(TestServer server, String topic, String callback) {
        return hub(server, "hub.mode", "unsubscribe", "hub.topic", topic, "hub.callback", callback);
    }

    /** The feed's public URL as the pipe page shows it (the topic). */
    static String topic(TestServer server, StoredPipe pipe, OutputFormat format) {
        return server.sluice.outputs().feedUrl(pipe, format);
    }

    /** The same URL as a path on the test server. */
    static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    /** How many subscriptions for {@code callback} the SQLite file holds. */
    static int stored(TestServer server, String callback) {
        try (Connection c = HookFixtures.open(server.dataDir);
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM websub_subscriptions WHERE callback = ?")) {
            st.setString(1, callback);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (up to {@link Subscriber#WAIT}) until the database holds {@code expected} subscriptions for {@code callback}. */
    static void awaitStored(TestServer server, String callback, int expected) {
        long until = System.nanoTime() + Subscriber.WAIT.toNanos();
        while (stored(server, callback) != expected) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Subscriptions for " + callback + ": " + stored(server, callback) + ", expected " + expected);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
