package dev.sluice.block.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.app.Main;
import dev.sluice.testing.BenchServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice run} runs pipes with every Create block (the CLI uses the same engine as the server). */
class CreateCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static BenchServer upstream;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        upstream.serve("blog.xml", Fixtures.bytes("blog.xml"));
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ExtractBlock|[\"div.box\",\"\",true]|2",
            "ImagesBlock|[]|2",
            "TabletojsonBlock|[]|1",
            "InsertBlock|[\"div.box\",true]|3",
    })
    void runPrintsTheBlocksItems(String type, String userinputs, int count) throws Exception {
        ObjectNode pipe = JSON.createObjectNode();
        ArrayNode blocks = pipe.putArray("blocks");
        blocks.add(CreateGoldenTest.block("output", "OutputBlock", List.of(), "b"));
        String[] from = type.equals("InsertBlock") ? new String[] {"f", "f"} : new String[] {"f"};
        ObjectNode block = CreateGoldenTest.block("b", type, List.of(), from);
        block.set("userinputs", JSON.readTree(userinputs));
        blocks.add(block);
        blocks.add(CreateGoldenTest.block("f", "FeedBlock", List.of(upstream.fastUrl(2, "blog.xml"))));
        Path file = dir.resolve("pipe.json");
        Files.writeString(file, JSON.writeValueAsString(pipe));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("SLUICE_DATA_DIR", dir.resolve("data").toString(),
                "SLUICE_ALLOW_PRIVATE_NETWORKS", "true", "SLUICE_HOST_SPACING_MS", "0");
        int code = Main.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "run", file.toString(), "--format", "json");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        JsonNode feed = JSON.readTree(out.toByteArray());
        assertThat(feed.get("items")).hasSize(count);
    }
}
