package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.testing.BenchFeeds;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The feed URL end to end: real server, real SQLite file, real upstream on loopback. */
class FeedRoutesTest {
    static BenchServer upstream;
    static TestServer server;

    @BeforeAll
    static void start() {
        upstream = new BenchServer();
        server = TestServer.standard();
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    private static StoredPipe p1(boolean isPublic) {
        return server.save("alice@example.org", "Quantum news", BenchFeeds.pipe("P1", upstream), isPublic);
    }

    private static int items(String rss) {
        return rss.split("<item>", -1).length - 1;
    }

    @Test
    void feedIsServedThenAnsweredFromCacheWithValidators() {
        StoredPipe pipe = p1(true);
        HttpResponse<String> first = server.get("/feed/" + pipe.id());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/rss+xml"));
        assertThat(items(first.body())).isEqualTo(15);
        assertThat(first.body()).contains("atom:link").contains("rel=\"self\"").contains("/feed/" + pipe.id());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("public, max-age="));

        long runs = server.sluice.outputs().runs();
        HttpResponse<String> second = server.get("/feed/" + pipe.id());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(server.sluice.outputs().runs()).as("second request must not run the pipe").isEqualTo(runs);

        assertThat(server.get("/feed/" + pipe.id(), "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(server.get("/feed/" + pipe.id(), "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(server.get("/feed/" + pipe.id(), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    }

    @Test
    void savingThePipeChangesTheOutputAndTheEtag() {
        StoredPipe pipe = p1(true);
        HttpResponse<String> before = server.get("/feed/" + pipe.id());
        StoredPipe saved = server.update(pipe, BenchFeeds.pipe("P1", upstream).replace("\"quantum\"", "\"/^[a-m]/\""));
        assertThat(saved.version()).isEqualTo(pipe.version() + 1);
        HttpResponse<String> after = server.get("/feed/" + pipe.id());
        assertThat(after.body()).isNotEqualTo(before.body());
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
        assertThat(server.get("/feed/" + pipe.id(), "If-None-Match", before.headers().firstValue("ETag").orElseThrow())
                .statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"'',application/rss+xml", ".rss,application/rss+xml", ".xml,application/rss+xml",
            ".atom,application/atom+xml", ".json,application/feed+json", ".txt,text/plain"})
    void everyFormatIsServed(String extension, String contentType) {
        StoredPipe pipe = p1(true);
        HttpResponse<String> r = server.get("/feed/" + pipe.id() + extension);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(contentType);
        assertThat(r.body()).contains("quantum");
    }

    @Test
    void unknownFormatsAndPipesAre404() {
        StoredPipe pipe = p1(true);
        assertThat(server.get("/feed/" + pipe.id() + ".pdf").statusCode()).isEqualTo(404);
        assertThat(server.get("/feed/doesnotexist1").statusCode()).isEqualTo(404);
    }

    @Test
    void privateFeedsNeedTheirKey() {
        StoredPipe pipe = p1(false);
        assertThat(server.get("/feed/" + pipe.id()).statusCode()).isEqualTo(404);
        assertThat(server.get("/feed/" + pipe.id() + "?key=wrong").statusCode()).isEqualTo(404);
        HttpResponse<String> ok = server.get("/feed/" + pipe.id() + "?key=" + pipe.feedKey());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
        assertThat(ok.body()).contains("key=" + pipe.feedKey());
        assertThat(server.get("/preview/" + pipe.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void headAnswersHeadersWithoutBody() {
        StoredPipe pipe = p1(true);
        HttpResponse<String> r = server.head("/feed/" + pipe.id() + ".atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void onlyDeclaredParametersReachThePipeOrSplitTheCache() {
        String json = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
                + "\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}],\"textinputs\":[]},"
                + "{\"id\":\"feed1\",\"type\":\"FeedBlock\",\"userinputs\":[\"" + upstream.fastUrl(1, "F1.xml") + "\"],\"inputs\":[],\"textinputs\":[{}]},"
                + "{\"id\":\"q\",\"type\":\"TextinputBlock\",\"userinputs\":[\"word\",\"quantum\"],\"inputs\":[],\"textinputs\":[]},"
                + "{\"id\":\"f\",\"type\":\"FilterBlock\",\"userinputs\":[\"x\",false,\"title\"],"
                + "\"inputs\":[{\"from\":\"feed1\",\"from_output_slot\":0}],\"textinputs\":[{\"from\":\"q\",\"from_output_slot\":0}]}]}";
        StoredPipe pipe = server.save("bob@example.org", "Param", json, true);
        assertThat(items(server.get("/feed/" + pipe.id()).body())).isEqualTo(15);
        long runs = server.sluice.outputs().runs();
        assertThat(items(server.get("/feed/" + pipe.id() + "?utm_source=x&cachebust=1").body())).isEqualTo(15);
        assertThat(server.sluice.outputs().runs()).isEqualTo(runs);
        assertThat(items(server.get("/feed/" + pipe.id() + "?word=zzzznotthere").body()))
                .as("a declared parameter reaches the Filter: nothing matches, a complete, empty run").isZero();
    }

    @Test
    void aFailingRunServesTheLastCompleteOutputMarkedStale() {
        StoredPipe pipe = p1(true);
        String good = server.get("/feed/" + pipe.id()).body();
        server.update(pipe, BenchFeeds.pipe("P1", upstream).replace("F1.xml", "missing.xml"));
        HttpResponse<String> r = server.get("/feed/" + pipe.id());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Sluice-Stale")).isPresent();
        assertThat(r.headers().firstValue("X-Sluice-Errors").orElseThrow()).contains("404");
        assertThat(items(r.body())).isEqualTo(15);
        assertThat(r.body()).isEqualTo(good);
    }

    @Test
    void aFailingPipeWithoutHistoryExplainsItselfInOneStableItem() {
        StoredPipe pipe = server.save("carol@example.org", "Broken", BenchFeeds.pipe("P1", upstream).replace("F1.xml", "gone.xml"), true);
        // the error item's guid is stable within the hour: start this test early in an hour
        Instant now = server.clock.instant();
        server.clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(61))));
        HttpResponse<String> r = server.get("/feed/" + pipe.id());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Sluice-Errors").orElseThrow()).contains("Feed (feed1)");
        assertThat(items(r.body())).isEqualTo(1);
        assertThat(r.body()).contains("could not produce items");
        server.clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> again = server.get("/feed/" + pipe.id());
        assertThat(guid(again.body())).isEqualTo(guid(r.body()));
    }

    private static String guid(String rss) {
        int start = rss.indexOf("<guid");
        return rss.substring(start, rss.indexOf("</guid>", start));
    }

    @Test
    void theLastGoodOutputSurvivesARestart() throws Exception {
        StoredPipe pipe = p1(true);
        server.get("/feed/" + pipe.id());
        try (TestServer restarted = new TestServer(Map.of(), server.dataDir)) {
            restarted.update(restarted.sluice.pipeRepository().find(pipe.id()).orElseThrow(),
                    BenchFeeds.pipe("P1", upstream).replace("F1.xml", "missing.xml"));
            HttpResponse<String> r = restarted.get("/feed/" + pipe.id());
            assertThat(r.headers().firstValue("X-Sluice-Stale")).isPresent();
            assertThat(items(r.body())).isEqualTo(15);
        }
    }

    /**
     * A cached feed is answered in Jetty before Javalin routes it (CachedFeeds) unless the request
     * carries a cookie or credentials; both ways must give the reader the same answer.
     */
    @Test
    void cachedFeedIsAnsweredAlikeWithAndWithoutTheFastPath() {
        StoredPipe open = p1(true);
        StoredPipe closed = p1(false);
        for (String path : List.of("/feed/" + open.id(), "/feed/" + open.id() + ".atom", "/feed/" + open.id() + ".json",
                "/feed/" + closed.id() + ".rss?key=" + closed.feedKey())) {
            assertThat(server.get(path).statusCode()).as(path).isEqualTo(200); // runs and caches it
            for (String[] asked : List.of(new String[0], new String[] {"Accept-Encoding", "gzip"})) {
                long fastBefore = CachedFeeds.answered();
                HttpResponse<String> fast = server.get(path, asked);
                assertThat(CachedFeeds.answered()).as(path + ": answered in Jetty").isEqualTo(fastBefore + 1);
                String[] withCookie = java.util.Arrays.copyOf(asked, asked.length + 2);
                withCookie[asked.length] = "Cookie";
                withCookie[asked.length + 1] = "unrelated=1";
                HttpResponse<String> routed = server.get(path, withCookie);
                assertThat(CachedFeeds.answered()).as(path + ": a cookie goes to the feed route").isEqualTo(fastBefore + 1);
                assertThat(fast.statusCode()).as(path).isEqualTo(200);
                assertThat(fast.body()).as(path).isEqualTo(routed.body());
                assertThat(answerHeaders(fast)).as(path + " " + List.of(asked)).isEqualTo(answerHeaders(routed));
                assertThat(fast.headers().firstValue("Content-Security-Policy")).as(path).hasValue(WebServer.CSP);
                String etag = fast.headers().firstValue("ETag").orElseThrow();
                String[] conditional = java.util.Arrays.copyOf(asked, asked.length + 2);
                conditional[asked.length] = "If-None-Match";
                conditional[asked.length + 1] = etag;
                assertThat(server.get(path, conditional).statusCode()).as(path).isEqualTo(304);
            }
            assertThat(server.head(path).headers().firstValue("Content-Length"))
                    .isEqualTo(server.get(path).headers().firstValue("Content-Length"));
        }
        assertThat(server.get("/feed/" + closed.id() + ".rss").statusCode()).as("no key, no feed").isEqualTo(404);
        assertThat(server.get("/feed/" + closed.id() + ".rss?key=wrong").statusCode()).isEqualTo(404);
    }

    /** The headers a reader acts on, but the date of sending and the seconds left of max-age, which move on. */
    private static java.util.Map<String, List<String>> answerHeaders(HttpResponse<String> response) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(response.headers().map());
        headers.remove("date");
        headers.computeIfPresent("cache-control", (name, values) -> values.stream()
                .map(v -> v.replaceAll("max-age=\\d+", "max-age=N")).toList());
        return headers;
    }
}
