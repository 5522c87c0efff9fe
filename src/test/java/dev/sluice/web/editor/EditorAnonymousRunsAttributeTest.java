package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a browser: the editor page tells its script whether visitors with no account may run
 * pipes in the inspector, and the run limit its note for them quotes.
 */
class EditorAnonymousRunsAttributeTest {

    private static Element body(TestServer server, String path) {
        var r = server.get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body()).body();
    }

    @Test
    void byDefaultVisitorsMayRunUnderTheAnonymousPlansLimit() {
        try (TestServer server = TestServer.standard()) {
            Element body = body(server, "/editor");
            assertThat(body.attr("data-logged-in")).isEqualTo("false");
            assertThat(body.attr("data-anonymous-runs")).isEqualTo("true");
            assertThat(body.attr("data-anonymous-run-limit")).isEqualTo("3");
        }
    }

    @Test
    void thePlansFileSetsTheLimitTheNoteQuotes(@TempDir Path dir) throws Exception {
        Path plans = dir.resolve("plans.json");
        Files.writeString(plans, "{\"free\":{\"runLimitMs\":10000},\"anonymous\":{\"runLimitMs\":1500}}");
        try (TestServer server = new TestServer(Map.of("SLUICE_PLANS_FILE", plans.toString()))) {
            assertThat(body(server, "/editor").attr("data-anonymous-run-limit")).isEqualTo("1.5");
        }
    }

    @Test
    void switchedOffThePageSaysSo() {
        try (TestServer server = new TestServer(Map.of("SLUICE_ANONYMOUS_RUNS", "false"))) {
            Element body = body(server, "/editor");
            assertThat(body.attr("data-anonymous-runs")).isEqualTo("false");
            assertThat(body.attr("data-anonymous-run-limit")).isEmpty();
        }
    }
}
