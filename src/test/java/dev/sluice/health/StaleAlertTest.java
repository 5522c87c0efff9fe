package dev.sluice.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.sluice.model.StoredPipe;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "No new item for N hours": every run is ok but brings nothing new — after N hours on the
 * controlled clock, one mail; one more when a new item comes.
 */
class StaleAlertTest {
    static final String BEA = "bea@example.org";
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
    void anOutputWithoutNewItemsForTheHoursSetIsMailedOnceAndItsRecoveryOnce() {
        rig.feed("/blog.xml", "Post 1", "Post 2");
        StoredPipe pipe = rig.pipe(BEA, "Blog digest", "/blog.xml");
        rig.alerts(BEA, pipe, false, 3);
        rig.poll(pipe);
        Instant lastNew = rig.server.clock.instant();

        for (int hour = 0; hour < 2; hour++) {
            rig.server.clock.advance(Duration.ofMinutes(50));
            rig.poll(pipe);
            rig.server.sluice.checkHealth();
        }
        assertThat(rig.mailsTo(BEA)).as("two hours without news, three allowed").isEmpty();
        assertThat(FailureAlertTest.card(rig.page(BEA, "/mypipes").body(), "Blog digest")).contains("Health: ok");

        rig.server.clock.advance(Duration.ofMinutes(70));
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.subjectsTo(BEA)).containsExactly("Sluice alert: “Blog digest” has no new items");
        assertThat(AlertRig.text(rig.mailsTo(BEA).get(0))).contains("has had no new item since " + MINUTE.format(lastNew))
                .contains("more than 3 hours").contains("Its last run was at")
                .contains(AlertRig.BASE + "/pipe/" + pipe.id() + "#alerts");
        assertThat(FailureAlertTest.card(rig.page(BEA, "/mypipes").body(), "Blog digest"))
                .contains("class=\"health stale\"").contains("Health: stale since").contains(MINUTE.format(lastNew));

        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        rig.server.clock.advance(Duration.ofHours(5));
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(BEA)).as("one mail per incident").hasSize(1);

        rig.feed("/blog.xml", "Post 1", "Post 2", "Post 3");
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        List<String> subjects = rig.subjectsTo(BEA);
        assertThat(subjects).containsExactly("Sluice alert: “Blog digest” has no new items",
                "Sluice: “Blog digest” has new items again");
        assertThat(FailureAlertTest.card(rig.page(BEA, "/mypipes").body(), "Blog digest")).contains("Health: ok");
    }

    /**
     * An upstream answering 503 while the downloader still has a recent copy: the runs are ok
     * (the copy is served, the failure is a warning in the run list), so it is the watch on new
     * items that tells the owner.
     */
    @Test
    void anUpstreamBridgedByItsLastCopyIsCaughtByTheWatchOnNewItems() {
        rig.feed("/down.xml", "Only post");
        StoredPipe pipe = rig.pipe(BEA, "Bridged", "/down.xml");
        rig.alerts(BEA, pipe, true, 2);
        rig.poll(pipe);
        rig.unavailable("/down.xml");
        rig.server.clock.advance(Duration.ofMinutes(50));
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        String runs = rig.server.send("GET", "/api/pipes/" + pipe.id() + "/runs", rig.server.token(BEA), null).body();
        assertThat(runs).as("the bridged failure is in the run's messages").contains("\"outcome\":\"ok\"")
                .contains("HTTP 503").contains("\"items\":1").contains("\"status\":\"ok\"");
        assertThat(rig.mailsTo(BEA)).isEmpty();

        rig.server.clock.advance(Duration.ofMinutes(50));
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.subjectsTo(BEA)).containsExactly("Sluice alert: “Bridged” has no new items");
    }

    @Test
    void theSameItemsInAnotherOrderOrAWatchMadeLongerAreNoNews() {
        rig.feed("/list.xml", "A", "B");
        StoredPipe pipe = rig.pipe(BEA, "Reordered", "/list.xml");
        rig.alerts(BEA, pipe, false, 1);
        rig.poll(pipe);
        rig.feed("/list.xml", "B", "A");
        rig.server.clock.advance(Duration.ofMinutes(50));
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.subjectsTo(BEA)).as("reordered items are not new").containsExactly("Sluice alert: “Reordered” has no new items");

        // The owner now allows a day: the incident ends quietly (no item came, so no "new items again").
        rig.alerts(BEA, pipe, false, 24);
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(BEA)).hasSize(1);
        assertThat(FailureAlertTest.card(rig.page(BEA, "/mypipes").body(), "Reordered")).contains("Health: ok");
    }
}
