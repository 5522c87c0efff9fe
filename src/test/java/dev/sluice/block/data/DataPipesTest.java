package dev.sluice.block.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.app.Main;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of data pipes, end to end: pipes in Pipes CE's JSON, fixtures on loopback, the
 * editor's /api/run (data plus outline), the feed URL's .json and .xml, and {@code sluice run}.
 */
class DataPipesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static BenchServer upstream;
    static TestServer server;
    static String token;

    /** talks.json filtered to the talks tagged java, as the .json output writes it. */
    static final String JAVA_TALKS_JSON = "{\"conference\":\"JVM Days\",\"items\":["
            + "{\"title\":\"Virtual threads in practice\",\"speaker\":{\"name\":\"Ada\"},\"tags\":[\"java\",\"loom\"]},"
            + "{\"title\":\"Pattern matching deep dive\",\"speaker\":{\"name\":\"Cy\"},\"tags\":[\"java\"]}]}";
    static final String JAVA_TALKS_XML = "<?xml version='1.0' encoding='UTF-8'?><data><conference>JVM Days</conference>"
            + "<items><title>Virtual threads in practice</title><speaker><name>Ada</name></speaker><tags>java</tags><tags>loom</tags></items>"
            + "<items><title>Pattern matching deep dive</title><speaker><name>Cy</name></speaker><tags>java</tags></items></data>";
    static final String RUST_TALKS_XML = "<?xml version='1.0' encoding='UTF-8'?><rss><version>2.0</version><channel>"
            + "<title>JVM Days</title><item><title>Rust for Java developers</title><category>rust</category></item>"
            + "</channel></rss>";

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        server = TestServer.standard();
        token = server.token("data@example.org");
        upstream.serve("talks.json", DataFixtures.bytes("talks.json"));
        upstream.serve("talks.xml", DataFixtures.bytes("talks.xml"));
        upstream.serve("broken.json", "{\"items\": [1, 2".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    /** Download → Filter → Output, in Pipes CE's format. */
    static String filterPipe(String url, String target, String field, String value, String operator) throws Exception {
        return "{\"blocks\":["
                + "{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"flt\",\"from_output_slot\":0}]},"
                + "{\"id\":\"flt\",\"type\":\"WateredFilterBlock\",\"name\":\"Only some\",\"inputs\":[{\"from\":\"dl\",\"from_output_slot\":0}],"
                + "\"userinputs\":" + JSON.writeValueAsString(new String[] {target, field, value, operator}) + "},"
                + "{\"id\":\"dl\",\"type\":\"WateredDownloadBlock\",\"name\":\"Talks\",\"userinputs\":[" + JSON.writeValueAsString(url) + "]}]}";
    }

    static JsonNode run(String pipe, String block) throws Exception {
        String body = "{\"pipe\":" + pipe + (block == null ? "" : ",\"block\":\"" + block + "\"") + "}";
        HttpResponse<String> r = server.send("POST", "/api/run", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void theEditorGetsTheFilteredDataAndItsOutline() throws Exception {
        JsonNode r = run(filterPipe(upstream.fastUrl(3, "talks.json"), "$.items", "tags", "java", "misses"), null);
        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("data").toString()).isEqualTo(JAVA_TALKS_JSON);
        assertThat(r.get("format").asText()).isEqualTo("json");
        assertThat(r.get("items")).isEmpty();
        assertThat(r.get("outline")).extracting(JsonNode::asText)
                .contains("$.conference", "$.items", "$.items[*].title", "$.items[*].speaker.name", "$.items[*].tags[*]");
    }

    @Test
    void theEditorsRssViewOfADataPipeIsItsXml() throws Exception {
        String pipe = filterPipe(upstream.fastUrl(3, "talks.xml"), "$.rss.channel.item", "category", "rust", "misses");
        HttpResponse<String> r = server.send("POST", "/api/run?format=rss", token, "{\"pipe\":" + pipe + "}");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/xml"));
        assertThat(r.body()).isEqualTo(RUST_TALKS_XML);
    }

    @Test
    void eachBlockOfADataPipeCanBeInspected() throws Exception {
        JsonNode r = run(filterPipe(upstream.fastUrl(3, "talks.xml"), "$.rss.channel.item", "category", "rust", "misses"), "dl");
        assertThat(r.get("format").asText()).isEqualTo("xml");
        assertThat(r.get("data").at("/rss/channel/item")).hasSize(3);
        assertThat(r.get("outline")).extracting(JsonNode::asText).contains("$.rss.channel.item[*].category");
    }

    @Test
    void duplicateAndReplaceWorkOnTheSameDownload() throws Exception {
        String pipe = "{\"blocks\":["
                + "{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"rep\",\"from_output_slot\":0}]},"
                + "{\"id\":\"rep\",\"type\":\"WateredReplaceBlock\",\"inputs\":[{\"from\":\"dup\",\"from_output_slot\":1}],"
                + "\"userinputs\":[\"/java/i\",\"JVM\",\"$.items[*].title\"]},"
                + "{\"id\":\"dup\",\"type\":\"WateredDuplicateBlock\",\"inputs\":[{\"from\":\"dl\",\"from_output_slot\":0}]},"
                + "{\"id\":\"dl\",\"type\":\"WateredDownloadBlock\",\"userinputs\":[\"" + upstream.fastUrl(3, "talks.json") + "\"]}]}";
        JsonNode r = run(pipe, null);
        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("data").at("/items/1/title").asText()).isEqualTo("Rust for JVM developers");
        assertThat(r.get("data").at("/items/0/tags/0").asText()).isEqualTo("java");
        assertThat(run(pipe, "dup").get("data").at("/items/1/title").asText()).isEqualTo("Rust for Java developers");
    }

    @Test
    void anUnreadableDownloadIsAnErrorOnTheDownloadBlock() throws Exception {
        String url = upstream.fastUrl(3, "broken.json");
        JsonNode r = run(filterPipe(url, "$.items", "", "1", "contains"), null);
        JsonNode error = r.get("errors").get(0);
        assertThat(error.get("block").asText()).isEqualTo("dl");
        assertThat(error.get("message").asText()).contains(url).contains("is neither XML nor valid JSON");
    }

    @Test
    void anInvalidPathIsAnErrorOnTheFilterNamingThePath() throws Exception {
        JsonNode r = run(filterPipe(upstream.fastUrl(3, "talks.json"), "$.items[*", "title", "x", "contains"), null);
        JsonNode error = r.get("errors").get(0);
        assertThat(error.get("block").asText()).isEqualTo("flt");
        assertThat(error.get("name").asText()).isEqualTo("Only some");
        assertThat(error.get("message").asText()).contains("\"$.items[*\"").contains("not a valid JSONPath");
    }

    @Test
    void aJsonDataPipeIsServedAsJsonAndAsXml() throws Exception {
        StoredPipe pipe = server.save("data@example.org", "Java talks",
                filterPipe(upstream.fastUrl(4, "talks.json"), "$.items", "tags", "java", "misses"), true);
        HttpResponse<String> json = server.get("/feed/" + pipe.id() + ".json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(json.body()).isEqualTo(JAVA_TALKS_JSON);
        String etag = json.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/feed/" + pipe.id() + ".json", "If-None-Match", etag).statusCode()).isEqualTo(304);

        HttpResponse<String> xml = server.get("/feed/" + pipe.id() + ".xml");
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/xml"));
        assertThat(xml.body()).isEqualTo(JAVA_TALKS_XML);
        assertThat(server.get("/feed/" + pipe.id()).body()).isEqualTo(JAVA_TALKS_XML);
    }

    @Test
    void anXmlDataPipeServesTheFilteredDocument() throws Exception {
        StoredPipe pipe = server.save("data@example.org", "Rust talks",
                filterPipe(upstream.fastUrl(5, "talks.xml"), "$.rss.channel.item", "category", "rust", "misses"), true);
        assertThat(server.get("/feed/" + pipe.id() + ".xml").body()).isEqualTo(RUST_TALKS_XML);
        assertThat(server.get("/feed/" + pipe.id() + ".rss").body()).isEqualTo(RUST_TALKS_XML);
        assertThat(server.get("/feed/" + pipe.id() + ".json").body()).isEqualTo("{\"rss\":{\"version\":\"2.0\",\"channel\":"
                + "{\"title\":\"JVM Days\",\"item\":[{\"title\":\"Rust for Java developers\",\"category\":\"rust\"}]}}}");
    }

    @Test
    void feedOnlyFormatsOfADataPipeAreNotAcceptable() throws Exception {
        StoredPipe pipe = server.save("data@example.org", "Talks",
                filterPipe(upstream.fastUrl(6, "talks.json"), "$.items", "tags", "java", "misses"), true);
        for (String ext : new String[] {".atom", ".txt"}) {
            HttpResponse<String> r = server.get("/feed/" + pipe.id() + ext);
            assertThat(r.statusCode()).isEqualTo(406);
            assertThat(r.body()).contains("outputs data").contains(".json").contains(".xml");
        }
    }

    @Test
    void aFailedRunServesTheLastGoodDataMarkedStale() throws Exception {
        upstream.serve("changing.json", DataFixtures.bytes("talks.json"));
        StoredPipe pipe = server.save("data@example.org", "Changing",
                filterPipe(upstream.fastUrl(7, "changing.json"), "$.items", "tags", "java", "misses"), true);
        assertThat(server.get("/feed/" + pipe.id() + ".json").body()).isEqualTo(JAVA_TALKS_JSON);
        upstream.serve("changing.json", "not json any more".getBytes(StandardCharsets.UTF_8));
        server.clock.advance(Duration.ofHours(1));
        HttpResponse<String> stale = server.get("/feed/" + pipe.id() + ".json");
        assertThat(stale.body()).isEqualTo(JAVA_TALKS_JSON);
        assertThat(stale.headers().firstValue("X-Sluice-Stale")).isPresent();
        assertThat(stale.headers().firstValue("X-Sluice-Errors")).hasValueSatisfying(v -> assertThat(v).contains("neither XML nor valid JSON"));
    }

    @Test
    void sluiceRunPrintsADataPipe() throws Exception {
        Path dir = Files.createTempDirectory("sluice-data");
        Path file = dir.resolve("pipe.json");
        Files.writeString(file, filterPipe(upstream.fastUrl(8, "talks.json"), "$.items", "tags", "java", "misses"));
        Map<String, String> env = Map.of("SLUICE_DATA_DIR", dir.toString(), "SLUICE_ALLOW_PRIVATE_NETWORKS", "true");
        assertThat(cli(env, "run", file.toString(), "--format", "json")).isEqualTo(JAVA_TALKS_JSON);
        assertThat(cli(env, "run", file.toString())).isEqualTo(JAVA_TALKS_XML);
    }

    private static String cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
