package dev.sluice.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Incidents live in the database: a new Sluice on the same database file sends nothing twice,
 * still mails the recovery of an incident opened before the restart, and two servers checking
 * at the same time send one mail between them.
 */
class AlertRestartTest {
    static final String EVE = "eve@example.org";

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

    /** Stops the server and starts a new one on the same file, its clock where the old one's was. */
    private void restart() {
        Instant was = rig.server.clock.instant();
        rig.server.close();
        rig.server = rig.start();
        rig.server.clock.advance(Duration.between(rig.server.clock.instant(), was).plusSeconds(1));
    }

    @Test
    void aRestartInTheMiddleNeitherResendsNorForgetsTheRecovery() {
        rig.feed("/eve.xml", "one");
        StoredPipe pipe = rig.pipe(EVE, "Eve feed", "/eve.xml");
        rig.alerts(EVE, pipe, true, 0);
        rig.poll(pipe);
        rig.broken("/eve.xml");
        rig.poll(pipe);
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.subjectsTo(EVE)).containsExactly("Sluice alert: “Eve feed” is failing");

        restart();
        rig.server.sluice.checkHealth();
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(EVE)).as("not sent again by the new server").hasSize(1);
        assertThat(FailureAlertTest.card(rig.page(EVE, "/mypipes").body(), "Eve feed")).contains("Health: failing since");

        rig.feed("/eve.xml", "one", "two");
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        assertThat(rig.subjectsTo(EVE)).containsExactly("Sluice alert: “Eve feed” is failing", "Sluice: “Eve feed” works again");

        restart();
        rig.server.sluice.checkHealth();
        assertThat(rig.mailsTo(EVE)).hasSize(2);
    }

    @Test
    void aMailTheMailServerRefusedIsSentOnceItIsBackEvenAfterARestart() throws Exception {
        int port = rig.server.sluice.config().smtp().port();
        rig.server.close();
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            rig.env.put("SLUICE_SMTP_PORT", Integer.toString(socket.getLocalPort())); // nothing will listen there
        }
        rig.server = rig.start();
        rig.feed("/flaky.xml", "one");
        StoredPipe pipe = rig.pipe(EVE, "Flaky mail", "/flaky.xml");
        rig.alerts(EVE, pipe, true, 0);
        rig.poll(pipe);
        rig.broken("/flaky.xml");
        rig.poll(pipe);
        rig.poll(pipe);
        rig.server.sluice.checkHealth();
        rig.server.sluice.checkHealth();
        assertThat(rig.page(EVE, "/pipe/" + pipe.id()).body()).contains("alert waiting to be mailed");

        rig.env.put("SLUICE_SMTP_PORT", Integer.toString(port));
        restart();
        rig.server.sluice.checkHealth();
        rig.server.sluice.checkHealth();
        assertThat(rig.subjectsTo(EVE)).containsExactly("Sluice alert: “Flaky mail” is failing");
        assertThat(rig.page(EVE, "/pipe/" + pipe.id()).body()).contains("alert mailed");
    }

    @Test
    void twoServersCheckingAtOnceSendOneMail() throws Exception {
        rig.feed("/twin.xml", "one");
        StoredPipe pipe = rig.pipe(EVE, "Twin", "/twin.xml");
        rig.alerts(EVE, pipe, true, 0);
        rig.poll(pipe);
        rig.broken("/twin.xml");
        rig.poll(pipe);
        rig.poll(pipe);
        try (TestServer second = rig.start()) {
            second.clock.advance(Duration.between(second.clock.instant(), rig.server.clock.instant()));
            for (int round = 0; round < 3; round++) {
                CompletableFuture<Void> a = CompletableFuture.runAsync(() -> rig.server.sluice.checkHealth());
                CompletableFuture<Void> b = CompletableFuture.runAsync(() -> second.sluice.checkHealth());
                CompletableFuture.allOf(a, b).join();
            }
        }
        assertThat(rig.subjectsTo(EVE)).containsExactly("Sluice alert: “Twin” is failing");
    }
}
