package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.app.Main;
import dev.sluice.testing.BenchFeeds;
import dev.sluice.testing.BenchServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code sluice} command line, run in-process with its own environment and streams. */
class CliTest {
    static BenchServer upstream;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    /** What a command printed and returned. */
    record Result(int code, String out, String err) {
    }

    private Result sluice(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("SLUICE_DATA_DIR", dir.resolve("data").toString(),
                "SLUICE_ALLOW_PRIVATE_NETWORKS", "true", "SLUICE_HOST_SPACING_MS", "0");
        int code = Main.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path pipeFile(String name) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, BenchFeeds.pipe(name, upstream));
        return file;
    }

    @Test
    void runPrintsTheOutputFeed() throws Exception {
        Result r = sluice("run", pipeFile("P1").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("<?xml").contains("<rss");
        assertThat(r.out().split("<item>", -1)).hasSize(16);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void runTakesParametersAndFormats() throws Exception {
        Path file = dir.resolve("param.json");
        Files.writeString(file, BenchFeeds.pipe("P1", upstream)
                .replace("\"textinputs\": [\n    {}\n   ]\n  }\n ]", "\"textinputs\": [{\"from\":\"q\",\"from_output_slot\":0}]},"
                        + "{\"id\":\"q\",\"type\":\"TextinputBlock\",\"userinputs\":[\"word\",\"quantum\"],\"inputs\":[],\"textinputs\":[]}]"));
        Result json = sluice("run", file.toString(), "--format", "json", "--param", "word=zzznothing");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"version\"").contains("jsonfeed.org");
        assertThat(json.out()).doesNotContain("quantum");
    }

    @Test
    void invalidPipesExitWithCode2AndAMessage() throws Exception {
        Path cycle = dir.resolve("cycle.json");
        Files.writeString(cycle, "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"a\"}]},"
                + "{\"id\":\"a\",\"type\":\"UniqueBlock\",\"inputs\":[{\"from\":\"a\"}]}]}");
        Result r = sluice("run", cycle.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cycle");
        assertThat(r.out()).isEmpty();

        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"blocks\":[],\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        Result r2 = sluice("run", big.toString());
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.err()).contains("larger than 1 MiB");

        assertThat(sluice("run", pipeFile("P1").toString(), "--format", "pdf").code()).isEqualTo(2);
    }

    @Test
    void runReportsBlockErrorsOnStandardErrorAndStillPrintsAFeed() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, BenchFeeds.pipe("P1", upstream).replace("F1.xml", "nothing-here.xml"));
        Result r = sluice("run", broken.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("failed: Feed (feed1)").contains("404");
        assertThat(r.out()).contains("could not produce items");
    }

    @Test
    void importStoresPipesCeExportsOnePipePerLine() throws Exception {
        Path export = dir.resolve("export.txt");
        String p1 = BenchFeeds.pipe("P1", upstream).replace("\n", "");
        String p2 = BenchFeeds.pipe("P2", upstream).replace("\n", "");
        Files.writeString(export, p1 + "\n" + p2 + "\n{not json}\n");
        Result r = sluice("import", "--owner", "ce-user@example.org", export.toString());
        assertThat(r.code()).as("one bad line").isEqualTo(2);
        assertThat(r.err()).contains("line 3");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            String[] cols = line.split("\t", -1);
            assertThat(cols).hasSize(3);
            assertThat(cols[0]).matches("[A-Za-z0-9]{12}");
            assertThat(cols[2]).contains("/feed/" + cols[0] + ".rss?key=");
        }
    }

    @Test
    void importTakesASinglePrettyPrintedPipeAndCanShareIt() throws Exception {
        Result r = sluice("import", "--public", pipeFile("P2").toString());
        assertThat(r.code()).isZero();
        String[] cols = r.out().strip().split("\t", -1);
        assertThat(cols[2]).endsWith("/feed/" + cols[0] + ".rss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1", "P1atom", "P2"})
    void feedparserReadsEveryFormatAndTheyAgree(String name) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import feedparser")
                .start().waitFor() == 0, "Python's feedparser is not installed (Debian: python3-feedparser); CI installs it");
        Path pipe = pipeFile(name);
        List<String> files = new ArrayList<>();
        for (String format : List.of("rss", "atom", "json")) {
            Result r = sluice("run", pipe.toString(), "--format", format);
            assertThat(r.code()).isZero();
            Path out = dir.resolve(name + "-output." + format);
            Files.writeString(out, r.out());
            files.add(out.toString());
        }
        Process check = new ProcessBuilder(python.toString(), Path.of("src/test/resources/cli/feedcheck.py").toString(),
                files.get(0), files.get(1), files.get(2)).redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(report).isZero();
        assertThat(report).startsWith(name.equals("P2") ? "50 " : name.equals("P1") ? "15 " : "30 ");
    }
}
