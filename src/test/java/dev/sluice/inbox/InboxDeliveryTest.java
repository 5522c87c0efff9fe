package dev.sluice.inbox;

import static dev.sluice.inbox.InboxFixtures.DOMAIN;
import static dev.sluice.inbox.InboxFixtures.allStoredMails;
import static dev.sluice.inbox.InboxFixtures.bytes;
import static dev.sluice.inbox.InboxFixtures.download;
import static dev.sluice.inbox.InboxFixtures.feed;
import static dev.sluice.inbox.InboxFixtures.savedInbox;
import static dev.sluice.inbox.InboxFixtures.smtpPort;
import static dev.sluice.inbox.InboxFixtures.smtpSession;
import static dev.sluice.inbox.InboxFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.testing.TestServer;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail sent over SMTP on loopback to a saved pipe's inbox address shows up in the pipe's feed —
 * sanitised, with its attachments downloadable — and what must not be accepted (unknown
 * addresses, oversized mail, floods) is refused with the right SMTP reply and leaves nothing behind.
 */
class InboxDeliveryTest {
    /** Small limits, so the oversized and flood cases stay small. */
    static final int MAX_KB = 256;
    static final int PER_INBOX = 5;
    static TestServer server;
    static int port;

    @BeforeAll
    static void start() {
        server = InboxFixtures.receivingServer(Map.of("SLUICE_INBOX_MAX_MAIL_KB", Integer.toString(MAX_KB),
                "SLUICE_INBOX_MAILS_PER_HOUR", Integer.toString(PER_INBOX), "SLUICE_INBOX_MAILS_PER_IP_PER_HOUR", "10000"));
        port = smtpPort(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A PDF's start and end around binary bytes, as real ones have: sent base64, it must come back byte for byte. */
    static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n\u0000\u0001\u00ff\r\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** A newsletter as mailing services send one: text and HTML alternatives, an inline logo, a PDF attached. */
    static MimeMessage newsletter(Session session, String to) throws MessagingException, java.io.IOException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("news@letters.example", "Weekly Letters"));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject("Issue 42: the best of the week", "UTF-8");
        m.setSentDate(Date.from(Instant.parse("2026-03-01T08:30:00Z")));

        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello readers, the plain version.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><head><title>Issue 42</title><style>p{color:red}</style></head><body>"
                + "<script>alert('mail')</script><p onclick=\"steal()\">Hello <b>readers</b></p>"
                + "<a href=\"javascript:alert(1)\">click</a><a href=\"https://letters.example/read\">read online</a>"
                + "<img src=\"cid:logo@letters.example\" alt=\"logo\"><img src=\"https://letters.example/x.gif\" onerror=\"steal()\">"
                + "</body></html>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);

        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new DataHandler(new ByteArrayDataSource(PNG, "image/png")));
        logo.setContentID("<logo@letters.example>");
        logo.setDisposition(Part.INLINE);
        MimeMultipart related = new MimeMultipart("related", alternativePart, logo);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);

        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
        pdf.setFileName("Issue 42 – summary.pdf");
        pdf.setDisposition(Part.ATTACHMENT);
        m.setContent(new MimeMultipart("mixed", relatedPart, pdf));
        return m;
    }

    static MimeMessage newsletterWithSubject(Session session, String to, String subject) throws MessagingException, java.io.IOException {
        MimeMessage m = newsletter(session, to);
        m.setSubject(subject, "UTF-8");
        return m;
    }

    static MimeMessage plain(Session session, String to, String subject, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("author@plain.example"));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject);
        m.setText(body, "UTF-8");
        return m;
    }

    @Test
    void anHtmlNewsletterWithAnAttachmentBecomesASanitisedItemWhoseEnclosureDownloads() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "reader@example.org");
        Session session = smtpSession(port);
        Transport.send(newsletter(session, inbox.address()));

        JsonNode items = feed(server, inbox.pipe()).get("items");
        assertThat(items).hasSize(1);
        JsonNode item = items.get(0);
        assertThat(item.get("title").asText()).isEqualTo("Issue 42: the best of the week");
        assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo("Weekly Letters");
        assertThat(item.get("date_published").asText()).isEqualTo("2026-03-01T08:30:00Z");
        String html = item.get("content_html").asText();
        assertThat(html).contains("Hello <b>readers</b>", "https://letters.example/read", "read online")
                .doesNotContain("<script", "alert(", "onclick", "onerror", "javascript:", "steal", "color:red", "Issue 42</title>");

        JsonNode attachments = item.get("attachments");
        assertThat(attachments).as("the PDF; the inline logo is shown in the body instead").hasSize(1);
        JsonNode pdf = attachments.get(0);
        assertThat(pdf.get("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(pdf.get("size_in_bytes").asLong()).isEqualTo(PDF.length);
        String url = pdf.get("url").asText();
        assertThat(url).matches("https?://[^/]+/inbox/attachments/[A-Za-z0-9]{32}");

        HttpResponse<byte[]> file = download(server, url);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("filename*=UTF-8''Issue%2042%20%E2%80%93%20summary.pdf");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");

        // The inline logo: its cid: link now points at the stored image, which downloads too.
        String logo = html.replaceAll("(?s).*<img src=\"([^\"]+/inbox/attachments/[^\"]+)\" alt=\"logo\".*", "$1");
        assertThat(logo).as(html).contains("/inbox/attachments/");
        assertThat(download(server, logo).body()).isEqualTo(PNG);

        assertThat(download(server, url.substring(0, url.length() - 1) + "x").statusCode()).as("a made-up id").isEqualTo(404);
    }

    @Test
    void aPlainTextMailBecomesEscapedParagraphsWithLinks() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "reader@example.org");
        Transport.send(plain(smtpSession(port), inbox.address(), "Plain & simple",
                "Hello <readers>,\nsecond line.\n\nRead more at https://plain.example/post?a=1&b=2.\n"));

        JsonNode item = feed(server, inbox.pipe()).get("items").get(0);
        assertThat(item.get("title").asText()).isEqualTo("Plain & simple");
        assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo("author@plain.example");
        assertThat(item.get("content_html").asText())
                .contains("<p>Hello &lt;readers&gt;,<br>second line.</p>")
                .contains("<a href=\"https://plain.example/post?a=1&amp;b=2\">https://plain.example/post?a=1&amp;b=2</a>.</p>");
        assertThat(item.has("attachments")).isFalse();
        assertThat(item.get("id").asText()).as("a stable guid of its own").startsWith("sluice:");
    }

    @Test
    void theSizeLimitIsAdvertisedAndUnknownRecipientsAreRefusedWithNothingStored() {
        int before = allStoredMails(server);
        try (SmtpDialog smtp = new SmtpDialog(port)) {
            assertThat(smtp.greeting).startsWith("220 ").contains(DOMAIN);
            assertThat(smtp.command("EHLO client.test")).contains("250-SIZE " + MAX_KB * 1024);
            assertThat(smtp.command("MAIL FROM:<someone@elsewhere.example>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + InboxFixtures.newBlockId() + "@" + DOMAIN + ">"))
                    .as("no saved pipe has this address").startsWith("550 5.1.1");
            assertThat(smtp.command("RCPT TO:<postmaster@" + DOMAIN + ">")).startsWith("550");
            String someonesInbox = savedInbox(server, "reader@example.org").blockId();
            assertThat(smtp.command("RCPT TO:<" + someonesInbox + "@other.example>")).as("another domain: no relaying")
                    .startsWith("550");
            assertThat(smtp.command("DATA")).as("no recipient accepted").startsWith("503");
            assertThat(smtp.command("QUIT")).startsWith("221");
        }
        assertThat(allStoredMails(server)).isEqualTo(before);
    }

    @Test
    void anOversizedMailIsRefusedAndNothingIsStoredWhetherOrNotItsSizeWasDeclared() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "reader@example.org");
        byte[] big = bytes(plain(smtpSession(port), inbox.address(), "Too big", "x".repeat(MAX_KB * 1024 + 10)));
        try (SmtpDialog smtp = new SmtpDialog(port)) {
            smtp.command("EHLO client.test");
            assertThat(smtp.command("MAIL FROM:<big@sender.example> SIZE=" + big.length)).startsWith("552");
            // A sender that declares nothing: refused after the data, and the session goes on.
            assertThat(smtp.envelope("big@sender.example", inbox.address())).startsWith("250");
            assertThat(smtp.data(big)).startsWith("552 5.3.4");
            assertThat(smtp.command("RSET")).startsWith("250");
            assertThat(smtp.command("NOOP")).startsWith("250");
        }
        assertThatThrownBy(() -> Transport.send(plain(smtpSession(port), inbox.address(), "Too big", "y".repeat(MAX_KB * 1024 + 10))))
                .isInstanceOf(MessagingException.class);
        assertThat(stored(server, inbox.blockId())).containsExactly(0, 0);
        assertThat(feed(server, inbox.pipe()).get("items")).isEmpty();
    }

    @Test
    void aFloodIsRefusedForNowOnceTheInboxRateIsUsedAndEveryAcceptedMailIsInTheFeed() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "reader@example.org");
        Session session = smtpSession(port);
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (SmtpDialog smtp = new SmtpDialog(port)) {
            for (int i = 1; i <= PER_INBOX + 4; i++) {
                String subject = "Flood " + i;
                String reply = smtp.send("flood@sender.example", inbox.address(), bytes(plain(session, inbox.address(), subject, "mail " + i)));
                (reply.startsWith("250") ? accepted : refused).add(subject + " " + reply);
            }
        }
        assertThat(accepted).hasSize(PER_INBOX);
        assertThat(refused).hasSize(4).allSatisfy(r -> assertThat(r).matches("Flood \\d+ 450 4\\.2\\.1 .*try again in \\d+ s"));
        List<String> titles = new ArrayList<>();
        feed(server, inbox.pipe()).get("items").forEach(i -> titles.add(i.get("title").asText()));
        assertThat(titles).containsExactlyInAnyOrderElementsOf(accepted.stream().map(a -> a.substring(0, a.indexOf(" 250"))).toList());
    }

    /** Broken mail a real MTA might pass on: each is accepted and shows what could be read, or says why not. */
    @Test
    void malformedMailIsStoredWithWhatCouldBeReadAndNothingCrashes() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "reader@example.org");
        String to = "To: " + inbox.address() + "\r\n";
        List<String> mails = List.of(
                // a multipart whose boundary never comes
                "Subject: No boundary\r\n" + to + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"nope\"\r\n\r\n"
                        + "Just some text, no parts at all.\r\n",
                // a base64 attachment that is not base64, and an unknown charset
                "Subject: Broken parts\r\n" + to + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\nReadable text\r\n"
                        + "--b\r\nContent-Type: application/pdf; name=broken.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + "!!!! not base64 @@@@\r\n--b--\r\n",
                // no headers that mean anything, control characters and 8-bit bytes in the body
                "Garbage without a colon\r\n\r\nBody \u0000\u0001 with NUL \u00ff\u00fe bytes\r\n",
                // multiparts nested far deeper than any newsletter
                "Subject: Nested\r\n" + to + "MIME-Version: 1.0\r\n" + nested(40),
                // a Content-Type that cannot be parsed and a Date far in the future
                "Subject: Bad type\r\n" + to + "Date: Fri, 1 Jan 2100 00:00:00 +0000\r\nContent-Type: ;;;=\"\r\n\r\nStill text\r\n");
        try (SmtpDialog smtp = new SmtpDialog(port)) {
            for (String mail : mails) {
                assertThat(smtp.send("odd@sender.example", inbox.address(), mail.getBytes(StandardCharsets.ISO_8859_1)))
                        .as(mail.substring(0, 20)).startsWith("250");
            }
        }
        JsonNode items = feed(server, inbox.pipe()).get("items");
        assertThat(items).hasSize(mails.size());
        StringBuilder all = new StringBuilder();
        items.forEach(i -> all.append(i.get("title").asText()).append(" | ").append(i.get("content_html").asText()).append("\n"));
        assertThat(all.toString()).contains("No boundary", "Just some text", "Broken parts", "Readable text", "Nested",
                "nested deeper than", "Bad type", "Still text", "with NUL", "(no subject)").doesNotContain("\u0000");
        for (JsonNode item : items) {
            if (item.get("title").asText().equals("Bad type")) {
                assertThat(Instant.parse(item.get("date_published").asText())).as("a Date in 2100 is not believed")
                        .isBefore(Instant.parse("2099-01-01T00:00:00Z"));
            }
        }
        assertThat(all.toString()).contains("Not all of this mail could be read");
    }

    /** A multipart nested {@code depth} times around one text part. */
    static String nested(int depth) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            open.append(i == 0 ? "" : "--n" + (i - 1) + "\r\n").append("Content-Type: multipart/mixed; boundary=n").append(i)
                    .append("\r\n\r\n");
            close.insert(0, "--n" + i + "--\r\n");
        }
        return open + "--n" + (depth - 1) + "\r\nContent-Type: text/plain\r\n\r\ninnermost text\r\n" + close;
    }

    @Test
    void theSameMailDeliveredTwiceIsOneItem() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "reader@example.org");
        MimeMessage once = plain(smtpSession(port), inbox.address(), "Sent twice", "the sender lost our 250");
        once.saveChanges();
        byte[] message = bytes(once);
        try (SmtpDialog smtp = new SmtpDialog(port)) {
            assertThat(smtp.send("twice@sender.example", inbox.address(), message)).startsWith("250");
            assertThat(smtp.send("twice@sender.example", inbox.address(), message)).startsWith("250");
        }
        assertThat(feed(server, inbox.pipe()).get("items")).hasSize(1);
    }

    @Test
    void theNewestMailsComeFirstAndTheBlockShowsAsManyAsItsOptionSays() throws Exception {
        String id = InboxFixtures.newBlockId();
        var pipe = server.save("reader@example.org", "Two newest", InboxFixtures.pipeWithInbox(id, "2"), false);
        Session session = smtpSession(port);
        for (String subject : List.of("first", "second", "third")) {
            Transport.send(plain(session, id + "@" + DOMAIN, subject, subject));
            server.clock.advance(java.time.Duration.ofSeconds(1));
        }
        List<String> titles = new ArrayList<>();
        feed(server, pipe).get("items").forEach(i -> titles.add(i.get("title").asText()));
        assertThat(titles).containsExactly("third", "second");
    }
}
