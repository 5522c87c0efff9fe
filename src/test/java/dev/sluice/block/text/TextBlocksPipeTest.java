package dev.sluice.block.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.TestServer;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pipe parameter flows through String Builder and URL Builder into a Feed block's URL: the
 * upstream receives exactly the encoded URL, and the feed comes back.
 */
class TextBlocksPipeTest {
    static final ObjectMapper JSON = new ObjectMapper();

    private MockWebServer upstream;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
        server = TestServer.standard();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        upstream.shutdown();
    }

    @Test
    void aParameterBuildsTheFeedUrl() throws Exception {
        upstream.enqueue(new MockResponse().setHeader("Content-Type", "application/rss+xml").setBody(
                "<rss version=\"2.0\"><channel><title>Found</title><link>http://127.0.0.1/</link><description>d</description>"
                        + "<item><title>Hit</title><guid isPermaLink=\"false\">hit-1</guid></item></channel></rss>"));
        String base = "http://127.0.0.1:" + upstream.getPort() + "/api/";
        String pipe = """
                {"blocks":[
                 {"id":"output","type":"OutputBlock","inputs":[{"from":"feed","from_output_slot":0}]},
                 {"id":"feed","type":"FeedBlock","userinputs":[""],"inputs":[],
                  "textinputs":[{"from":"url","from_output_slot":0}]},
                 {"id":"url","type":"UrlBuilderBlock","userinputs":["%s","","q=rock and roll&n=2"],"inputs":[],
                  "textinputs":[{},{"from":"path","from_output_slot":0},{}]},
                 {"id":"path","type":"StringBuilderBlock","userinputs":["/feeds/","","",".xml"],"inputs":[],
                  "textinputs":[{},{"from":"topic","from_output_slot":0},{},{}]},
                 {"id":"topic","type":"TextinputBlock","userinputs":["topic","news"],"inputs":[],"textinputs":[]}]}
                """.formatted(base);
        String body = "{\"pipe\":" + pipe + ",\"params\":{\"topic\":\"rust lang\"}}";

        JsonNode r = JSON.readTree(server.send("POST", "/api/run", server.token("text@example.org"), body).body());

        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("items").get(0).get("guid").asText()).isEqualTo("hit-1");
        RecordedRequest request = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getPath()).isEqualTo("/api/feeds/rust%20lang.xml?q=rock%20and%20roll&n=2");
    }
}
