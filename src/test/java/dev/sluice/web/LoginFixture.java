package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.sluice.auth.Sessions;
import dev.sluice.testing.TestServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sluice server wired to a GreenMail SMTP server on loopback, and the steps of logging in.
 * The site's public URL is {@link #BASE} — a name nothing resolves: links in mail are followed
 * by requesting their path and query on the test server, and same-origin requests say
 * {@code Origin: http://sluice.test}, as a browser on that site would.
 */
final class LoginFixture implements AutoCloseable {
    static final String BASE = "http://sluice.test";
    private static final Pattern LINK = Pattern.compile("(https?://[^/\\s]+)(/login/verify\\?token=[A-Za-z0-9_-]+)");

    final GreenMailExtension mail;
    final TestServer server;
    /** The site's public URL: {@link #BASE} unless the test set another. */
    final String base;

    LoginFixture(GreenMailExtension mail) {
        this(mail, Map.of(), null);
    }

    LoginFixture(GreenMailExtension mail, Map<String, String> extraEnv, Path dataDir) {
        this.mail = mail;
        Map<String, String> env = new HashMap<>(env(mail));
        env.putAll(extraEnv);
        this.server = dataDir == null ? new TestServer(env) : new TestServer(env, dataDir);
        this.base = env.get("SLUICE_BASE_URL");
    }

    /** A GreenMail SMTP server on a free loopback port, fresh for each test. */
    static GreenMailExtension greenMail() {
        return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    }

    static Map<String, String> env(GreenMailExtension mail) {
        return Map.of(
                "SLUICE_BASE_URL", BASE,
                "SLUICE_SMTP_HOST", "127.0.0.1",
                "SLUICE_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()),
                "SLUICE_SMTP_TLS", "none",
                "SLUICE_SMTP_FROM", "login@sluice.test");
    }

    /** POST /login as the form does. */
    HttpResponse<String> requestLink(String email, String next) {
        String body = "email=" + encode(email) + (next == null ? "" : "&next=" + encode(next));
        return server.post("/login", "application/x-www-form-urlencoded", body, "Origin", base);
    }

    /** The path and query of the login link in the newest mail to {@code email}. */
    String lastLinkTo(String email) {
        List<MimeMessage> to = mailsTo(email);
        assertThat(to).as("mails to %s", email).isNotEmpty();
        return linkIn(to.get(to.size() - 1));
    }

    List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(email)).toList();
    }

    String linkIn(MimeMessage message) {
        Matcher m = LINK.matcher(text(message));
        assertThat(m.find()).as("a login link in the mail").isTrue();
        assertThat(m.group(1)).isEqualTo(base);
        return m.group(2);
    }

    /** Requests and follows a link; returns the session cookie's value. */
    String logIn(String email) {
        assertThat(requestLink(email, null).statusCode()).isEqualTo(200);
        HttpResponse<String> landed = server.get(lastLinkTo(email));
        assertThat(landed.statusCode()).isEqualTo(303);
        return sessionCookie(landed).orElseThrow();
    }

    HttpResponse<String> get(String path, String session) {
        return server.get(path, "Cookie", Sessions.COOKIE + "=" + session);
    }

    /** A same-origin form POST with the session cookie. */
    HttpResponse<String> post(String path, String session) {
        return server.post(path, "application/x-www-form-urlencoded", "", "Cookie", Sessions.COOKIE + "=" + session, "Origin", base);
    }

    /** The value of the session cookie a response sets, if it sets one. */
    static Optional<String> sessionCookie(HttpResponse<?> response) {
        return setCookie(response).map(h -> h.substring(Sessions.COOKIE.length() + 1, h.indexOf(';')));
    }

    /** The whole Set-Cookie header for the session cookie, attributes included. */
    static Optional<String> setCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(Sessions.COOKIE + "=")).findFirst();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
