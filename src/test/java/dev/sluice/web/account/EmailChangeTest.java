package dev.sluice.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.sluice.auth.EmailChangeLinks;
import dev.sluice.model.User;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changing one's address, end to end through a real SMTP server (GreenMail on loopback): the link
 * goes to the new address, works once, for its account, within its time; the old address is told.
 */
class EmailChangeTest {
    private static final Pattern LINK = Pattern.compile(Pattern.quote(AccountFixture.BASE) + "(/settings/email/confirm\\?token=[A-Za-z0-9_-]+)");
    static final String OLD = "old@example.org";
    static final String NEW = "new@example.org";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    AccountFixture f;
    String session;
    User user;

    @BeforeEach
    void start() {
        f = new AccountFixture(Map.of(
                "SLUICE_SMTP_HOST", "127.0.0.1",
                "SLUICE_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()),
                "SLUICE_SMTP_TLS", "none",
                "SLUICE_SMTP_FROM", "login@sluice.test"));
        user = f.user(OLD);
        session = f.server.session(OLD);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theNewAddressConfirmsTheChangeAndTheOldOneIsTold() throws Exception {
        HttpResponse<String> asked = f.post("/settings/email", session, "email", NEW);
        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(f.follow(asked, session).body()).contains("We mailed a link to " + NEW);
        assertThat(mailsTo(OLD)).as("nothing changes, nobody is told, until the link is followed").isEmpty();

        String link = linkTo(NEW);
        HttpResponse<String> confirmPage = f.get(link, session);
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(confirmPage.body()).contains(OLD).contains(NEW).contains("method=\"post\"");
        assertThat(f.server.sluice.users().find(user.id()).orElseThrow().email()).as("opening the link changes nothing").isEqualTo(OLD);

        HttpResponse<String> done = f.post("/settings/email/confirm", session, "token", token(link));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(f.follow(done, session).body()).contains("Your address is now " + NEW);
        assertThat(f.server.sluice.users().find(user.id()).orElseThrow().email()).isEqualTo(NEW);
        assertThat(mailsTo(OLD)).hasSize(1);
        assertThat(text(mailsTo(OLD).get(0))).contains("changed from " + OLD + " to " + NEW);

        HttpResponse<String> again = f.post("/settings/email/confirm", session, "token", token(link));
        assertThat(again.statusCode()).as("a link works once").isEqualTo(410);
        assertThat(again.body()).contains("already been used");
    }

    @Test
    void anExpiredLinkChangesNothing() throws Exception {
        f.post("/settings/email", session, "email", NEW);
        String link = linkTo(NEW);
        f.server.clock.advance(EmailChangeLinks.VALIDITY.plus(Duration.ofMinutes(1)));
        HttpResponse<String> r = f.post("/settings/email/confirm", session, "token", token(link));
        assertThat(r.statusCode()).isEqualTo(410);
        assertThat(r.body()).contains("expired");
        assertThat(f.get(link, session).statusCode()).isEqualTo(410);
        assertThat(f.server.sluice.users().find(user.id()).orElseThrow().email()).isEqualTo(OLD);
    }

    @Test
    void anAddressOfAnotherAccountIsRefusedWhenAskedAndWhenConfirmed() throws Exception {
        f.user("taken@example.org");
        HttpResponse<String> r = f.post("/settings/email", session, "email", "Taken@Example.org");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("already belongs to another Sluice account");
        assertThat(mailsTo("taken@example.org")).isEmpty();

        // Free when asked, taken by the time the link is followed.
        f.post("/settings/email", session, "email", NEW);
        String link = linkTo(NEW);
        f.user(NEW);
        HttpResponse<String> late = f.post("/settings/email/confirm", session, "token", token(link));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(f.server.sluice.users().find(user.id()).orElseThrow().email()).isEqualTo(OLD);
    }

    @Test
    void theLinkWorksOnlyForItsOwnAccount() throws Exception {
        f.post("/settings/email", session, "email", NEW);
        String link = linkTo(NEW);
        String intruder = f.server.session("intruder@example.org");
        assertThat(f.get(link, intruder).statusCode()).isEqualTo(403);
        assertThat(f.post("/settings/email/confirm", intruder, "token", token(link)).statusCode()).isEqualTo(403);
        assertThat(f.server.sluice.users().find(user.id()).orElseThrow().email()).isEqualTo(OLD);

        HttpResponse<String> anonymous = f.server.get(link);
        assertThat(anonymous.statusCode()).as("anonymous: log in first, then back to the link").isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=%2Fsettings%2Femail%2Fconfirm");

        assertThat(f.post("/settings/email/confirm", session, "token", token(link)).statusCode())
                .as("the owner's link still works after others tried it").isEqualTo(303);
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        assertThat(f.post("/settings/email", session, "email", "not an address").statusCode()).isEqualTo(400);
        assertThat(f.post("/settings/email", session, "email", OLD).statusCode()).isEqualTo(400);
        assertThat(f.get("/settings/email/confirm?token=made-up", session).statusCode()).isEqualTo(400);
        assertThat(f.forged("/settings/email", session, "email", NEW).statusCode()).as("forged origin").isEqualTo(403);
        assertThat(mail.getReceivedMessages()).isEmpty();
        String token = f.server.token(OLD);
        assertThat(f.server.request("POST", "/settings/email", "email=" + NEW, "Authorization", "Bearer " + token,
                "Content-Type", AccountFixture.FORM).statusCode()).as("an API token cannot move the account").isEqualTo(403);
    }

    @Test
    void changeRequestsAreRateLimitedPerAccount() {
        for (int i = 0; i < dev.sluice.auth.EmailChange.PER_ACCOUNT; i++) {
            assertThat(f.post("/settings/email", session, "email", "n" + i + "@example.org").statusCode()).isEqualTo(303);
        }
        HttpResponse<String> r = f.post("/settings/email", session, "email", "one-more@example.org");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(mailsTo("one-more@example.org")).isEmpty();
    }

    private String linkTo(String email) throws Exception {
        List<MimeMessage> to = mailsTo(email);
        assertThat(to).as("mails to %s", email).isNotEmpty();
        Matcher m = LINK.matcher(text(to.get(to.size() - 1)));
        assertThat(m.find()).as("a confirmation link in the mail").isTrue();
        return m.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(email);
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static String text(MimeMessage m) throws MessagingException, IOException {
        return m.getContent().toString();
    }
}
