package dev.sluice.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.sluice.model.StoredPipe;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pipe whose upstream starts failing: one alert mail once two runs in a row failed, none for
 * the failing polls after it, one recovery mail when the upstream is back — and none at all for
 * an owner who did not ask for alerts.
 */
class FailureAlertTest {
    static final String ADA = "ada@example.org";
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @RegisterExtension
    static GreenMailExtension mail = AlertRig.greenMail();

    AlertRig rig;

    @BeforeEach
    void start() {
        rig = new AlertRig(mail, Map.of());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void oneMailWhenRunsKeepFailingNoneForLaterFailuresOneWhenTheyWorkAgain() throws Exception {
        rig.feed("/news.xml", "First");
        StoredPipe pipe = rig.pipe(ADA, "Morning news", "/news.xml");
        rig.alerts(ADA, pipe, true, 0);
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(ADA)).as("a working pipe").isEmpty();

        rig.broken("/news.xml");
        rig.poll(pipe);
        String firstFailure = MINUTE.format(rig.server.clock.instant());
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(ADA)).as("one failed run is not yet an incident").isEmpty();
        assertThat(card(rig.page(ADA, "/mypipes").body(), "Morning news")).contains("Health: ok");

        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        List<MimeMessage> mails = rig.mailsTo(ADA);
        assertThat(mails).as("the second failure in a row opens the incident").hasSize(1);
        assertThat(AlertRig.subject(mails.get(0))).isEqualTo("Sluice alert: “Morning news” is failing");
        String text = AlertRig.text(mails.get(0));
        assertThat(text).contains("Your pipe “Morning news” (" + AlertRig.BASE + "/pipe/" + pipe.id() + ") is failing")
                .contains("2 runs in a row failed, the first at " + firstFailure)
                .contains("Last error: Feed (f):").contains("no feed")
                .contains("To stop these mails, turn the alerts off").contains(AlertRig.BASE + "/pipe/" + pipe.id() + "#alerts")
                .doesNotContain(pipe.feedKey());
        assertThat(card(rig.page(ADA, "/mypipes").body(), "Morning news"))
                .contains("class=\"health failing\"").contains("Health: failing since").contains(firstFailure);

        for (int i = 0; i < 3; i++) {
            rig.poll(pipe);
            rig.server.sluice.checkHealth();
        }
        assertThat(rig.mailsTo(ADA)).as("later failing polls mail nothing").hasSize(1);

        rig.feed("/news.xml", "First", "Second");
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        rig.server.sluice.checkHealth();
        mails = rig.mailsTo(ADA);
        assertThat(mails).as("one recovery mail").hasSize(2);
        assertThat(AlertRig.subject(mails.get(1))).isEqualTo("Sluice: “Morning news” works again");
        assertThat(AlertRig.text(mails.get(1))).contains("works again: a run succeeded at").contains("after failing since " + firstFailure)
                .contains(AlertRig.BASE + "/pipe/" + pipe.id() + "#alerts");
        assertThat(card(rig.page(ADA, "/mypipes").body(), "Morning news")).contains("Health: ok");
        assertThat(rig.page(ADA, "/pipe/" + pipe.id()).body()).contains("failing: " + firstFailure + " – ")
                .contains("alert mailed; recovery mailed");

        rig.broken("/news.xml");
        rig.poll(pipe);
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.subjectsTo(ADA)).as("a new incident is mailed again").hasSize(3).last().asString().contains("is failing");
    }

    @Test
    void anOwnerWithoutAlertsGetsNoMailButSeesTheIncident() {
        rig.feed("/quiet.xml", "One");
        StoredPipe pipe = rig.pipe(ADA, "Quiet pipe", "/quiet.xml");
        rig.poll(pipe);
        rig.broken("/quiet.xml");
        rig.poll(pipe);
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(ADA)).isEmpty();
        assertThat(card(rig.page(ADA, "/mypipes").body(), "Quiet pipe")).contains("Health: failing since");
        assertThat(rig.page(ADA, "/pipe/" + pipe.id()).body()).contains("failing: ").contains("ongoing")
                .contains("alert not mailed (alerts off)");

        // Alerts turned on during the incident apply to the next one: nothing about this one, nor its end.
        rig.alerts(ADA, pipe, true, 0);
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        rig.feed("/quiet.xml", "One", "Two");
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(ADA)).isEmpty();

        // Alerts turned off while an incident is open: its recovery is not mailed either.
        rig.broken("/quiet.xml");
        rig.poll(pipe);
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(ADA)).hasSize(1);
        rig.alerts(ADA, pipe, false, 0);
        rig.feed("/quiet.xml", "One", "Two", "Three");
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(ADA)).hasSize(1);
        assertThat(rig.page(ADA, "/pipe/" + pipe.id()).body()).contains("alert mailed; recovery not mailed (alerts off)");
    }

    /** The dashboard card whose title is {@code title}. */
    static String card(String html, String title) {
        int start = html.indexOf(">" + title + "</a>");
        assertThat(start).as("a card for %s", title).isNotNegative();
        int end = html.indexOf("</li>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
