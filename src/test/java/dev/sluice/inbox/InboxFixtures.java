package dev.sluice.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/** Inbox test helpers: servers that receive mail, pipes with an Inbox block, their feeds, what the SQLite file holds. */
final class InboxFixtures {
    static final String DOMAIN = "inbox.test";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private InboxFixtures() {
    }

    /** A server whose SMTP receiver listens on a free loopback port, for *@inbox.test, with {@code env} on top. */
    static TestServer receivingServer(Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("SLUICE_SMTP_LISTEN", "127.0.0.1:0");
        all.put("SLUICE_MAIL_DOMAIN", DOMAIN);
        all.putAll(env);
        return new TestServer(all);
    }

    static int smtpPort(TestServer server) {
        return server.sluice.smtpPort().orElseThrow();
    }

    /** A fresh block id as the editor makes them: 10 lowercase hex digits. */
    static String newBlockId() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Pipe JSON: an Inbox block (showing {@code count} mails, "" for the default) feeding the output. */
    static String pipeWithInbox(String blockId, String count) {
        return "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"name\":\"Output\",\"userinputs\":[\"\"],"
                + "\"inputs\":[{\"from\":\"" + blockId + "\",\"from_output_slot\":0}],\"textinputs\":[]},"
                + "{\"id\":\"" + blockId + "\",\"type\":\"InboxBlock\",\"name\":\"Newsletters\","
                + "\"userinputs\":[\"\",\"" + count + "\"],\"inputs\":[],\"textinputs\":[]}]}";
    }

    /** A saved private pipe of {@code owner} with a new Inbox block; answers the block's id. */
    static Saved savedInbox(TestServer server, String owner) {
        String id = newBlockId();
        StoredPipe pipe = server.save(owner, "Newsletters", pipeWithInbox(id, ""), false);
        return new Saved(pipe, id, id + "@" + DOMAIN);
    }

    /** A saved pipe with an Inbox block, and its address. */
    record Saved(StoredPipe pipe, String blockId, String address) {
    }

    /** The pipe's JSON Feed, read through HTTP with its feed key. */
    static JsonNode feed(TestServer server, StoredPipe pipe) {
        String url = server.sluice.outputs().feedUrl(pipe, OutputFormat.JSON).replaceFirst("^https?://[^/]+", "");
        HttpResponse<String> r = server.get(url);
        if (r.statusCode() != 200) {
            throw new AssertionError(url + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of an absolute URL's path on {@code server}, the body as bytes. */
    static HttpResponse<byte[]> download(TestServer server, String url) {
        String path = url.replaceFirst("^https?://[^/]+", "");
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A message as it goes over the wire. */
    static byte[] bytes(MimeMessage message) {
        try {
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** A session for building messages and for sending them to {@code port} on loopback. */
    static Session smtpSession(int port) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(port));
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "10000");
        return Session.getInstance(props);
    }

    /** How many mails (and attachments) the server's database holds for {@code address}'s local part. */
    static int[] stored(TestServer server, String blockId) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir.resolve("sluice.db"));
             PreparedStatement mails = c.prepareStatement("SELECT COUNT(*) FROM inbox_mails WHERE address = ?");
             PreparedStatement files = c.prepareStatement("SELECT COUNT(*) FROM inbox_attachments a "
                     + "JOIN inbox_mails m ON m.id = a.mail_id WHERE m.address = ?")) {
            mails.setString(1, blockId.toLowerCase());
            files.setString(1, blockId.toLowerCase());
            return new int[] {count(mails), count(files)};
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Every row of the mail tables: nothing may be stored by a refused delivery. */
    static int allStoredMails(TestServer server) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir.resolve("sluice.db"));
             PreparedStatement st = c.prepareStatement("SELECT (SELECT COUNT(*) FROM inbox_mails) + (SELECT COUNT(*) FROM inbox_attachments)")) {
            return count(st);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static int count(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
