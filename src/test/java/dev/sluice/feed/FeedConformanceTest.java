package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The feed conformance suite ({@code src/test/resources/conformance/README.md}): every document
 * served on 127.0.0.1, run through a saved one-Feed pipe of a real server, its RSS, Atom and JSON
 * Feed outputs read back by Python's feedparser ({@code check.py}) and compared with the case's
 * expectations. One dynamic test per document; the pass figure of all checks is written to
 * {@code target/conformance.txt}.
 */
class FeedConformanceTest {

    private static final Path SUITE = Path.of("src/test/resources/conformance");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path NEWSBOAT = Path.of("/usr/bin/newsboat");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MockWebServer upstream;
    private static TestServer sluice;
    private static Path outputs;
    /** Output file name to case id, to find the case a reader complains about. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Documents());
        upstream.start(InetAddress.getByName("127.0.0.1"), 0);
        sluice = TestServer.standard();
        outputs = Files.createTempDirectory("sluice-conformance");
    }

    @AfterAll
    static void stop() throws IOException {
        if (sluice != null) {
            sluice.close();
        }
        if (upstream != null) {
            upstream.shutdown();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentReadsAsExpectedInEveryFormat() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import feedparser")
                .start().waitFor() == 0, "Python's feedparser is not installed (Debian: python3-feedparser); CI installs it");
        String server = "http://127.0.0.1:" + upstream.getPort();
        ArrayNode manifest = JSON.createArrayNode();
        Map<String, JsonNode> byCase = new LinkedHashMap<>();
        for (Path group : groups()) {
            String name = group.getFileName().toString();
            JsonNode cases = JSON.readTree(group.resolve("cases.json").toFile()).path("cases");
            for (JsonNode c : cases) {
                String doc = c.path("doc").asText();
                String id = name + "/" + doc;
                ObjectNode entry = manifest.addObject();
                entry.put("case", id);
                entry.put("server", server);
                entry.set("items", c.path("items"));
                entry.set("outputs", render(name, id, server + "/" + id));
                byCase.put(id, c);
            }
        }
        Path manifestFile = outputs.resolve("manifest.json");
        Path reportFile = outputs.resolve("report.jsonl");
        JSON.writeValue(manifestFile.toFile(), manifest);
        Process check = new ProcessBuilder(PYTHON.toString(), SUITE.resolve("check.py").toString(),
                manifestFile.toString(), reportFile.toString()).redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(said).isZero();

        Map<String, List<String>> newsboat = newsboatErrors();
        List<JsonNode> results = new ArrayList<>();
        for (String line : Files.readAllLines(reportFile)) {
            ObjectNode result = (ObjectNode) JSON.readTree(line);
            if (newsboat != null) { // two more checks per case: newsboat reads its RSS and its Atom
                result.put("checks", result.path("checks").asInt() + 2);
                newsboat.getOrDefault(result.path("case").asText(), List.of())
                        .forEach(error -> ((ArrayNode) result.path("failed")).add("newsboat: " + error));
            }
            results.add(result);
        }
        writeSummary(results, byCase);
        return results.stream().map(result -> {
            String id = result.path("case").asText();
            JsonNode c = byCase.get(id);
            return DynamicTest.dynamicTest(id + ": " + c.path("behaviour").asText(), () -> {
                List<String> failed = new ArrayList<>();
                result.path("failed").forEach(f -> failed.add(f.asText()));
                String known = c.path("known").asText("");
                if (!known.isEmpty()) {
                    // a documented difference: counted as failed checks, reported, not hidden
                    assertThat(failed).as(id + " is marked as a known difference but passes: remove its \"known\"")
                            .isNotEmpty();
                    Assumptions.abort("known difference: " + known + " " + failed);
                }
                assertThat(failed).as(id).isEmpty();
            });
        });
    }

    private static List<Path> groups() throws IOException {
        try (Stream<Path> dirs = Files.list(SUITE)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("cases.json"))).sorted().toList();
        }
    }

    /** Saves the one-Feed pipe of a document and keeps its three outputs; answers their paths. */
    private static ObjectNode render(String group, String id, String url) throws IOException {
        String pipe = """
                {"blocks":[{"id":"output","type":"OutputBlock","userinputs":[""],
                  "inputs":[{"from":"feed000001","from_output_slot":0}],"textinputs":[]},
                 {"id":"feed000001","type":"FeedBlock","userinputs":[%s],"inputs":[],"textinputs":[{}]}]}
                """.formatted(JSON.writeValueAsString(url));
        StoredPipe stored = sluice.save("conformance-" + group + "@example.org", id, pipe, true);
        ObjectNode paths = JSON.createObjectNode();
        for (String format : List.of("rss", "atom", "json")) {
            HttpResponse<String> answer = sluice.get("/feed/" + stored.id() + "." + format);
            Path file = outputs.resolve(id.replace('/', '_') + "." + format);
            FILES.put(file.getFileName().toString(), id);
            Files.writeString(file, answer.statusCode() == 200 ? answer.body() : "", StandardCharsets.UTF_8);
            paths.put(format, file.toString());
        }
        return paths;
    }

