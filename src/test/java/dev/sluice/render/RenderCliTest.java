package dev.sluice.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sluice run} with Download(executeJs) → Extract: the operator has no plan, so rendering
 * needs only a configured browser; without one the error says so.
 */
class RenderCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @ParameterizedTest(name = "browser configured: {0}")
    @CsvSource(delimiter = '|', value = {
            "true|2|",
            "false|0|JavaScript rendering is not configured on this server",
    })
    void runRendersWithAConfiguredBrowser(boolean browser, int items, String error) throws Exception {
        if (browser) {
            ChromiumRendererTest.needsChromium();
        }
        MockWebServer site = new MockWebServer();
        site.start(InetAddress.getByName("127.0.0.1"), 0);
        try {
            site.enqueue(new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(
                    "<html><body><script>for (const n of ['one', 'two'])"
                    + " document.body.insertAdjacentHTML('beforeend', '<p class=\"item\">' + n + '</p>');</script></body></html>"));
            String url = "http://127.0.0.1:" + site.getPort() + "/page.html";
            Path file = dir.resolve("pipe.json");
            Files.writeString(file, "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"x\",\"from_output_slot\":0}]},"
                    + "{\"id\":\"x\",\"type\":\"ExtractBlock\",\"name\":\"Extract\",\"userinputs\":[\"p.item\",\"\",false],"
                    + "\"inputs\":[{\"from\":\"d\",\"from_output_slot\":0}]},"
                    + "{\"id\":\"d\",\"type\":\"DownloadBlock\",\"name\":\"Page\",\"userinputs\":[" + JSON.writeValueAsString(url) + ",true]}]}");
            Map<String, String> env = new HashMap<>(Map.of("SLUICE_DATA_DIR", dir.resolve("data").toString(),
                    "SLUICE_ALLOW_PRIVATE_NETWORKS", "true", "SLUICE_HOST_SPACING_MS", "0"));
            if (browser) {
                env.put("SLUICE_CHROMIUM", ChromiumRendererTest.CHROMIUM);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            Main.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "run", file.toString(), "--format", "json");

            JsonNode feed = JSON.readTree(out.toByteArray());
            if (error == null) {
                assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
                assertThat(feed.get("items")).hasSize(items);
                assertThat(feed.get("items").get(1).get("content_html").asText()).isEqualTo("two");
            } else {
                assertThat(err.toString(StandardCharsets.UTF_8)).contains(error);
                assertThat(site.getRequestCount()).as("nothing fetched unrendered").isZero();
            }
        } finally {
            site.shutdown();
        }
    }
}
