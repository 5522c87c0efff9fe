package dev.sluice.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.LastRun;
import dev.sluice.model.RunOutcome;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the last run reads on the dashboard, and a run cut off by its plan's time limit. */
class RunStatusTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @ParameterizedTest(name = "{0} s before: {1}")
    @CsvSource({"0, just now", "59, just now", "60, 1 min ago", "3599, 59 min ago", "3600, 1 h ago",
            "86399, 23 h ago", "86400, 1 day ago", "259200, 3 days ago", "-30, just now"})
    void agesReadNaturally(long secondsBefore, String expected) {
        assertThat(RunStatusView.ago(NOW.minusSeconds(secondsBefore), NOW)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"OK, 0, ok, ok", "ERRORS, 1, 1 error, errors", "ERRORS, 3, 3 errors, errors",
            "STALE, 1, stale (last run failed), stale", "TIMED_OUT, 1, timed out, timed-out"})
    void outcomesReadAsWordsAndStyles(RunOutcome outcome, int errors, String label, String kind) {
        RunStatusView view = RunStatusView.of(new LastRun("p", outcome, errors, NOW.minusSeconds(120)), NOW);
        assertThat(view.label()).isEqualTo(label);
        assertThat(view.kind()).isEqualTo(kind);
        assertThat(view.ago()).isEqualTo("2 min ago");
        assertThat(view.datetime()).isEqualTo("2025-06-01T11:58:00Z");
        assertThat(RunStatusView.of(null, NOW).label()).isEqualTo("not run yet");
    }

    @Test
    void aRunCutOffByThePlansTimeLimitShowsAsTimedOut() {
        try (BenchServer upstream = new BenchServer();
             TestServer server = new TestServer(Map.of("SLUICE_BASE_URL", Visitor.BASE, "SLUICE_RUN_LIMIT_MS", "600"))) {
            StoredPipe slow = server.save("tim@example.org", "Slow pipe", PipePagesTest.feedPipe(upstream.trickleUrl(2, "T1.xml")), false);
            Visitor owner = Visitor.loggedIn(server, "tim@example.org");
            assertThat(owner.get("/feed/" + slow.id()).statusCode()).isEqualTo(200);
            assertThat(owner.get("/mypipes").body()).contains("Last run: timed out").contains("class=\"run timed-out\"");
            assertThat(owner.get("/pipe/" + slow.id()).body()).contains("timed out");
        }
    }
}
