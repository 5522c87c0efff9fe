package dev.sluice.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.InboxMailRepository.NewMail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What is kept of received mail, whole or broken: never an exception, always what could be read and why not the rest. */
class MailReaderTest {
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    static NewMail read(String mail, int maxAttachment) {
        return MailReader.read(mail.getBytes(StandardCharsets.ISO_8859_1), "sender@example.org", NOW, maxAttachment);
    }

    static NewMail read(String mail) {
        return read(mail, 1024 * 1024);
    }

    @Test
    void headersAreDecodedAndTheMessageIdIsTheKey() {
        NewMail m = read("From: =?UTF-8?Q?Caf=C3=A9_Letters?= <cafe@letters.example>\r\nSubject: =?UTF-8?B?w6l0w6kgMjAyNg==?=\r\n"
                + "Date: Thu, 30 Apr 2026 09:00:00 +0200\r\nMessage-ID: <abc@letters.example>\r\n\r\nHi\r\n");
        assertThat(m.author()).isEqualTo("Café Letters");
        assertThat(m.subject()).isEqualTo("été 2026");
        assertThat(m.sentAt()).isEqualTo(Instant.parse("2026-04-30T07:00:00Z"));
        assertThat(m.messageKey()).isEqualTo("<abc@letters.example>");
        assertThat(m.text()).isEqualTo("Hi\r\n");
        assertThat(m.problem()).isEmpty();
    }

    @Test
    void withoutAMessageIdTheKeyIsAHashOfTheMessage() {
        NewMail a = read("Subject: a\r\n\r\nsame\r\n");
        assertThat(a.messageKey()).startsWith("sha256:").isEqualTo(read("Subject: a\r\n\r\nsame\r\n").messageKey());
        assertThat(read("Subject: a\r\n\r\nother\r\n").messageKey()).isNotEqualTo(a.messageKey());
    }

    @Test
    void aMultipartWithoutItsBoundaryIsShownAsText() {
        NewMail m = read("Subject: x\r\nContent-Type: multipart/mixed; boundary=\"nope\"\r\n\r\nJust text.\r\n");
        assertThat(m.text()).contains("Just text.");
        assertThat(m.problem()).contains("multipart could not be split");
    }

    @Test
    void brokenBase64AndUnknownCharsetsKeepWhatCanBeRead() {
        NewMail m = read("Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\nReadable text\r\n"
                + "--b\r\nContent-Type: application/pdf; name=broken.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "!!!! not base64 @@@@\r\n--b--\r\n");
        assertThat(m.text()).contains("Readable text");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("broken.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
        });
    }

    @Test
    void nestingBeyondTheLimitIsLeftOutAndSaid() {
        NewMail m = read("Subject: deep\r\nMIME-Version: 1.0\r\n" + InboxDeliveryTest.nested(40));
        assertThat(m.problem()).contains("nested deeper than " + MailParts.MAX_DEPTH);
        assertThat(m.text()).doesNotContain("innermost text");
    }

    @Test
    void garbageIsKeptAsTextWithoutControlCharacters() {
        NewMail m = read("\u0000\u0001\u00ff garbage \u0007\r\n\r\nbody \u0000 text\r\n");
        assertThat(m.text() + m.html()).doesNotContain("\u0000", "\u0001", "\u0007");
        assertThat(m.subject()).isEmpty();
    }

    @Test
    void attachmentsOverTheLimitAreListedWithoutTheirContent() {
        String mail = "Subject: files\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"../../etc/big.bin\"\r\n\r\n"
                + "x".repeat(2000) + "\r\n"
                + "--b\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\nContent-Disposition: inline\r\n\r\nPNG\r\n--b--\r\n";
        NewMail m = read(mail, 1000);
        assertThat(m.html()).contains("<p>Hi</p>");
        assertThat(m.attachments()).hasSize(2);
        assertThat(m.attachments().get(0).fileName()).as("no path").isEqualTo("big.bin");
        assertThat(m.attachments().get(0).body()).as("over the limit: not kept").isNull();
        assertThat(m.attachments().get(0).size()).isGreaterThan(1000);
        assertThat(m.attachments().get(1).contentId()).isEqualTo("logo@x");
        assertThat(m.attachments().get(1).body()).isNotNull();
    }

    @Test
    void aDateFarAheadIsNotBelieved() {
        assertThat(read("Subject: x\r\nDate: Fri, 1 Jan 2100 00:00:00 +0000\r\n\r\nx\r\n").sentAt()).isNull();
        assertThat(read("Subject: x\r\nDate: not a date\r\n\r\nx\r\n").sentAt()).isNull();
    }
}
