package dev.sluice.block.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Feed block through the whole stack: fetch, autodiscovery, parse, errors users can act on. */
class FeedBlockTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static BenchServer upstream;
    static TestServer server;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        server = TestServer.standard();
        upstream.serve("page.html", ("<!doctype html><html><head><title>Blog</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/F1.xml\"></head><body>hi</body></html>")
                .getBytes(StandardCharsets.UTF_8));
        upstream.serve("nofeed.html", "<!doctype html><html><head><title>x</title></head><body>none</body></html>"
                .getBytes(StandardCharsets.UTF_8));
        upstream.serve("garbage.xml", "this is not a feed at all".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    private static JsonNode run(String url) throws Exception {
        String pipe = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}]},"
                + "{\"id\":\"f\",\"type\":\"FeedBlock\",\"name\":\"My feed\",\"userinputs\":[" + JSON.writeValueAsString(url) + "]}]}";
        String token = server.token("feeds@example.org");
        return JSON.readTree(server.send("POST", "/api/run", token, "{\"pipe\":" + pipe + "}").body());
    }

    @Test
    void anHtmlPageLeadsToTheFeedItAnnounces() throws Exception {
        JsonNode r = run(upstream.fastUrl(4, "page.html"));
        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("items")).hasSize(50);
        assertThat(r.get("channel").get("title").asText()).isEqualTo("Bench feed F1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty URL||No feed URL",
            "page without feed|nofeed.html|is HTML and announces no feed",
            "not a feed|garbage.xml|Cannot read the feed at",
            "404|missing.xml|404",
            "bad scheme|file:///etc/passwd|",
    })
    void failuresNameTheProblem(String name, String file, String message) throws Exception {
        String url = file == null ? "" : file.contains(":") ? file : upstream.fastUrl(5, file);
        JsonNode r = run(url);
        assertThat(r.get("items")).isEmpty();
        JsonNode error = r.get("errors").get(0);
        assertThat(error.get("block").asText()).isEqualTo("f");
        assertThat(error.get("name").asText()).isEqualTo("My feed");
        if (message != null) {
            assertThat(error.get("message").asText()).contains(message);
        } else {
            assertThat(error.get("message").asText()).isNotBlank();
        }
    }
}