    /**
     * Newsboat (a terminal reader, Debian's package) reloads every RSS and Atom output from
     * file:// URLs; the errors it logs, by case. Null when newsboat is not installed (CI installs
     * it). Newsboat 2.21 reads no JSON Feed, so the JSON outputs are left to check.py.
     */
    private static Map<String, List<String>> newsboatErrors() throws Exception {
        if (!Files.isExecutable(NEWSBOAT)) {
            System.out.println("Feed conformance: newsboat is not installed (Debian: newsboat); its checks are left out");
            return null;
        }
        Path urls = outputs.resolve("newsboat-urls");
        Path log = outputs.resolve("newsboat.log");
        List<String> lines = new ArrayList<>();
        FILES.keySet().stream().filter(f -> !f.endsWith(".json")).forEach(f -> lines.add(outputs.resolve(f).toUri().toString()));
        Files.write(urls, lines);
        Process reload = new ProcessBuilder(NEWSBOAT.toString(), "-u", urls.toString(), "-c",
                outputs.resolve("newsboat.db").toString(), "-C", "/dev/null", "-x", "reload", "-d", log.toString(), "-l", "3")
                .redirectErrorStream(true).redirectOutput(outputs.resolve("newsboat.out").toFile()).start();
        assertThat(reload.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("newsboat finished").isTrue();
        assertThat(reload.exitValue()).as("newsboat's reload").isZero();
        // a newsboat that read nothing would log no error either: it must hold the outputs' articles
        Process count = new ProcessBuilder(NEWSBOAT.toString(), "-u", urls.toString(), "-c",
                outputs.resolve("newsboat.db").toString(), "-C", "/dev/null", "-x", "print-unread").start();
        String unread = new String(count.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(count.waitFor()).as(unread).isZero();
        assertThat(Integer.parseInt(unread.split(" ")[0])).as("newsboat: " + unread).isGreaterThan(lines.size() / 2);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String line : Files.exists(log) ? Files.readAllLines(log) : List.<String>of()) {
            if (!line.contains("ERROR")) {
                continue;
            }
            FILES.forEach((file, id) -> {
                if (line.contains("/" + file + ":") || line.endsWith("/" + file)) {
                    errors.computeIfAbsent(id, k -> new ArrayList<>()).add(line.substring(line.indexOf(']') + 1).strip());
                }
            });
        }
        return errors;
    }

    /** The pass figure, for the README: checks and passed, overall and per group. */
    private static void writeSummary(List<JsonNode> results, Map<String, JsonNode> byCase) throws IOException {
        Map<String, int[]> groups = new LinkedHashMap<>();
        int[] all = new int[2];
        for (JsonNode r : results) {
            String group = r.path("case").asText().split("/")[0];
            int checks = r.path("checks").asInt();
            int passed = checks - r.path("failed").size();
            int[] g = groups.computeIfAbsent(group, k -> new int[2]);
            g[0] += checks;
            g[1] += passed;
            all[0] += checks;
            all[1] += passed;
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("all: %d documents, %d checks, %d passed (%.1f %%)%n", results.size(), all[0], all[1],
                100.0 * all[1] / Math.max(1, all[0])));
        groups.forEach((name, g) -> out.append(String.format("%s: %d checks, %d passed%n", name, g[0], g[1])));
        byCase.forEach((id, c) -> {
            if (!c.path("known").asText("").isEmpty()) {
                out.append("known difference: ").append(id).append(": ").append(c.path("known").asText()).append('\n');
            }
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/conformance.txt"), out.toString());
        System.out.print("Feed conformance: " + out);
    }

    /** Serves {@code /<group>/<doc>} from the suite with the case's Content-Type. */
    private static final class Documents extends Dispatcher {
        private final Map<String, String> types = new LinkedHashMap<>();

        Documents() throws IOException {
            for (Path group : groups()) {
                for (JsonNode c : JSON.readTree(group.resolve("cases.json").toFile()).path("cases")) {
                    String doc = c.path("doc").asText();
                    String type = c.hasNonNull("contentType") ? c.get("contentType").asText()
                            : doc.endsWith(".json") ? "application/feed+json" : "application/xml";
                    types.put("/" + group.getFileName() + "/" + doc, type);
                }
            }
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath() == null ? "" : request.getPath();
            String type = types.get(path);
            if (type == null) {
                return new MockResponse().setResponseCode(404);
            }
            try {
                byte[] bytes = Files.readAllBytes(SUITE.resolve(path.substring(1)));
                return new MockResponse().setHeader("Content-Type", type).setBody(new Buffer().write(bytes));
            } catch (IOException e) {
                return new MockResponse().setResponseCode(500);
            }
        }
    }
}
