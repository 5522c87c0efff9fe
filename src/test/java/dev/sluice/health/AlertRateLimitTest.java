package dev.sluice.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.sluice.model.StoredPipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many pipes of one owner failing at once: no more alert mails an hour than the limit, the last
 * one gathering the rest so that no pipe goes unmentioned, later news waiting for the next hour;
 * another owner's mails are not held back by it.
 */
class AlertRateLimitTest {
    static final String CAL = "cal@example.org";
    static final String DEE = "dee@example.org";

    @RegisterExtension
    static GreenMailExtension mail = AlertRig.greenMail();

    AlertRig rig;

    @BeforeEach
    void start() {
        rig = new AlertRig(mail, Map.of("SLUICE_ALERT_MAILS_PER_HOUR", "2"));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aFloodOfIncidentsIsGatheredWithinTheHourlyLimitAndNothingIsLost() {
        List<StoredPipe> pipes = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            rig.feed("/p" + i + ".xml", "item " + i);
            StoredPipe p = rig.pipe(CAL, "Pipe number " + i, "/p" + i + ".xml");
            rig.alerts(CAL, p, true, 0);
            pipes.add(p);
        }
        rig.feed("/dee.xml", "d");
        StoredPipe dees = rig.pipe(DEE, "Dee's pipe", "/dee.xml");
        rig.alerts(DEE, dees, true, 0);
        StoredPipe[] all = allOf(pipes, dees);
        rig.poll(all);

        for (int i = 1; i <= 6; i++) {
            rig.broken("/p" + i + ".xml");
        }
        rig.broken("/dee.xml");
        rig.poll(all);
        rig.poll(all);
        rig.server.sluice.checkHealth();
        rig.server.sluice.checkHealth();

        List<String> subjects = rig.subjectsTo(CAL);
        assertThat(subjects).as("two mails an hour at most").hasSize(2);
        assertThat(subjects.get(0)).isEqualTo("Sluice alert: “Pipe number 1” is failing");
        assertThat(subjects.get(1)).isEqualTo("Sluice alerts: 5 changes to your pipes");
        String digest = AlertRig.text(rig.mailsTo(CAL).get(1));
        assertThat(digest).contains("at most 2 alert mails an hour");
        for (int i = 2; i <= 6; i++) {
            assertThat(digest).as("pipe %s in the digest", i).contains("“Pipe number " + i + "”")
                    .contains(AlertRig.BASE + "/pipe/" + pipes.get(i - 1).id() + "#alerts");
        }
        assertThat(digest).doesNotContain("“Pipe number 1”");
        assertThat(rig.subjectsTo(DEE)).as("another owner's own budget").containsExactly("Sluice alert: “Dee's pipe” is failing");

        // The upstreams come back within the hour: the recoveries wait, and say so on the page.
        for (int i = 1; i <= 6; i++) {
            rig.feed("/p" + i + ".xml", "item " + i, "news " + i);
        }
        rig.poll(all);
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(CAL)).hasSize(2);
        assertThat(rig.page(CAL, "/pipe/" + pipes.get(0).id()).body()).contains("recovery waiting to be mailed");

        rig.server.clock.advance(Duration.ofHours(1));
        rig.server.sluice.checkHealth();
        subjects = rig.subjectsTo(CAL);
        assertThat(subjects).as("the next hour's two mails carry all six recoveries").hasSize(4);
        assertThat(subjects.get(2)).isEqualTo("Sluice: “Pipe number 1” works again");
        assertThat(subjects.get(3)).isEqualTo("Sluice alerts: 5 changes to your pipes");
        assertThat(AlertRig.text(rig.mailsTo(CAL).get(3))).contains("“Pipe number 6”").contains("works again");

        rig.server.clock.advance(Duration.ofHours(1));
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(CAL)).as("nothing is sent twice").hasSize(4);
    }

    private static StoredPipe[] allOf(List<StoredPipe> pipes, StoredPipe more) {
        List<StoredPipe> all = new ArrayList<>(pipes);
        all.add(more);
        return all.toArray(StoredPipe[]::new);
    }
}
