package dev.sluice.websub;

import static dev.sluice.pipe.PipeJsonForTests.block;
import static dev.sluice.pipe.PipeJsonForTests.feed;
import static dev.sluice.pipe.PipeJsonForTests.from;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static dev.sluice.websub.HubFixtures.path;
import static dev.sluice.websub.HubFixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Discovery: a public pipe's RSS, Atom and JSON feeds name the hub and their own URL — in the
 * {@code Link} header and in the document ({@code atom:link rel="hub"}/{@code rel="self"}, JSON
 * Feed {@code hubs}) — readable by a feed parser; private feeds, which the hub does not take,
 * name none.
 */
class WebSubDiscoveryTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;
    static Upstream upstream;
    static String hub;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
        upstream = new Upstream("One", "Two");
        hub = server.sluice.config().baseUrl() + "/websub";
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    static StoredPipe newPipe(boolean isPublic) {
        return server.save("owner@example.org", "Discovered", pipe(feed("f", upstream.url()), output("f")), isPublic);
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"RSS", "ATOM", "JSON"})
    void aPublicFeedNamesTheHubAndItselfInItsLinkHeader(OutputFormat format) {
        String self = topic(server, newPipe(true), format);
        HttpResponse<String> r = server.get(path(self));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Link")).containsExactly("<" + hub + ">; rel=\"hub\", <" + self + ">; rel=\"self\"");
        // the same from the cache, on HEAD and on a 304
        assertThat(server.head(path(self)).headers().allValues("Link")).isEqualTo(r.headers().allValues("Link"));
        HttpResponse<String> notModified = server.get(path(self), "If-None-Match", r.headers().firstValue("ETag").orElseThrow());
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.headers().allValues("Link")).isEqualTo(r.headers().allValues("Link"));
    }

    @Test
    void theDocumentsNameTheHubAndTheirOwnUrl() throws Exception {
        StoredPipe pipe = newPipe(true);
        String rss = server.get(path(topic(server, pipe, OutputFormat.RSS))).body();
        assertThat(rss).contains("<atom:link href=\"" + hub + "\" rel=\"hub\" />")
                .contains("<atom:link href=\"" + topic(server, pipe, OutputFormat.RSS) + "\" rel=\"self\" type=\"application/rss+xml\" />");
        String atom = server.get(path(topic(server, pipe, OutputFormat.ATOM))).body();
        assertThat(atom).contains("<link rel=\"hub\" href=\"" + hub + "\" />")
                .contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + topic(server, pipe, OutputFormat.ATOM) + "\" />");
        JsonNode json = JSON.readTree(server.get(path(topic(server, pipe, OutputFormat.JSON))).body());
        assertThat(json.get("hubs").get(0).get("type").asText()).isEqualTo("WebSub");
        assertThat(json.get("hubs").get(0).get("url").asText()).isEqualTo(hub);
        assertThat(json.get("feed_url").asText()).isEqualTo(topic(server, pipe, OutputFormat.JSON));
    }

    @Test
    void aFeedParserFindsTheHubAndSelfLinks() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import feedparser")
                .start().waitFor() == 0, "Python's feedparser is not installed (Debian: python3-feedparser); CI installs it");
        StoredPipe pipe = newPipe(true);
        for (OutputFormat format : new OutputFormat[] {OutputFormat.RSS, OutputFormat.ATOM}) {
            String self = topic(server, pipe, format);
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import feedparser, sys; d = feedparser.parse(sys.stdin.buffer.read()); "
                    + "print('bozo' if d.bozo else 'ok'); [print(l.get('rel'), l.get('href')) for l in d.feed.get('links', [])]")
                    .redirectErrorStream(true).start();
            p.getOutputStream().write(server.get(path(self)).body().getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(said).isZero();
            assertThat(said.lines()).as(format + ": " + said).contains("ok", "hub " + hub, "self " + self);
        }
    }

    @Test
    void aFeedWithParametersNamesItselfWithThem() {
        String json = pipe(block("q", "TextinputBlock", "[\"q\",\"One\"]", "[]", "[]"), feed("f", upstream.url()),
                block("flt", "FilterBlock", "[\"x\",false,\"title\"]", from("f"), from("q")), output("flt"));
        StoredPipe pipe = server.save("owner@example.org", "With a parameter", json, true);
        HttpResponse<String> r = server.get("/feed/" + pipe.id() + ".atom?q=rust&utm_source=x");
        assertThat(r.headers().firstValue("Link")).hasValueSatisfying(v -> assertThat(v)
                .endsWith("<" + server.sluice.config().baseUrl() + "/feed/" + pipe.id() + ".atom?q=rust>; rel=\"self\""));
    }

    @Test
    void privateFeedsAndTextNameNoHub() {
        StoredPipe pipe = newPipe(false);
        for (OutputFormat format : OutputFormat.values()) {
            HttpResponse<String> r = server.get(path(topic(server, pipe, format)));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Link")).as(format.name()).isEmpty();
            assertThat(r.body()).doesNotContain("rel=\"hub\"").doesNotContain("\"hubs\"");
        }
        HttpResponse<String> text = server.get(path(topic(server, newPipe(true), OutputFormat.TEXT)));
        assertThat(text.headers().firstValue("Link")).isEmpty();
    }
}
