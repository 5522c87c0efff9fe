package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.block.BlockType;
import dev.sluice.block.Blocks;
import dev.sluice.pipe.BlockSpec;
import dev.sluice.pipe.Link;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * Pipes as Pipes CE's editor saved them ({@code src/test/resources/editor/pipes-ce}: every block
 * type of the catalogue, text inputs, legacy {@code userinput}, Combine with many inputs,
 * Duplicate with several outputs) load in the editor without errors and come back out as
 * equivalent JSON: the same blocks, names, options, connections and positions.
 */
class EditorCompatibilityTest {
    static final Path FIXTURES = Path.of("src/test/resources/editor/pipes-ce");
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.forBrowser(Map.of());
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aPipesCePipeLoadsAndSavesBackEquivalent(Path fixture) throws Exception {
        String json = Files.readString(fixture, StandardCharsets.UTF_8);
        PipeDoc original = PipeCodec.parse(json);
        EditorDriver editor = new EditorDriver(browser, server).open("/editor");
        editor.paste(json);

        assertThat(browser.driver.findElements(By.cssSelector("#canvas g.block"))).hasSize(original.blocks().size());
        long links = original.blocks().stream().flatMap(b -> Stream.concat(b.inputs().stream(), b.textinputs().stream()))
                .filter(Link::connected).count();
        assertThat(browser.driver.findElements(By.cssSelector("#canvas g.wire"))).as("connections drawn").hasSize((int) links);
        assertThat(browser.driver.findElements(By.cssSelector("#canvas g.block.unknown"))).as("blocks of unknown type").isEmpty();
        browser.screenshot("editor-pipes-ce-" + fixture.getFileName().toString().replace(".json", ""));

        assertEquivalent(original, PipeCodec.parse(editor.pipeJson()));
        editor.noConsoleErrors();
    }

    @Test
    void theFixturesCoverEveryBlockTypeOfTheCatalogue() throws Exception {
        Set<String> used = new TreeSet<>();
        for (Path p : fixtures().toList()) {
            PipeCodec.parse(Files.readString(p)).blocks().forEach(b -> used.add(b.type()));
        }
        Set<String> all = new TreeSet<>();
        Blocks.registry().all().forEach((BlockType t) -> all.add(t.name()));
        assertThat(used).isEqualTo(all);
    }

    @Test
    void aDuplicateShowsOneFreeOutputMoreThanItUses() throws Exception {
        EditorDriver editor = new EditorDriver(browser, server).open("/editor");
        editor.paste(Files.readString(FIXTURES.resolve("duplicate-split.json")));
        assertThat(editor.block("c0ffee0002").findElements(By.cssSelector("circle.port-out"))).hasSize(3);
        assertThat(editor.block("c0ffee0004").findElements(By.cssSelector("circle.port-text"))).hasSize(2);
        assertThat(editor.field("c0ffee0004", 0).getAttribute("disabled")).as("an option set by a text input").isNotNull();
        assertThat(editor.field("c0ffee0003", 1).isSelected()).as("a flag shown as a ticked checkbox").isTrue();
    }

    @Test
    void jsonThatIsNotAPipeIsRefusedAndChangesNothing() {
        EditorDriver editor = new EditorDriver(browser, server).open("/editor");
        editor.click("json");
        var text = browser.driver.findElement(By.id("json-text"));
        text.clear();
        text.sendKeys("{\"blocks\": 3}");
        editor.click("json-load");
        assertThat(browser.driver.findElement(By.id("json-error")).getText()).contains("no \"blocks\" list");
        editor.click("json-close");
        assertThat(browser.driver.findElements(By.cssSelector("#canvas g.block"))).hasSize(1);
    }

    static void assertEquivalent(PipeDoc expected, PipeDoc actual) {
        assertThat(actual.blocks()).hasSameSizeAs(expected.blocks());
        Map<String, BlockSpec> saved = actual.byId();
        for (BlockSpec e : expected.blocks()) {
            BlockSpec a = saved.get(e.id());
            assertThat(a).as("block %s", e.id()).isNotNull();
            String what = e.label();
            assertThat(a.type()).as(what).isEqualTo(e.type());
            assertThat(a.name()).as(what).isEqualTo(e.name());
            assertThat(a.x()).as(what + " x").isEqualTo(e.x());
            assertThat(a.y()).as(what + " y").isEqualTo(e.y());
            assertThat(a.userinputs()).as(what + " options").isEqualTo(e.userinputs());
            assertThat(trimmed(a.inputs())).as(what + " inputs").isEqualTo(trimmed(e.inputs()));
            assertThat(trimmed(a.textinputs())).as(what + " text inputs").isEqualTo(trimmed(e.textinputs()));
            assertThat(a.extra()).as(what + " other keys").isEqualTo(e.extra());
        }
        assertThat(actual.extra()).as("top-level keys").isEqualTo(expected.extra());
    }

    /** Free slots at the end carry nothing (the editor keeps one free Combine input, Pipes CE sometimes more). */
    static List<Link> trimmed(List<Link> links) {
        List<Link> out = new ArrayList<>(links);
        while (!out.isEmpty() && !out.get(out.size() - 1).connected()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
