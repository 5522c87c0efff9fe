package dev.sluice.block.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Download block through /api/run: the raw page, parsed where a feed is wanted; JS rendering refused clearly where not allowed or configured. */
class DownloadBlockTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static BenchServer upstream;
    static TestServer server;
    static TestServer withBrowser;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        server = TestServer.standard();
        withBrowser = new TestServer(Map.of("SLUICE_CHROMIUM", "/usr/bin/chromium"));
    }

    @AfterAll
    static void stop() {
        server.close();
        withBrowser.close();
        upstream.close();
    }

    static JsonNode run(TestServer on, String user, String url, boolean executeJs) throws Exception {
        String pipe = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"d\",\"from_output_slot\":0}]},"
                + "{\"id\":\"d\",\"type\":\"DownloadBlock\",\"name\":\"Page\",\"userinputs\":["
                + JSON.writeValueAsString(url) + "," + executeJs + "]}]}";
        return JSON.readTree(on.send("POST", "/api/run", on.token(user), "{\"pipe\":" + pipe + "}").body());
    }

    @Test
    void aDownloadedFeedIsParsedWhereTheOutputWantsAFeed() throws Exception {
        JsonNode r = run(server, "d@example.org", upstream.fastUrl(2, "F1.xml"), false);
        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("items")).hasSize(50);
        assertThat(upstream.hits("F1.xml")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no URL|free|false|false|No URL to download",
            "JS on a free plan|free|true|true|Rendering JavaScript needs a plan that includes it",
            "JS on pro, no browser|pro|true|false|JavaScript rendering is not configured on this server",
    })
    void javascriptRenderingAndBadInputGiveClearErrors(String name, String plan, boolean js, boolean browser,
            String message) throws Exception {
        TestServer on = browser ? withBrowser : server;
        String user = plan + "-" + browser + "@example.org";
        on.sluice.users().findOrCreate(user);
        on.sluice.users().setPlan(user, plan);
        String url = message.startsWith("No URL") ? "" : upstream.fastUrl(3, "F2.xml");
        JsonNode r = run(on, user, url, js);
        assertThat(r.get("items")).isEmpty();
        assertThat(r.get("errors").get(0).get("block").asText()).isEqualTo("d");
        assertThat(r.get("errors").get(0).get("message").asText()).contains(message);
        assertThat(upstream.hits("F2.xml")).as("nothing fetched unrendered").isZero();
    }

    /** Download(executeJs) → Extract: the items exist only once the page's script has run. */
    @ParameterizedTest(name = "executeJs={0}")
    @CsvSource({"true, 3", "false, 0"})
    void aProUsersRenderedPageFeedsExtract(boolean executeJs, int items) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "needs Chromium at /usr/bin/chromium");
        MockWebServer site = new MockWebServer();
        site.start(InetAddress.getByName("127.0.0.1"), 0);
        try {
            site.enqueue(new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(
                    "<html><body><script>for (const n of ['one', 'two', 'three'])"
                    + " document.body.insertAdjacentHTML('beforeend', '<p class=\"item\">' + n + '</p>');"
                    + "</script></body></html>"));
            String url = "http://127.0.0.1:" + site.getPort() + "/page.html";
            String pipe = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"x\",\"from_output_slot\":0}]},"
                    + "{\"id\":\"x\",\"type\":\"ExtractBlock\",\"name\":\"Extract\",\"userinputs\":[\"p.item\",\"\",false],"
                    + "\"inputs\":[{\"from\":\"d\",\"from_output_slot\":0}]},"
                    + "{\"id\":\"d\",\"type\":\"DownloadBlock\",\"name\":\"Page\",\"userinputs\":["
                    + JSON.writeValueAsString(url) + "," + executeJs + "]}]}";
            String user = "pro-render@example.org";
            withBrowser.sluice.users().findOrCreate(user);
            withBrowser.sluice.users().setPlan(user, "pro");

            JsonNode r = JSON.readTree(withBrowser.send("POST", "/api/run", withBrowser.token(user), "{\"pipe\":" + pipe + "}").body());

            assertThat(r.get("errors")).isEmpty();
            List<String> texts = new ArrayList<>();
            r.get("items").forEach(i -> texts.add(i.toString()));
            assertThat(texts).hasSize(items);
            if (items > 0) {
                assertThat(texts.get(0)).contains("one");
                assertThat(texts.get(2)).contains("three");
            }
            assertThat(site.getRequestCount()).as("the page fetched once").isEqualTo(1);
        } finally {
            site.shutdown();
        }
    }
}
