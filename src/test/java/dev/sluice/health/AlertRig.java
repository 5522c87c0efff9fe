package dev.sluice.health;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.sluice.auth.Sessions;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * What the alert tests share: an upstream on loopback (MockWebServer) whose answers a test
 * changes per path, a GreenMail SMTP server, and Sluice servers wired to both on a real SQLite
 * file — a second one can be started on the same file, as after a restart.
 */
final class AlertRig implements AutoCloseable {
    static final String BASE = "http://sluice.test";
    static final String FORM = "application/x-www-form-urlencoded";
    /** Between polls: past the output cache (10 min) and the download cache (10 min). */
    static final Duration POLL = Duration.ofMinutes(11);

    final GreenMailExtension mail;
    final MockWebServer upstream = new MockWebServer();
    final Map<String, Supplier<MockResponse>> answers = new ConcurrentHashMap<>();
    final Path dataDir = TestServer.tempDir();
    final Map<String, String> env = new HashMap<>();
    TestServer server;

    AlertRig(GreenMailExtension mail, Map<String, String> extraEnv) {
        this.mail = mail;
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Supplier<MockResponse> answer = answers.get(request.getRequestUrl().encodedPath());
                return answer == null ? new MockResponse().setResponseCode(404) : answer.get();
            }
        });
        try {
            upstream.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.putAll(Map.of("SLUICE_BASE_URL", BASE, "SLUICE_SMTP_HOST", "127.0.0.1",
                "SLUICE_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()), "SLUICE_SMTP_TLS", "none",
                "SLUICE_SMTP_FROM", "alerts@sluice.test"));
        env.putAll(extraEnv);
        server = start();
    }

    static GreenMailExtension greenMail() {
        return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    }

    /** A Sluice server on this rig's database file. */
    TestServer start() {
        return new TestServer(env, dataDir);
    }

    String url(String path) {
        return "http://127.0.0.1:" + upstream.getPort() + path;
    }

    /** The upstream answers {@code path} with an RSS feed of these items (each title is its guid). */
    void feed(String path, String... titles) {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>c</title>");
        for (String t : titles) {
            rss.append("<item><title>").append(t).append("</title><guid>").append(t).append("</guid></item>");
        }
        String body = rss.append("</channel></rss>").toString();
        answers.put(path, () -> new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(body));
    }

    /** The upstream answers {@code path} with a maintenance page instead of its feed: the runs fail. */
    void broken(String path) {
        answers.put(path, () -> new MockResponse().setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>Down for maintenance</h1></body></html>"));
    }

    /** The upstream answers {@code path} with 503: the downloader bridges it with its last copy. */
    void unavailable(String path) {
        answers.put(path, () -> new MockResponse().setResponseCode(503).setBody("busy"));
    }

    static String feedPipe(String url) {
        return "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}]},"
                + "{\"id\":\"f\",\"type\":\"FeedBlock\",\"userinputs\":[\"" + url + "\"]}]}";
    }

    StoredPipe pipe(String owner, String title, String path) {
        return server.save(owner, title, feedPipe(url(path)), false);
    }

    /** A feed reader's request of the pipe's feed (after moving the clock past the caches). */
    void poll(StoredPipe... pipes) {
        server.clock.advance(POLL);
        for (StoredPipe p : pipes) {
            HttpResponse<String> r = server.get("/feed/" + p.id() + ".rss?key=" + p.feedKey());
            if (r.statusCode() != 200) {
                throw new AssertionError("feed of " + p.title() + ": " + r.statusCode());
            }
        }
    }

    /** The owner sets the pipe's alerts with the pipe page's form. */
    void alerts(String owner, StoredPipe pipe, boolean failures, int staleHours) {
        String body = (failures ? "failures=on&" : "") + "staleHours=" + staleHours;
        HttpResponse<String> r = server.post("/pipe/" + pipe.id() + "/alerts", FORM, body,
                "Cookie", Sessions.COOKIE + "=" + server.session(owner), "Origin", BASE);
        if (r.statusCode() != 303 || !r.headers().firstValue("Location").orElse("").contains("notice=alerts-saved")) {
            throw new AssertionError("alert settings not saved: " + r.statusCode() + " " + r.headers().map());
        }
    }

    HttpResponse<String> page(String owner, String path) {
        return server.get(path, "Cookie", Sessions.COOKIE + "=" + server.session(owner));
    }

    List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(email)).toList();
    }

    List<String> subjectsTo(String email) {
        return mailsTo(email).stream().map(AlertRig::subject).toList();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        try {
            upstream.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
