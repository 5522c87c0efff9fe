package dev.sluice.block.article;

import static dev.sluice.pipe.PipeJsonForTests.block;
import static dev.sluice.pipe.PipeJsonForTests.feed;
import static dev.sluice.pipe.PipeJsonForTests.from;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.block.Blocks;
import dev.sluice.block.Value;
import dev.sluice.engine.CachingFeedDecoder;
import dev.sluice.engine.Engine;
import dev.sluice.engine.RunError;
import dev.sluice.engine.RunRequest;
import dev.sluice.engine.RunResult;
import dev.sluice.feed.FeedParser;
import dev.sluice.feed.Item;
import dev.sluice.fetch.AddressPolicy;
import dev.sluice.fetch.FetchConfig;
import dev.sluice.fetch.HttpDownloader;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeReferences;
import dev.sluice.testing.TestClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Full text block in a real engine with the real downloader, against a stand-in news site on
 * loopback addresses: the bounds on concurrent fetches as the site sees them, the SSRF guard,
 * the cap per run, and the cache of extracted articles.
 */
class FulltextBlockTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER_AGENT = FetchConfig.userAgent("test", "http://sluice.test");

    private final TestClock clock = new TestClock();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ArticleServer site() {
        ArticleServer site = new ArticleServer();
        open.add(site);
        return site;
    }

    /** The test configuration: loopback allowed, no spacing, and room for 8 requests per host in the downloader. */
    private static FetchConfig config() {
        return FetchConfig.defaults(USER_AGENT).withAllowPrivateNetworks(true).withHostSpacing(Duration.ZERO)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).withMaxInFlightPerHost(8);
    }

    private Engine engine(HttpDownloader downloader) {
        open.add(downloader::close);
        return new Engine(Blocks.registry(), downloader, new CachingFeedDecoder(new FeedParser()), clock);
    }

    private Engine engine() {
        return engine(HttpDownloader.builder(config()).clock(clock).build());
    }

    /** Feed → Full text (with {@code options}) → Output, run with a limit of {@code limit}. */
    private static RunResult run(Engine engine, String feedUrl, List<Object> options, Duration limit) throws Exception {
        String json = pipe(output("full"), feed("feed", feedUrl),
                block("full", "FulltextBlock", JSON.writeValueAsString(options), from("feed"), "[]"));
        PipeDoc doc = PipeCodec.parse(json);
        engine.validator().validate(doc, null, PipeReferences.NONE);
        return engine.run(engine.compile(doc, "output"), new RunRequest(null, Map.of(), limit, PipeReferences.NONE));
    }

    private static List<Item> items(RunResult r) {
        return ((Value.Items) r.output()).feed().items();
    }

    private static List<String> warnings(RunResult r) {
        return r.errors().stream().peek(e -> assertThat(e.kind()).as(e.message()).isEqualTo(RunError.Kind.WARNING))
                .map(RunError::message).toList();
    }

    @Test
    void neverMoreThanTwoArticlesOfOneHostAreFetchedAtOnce() throws Exception {
        ArticleServer site = site().articleDelay(300);
        List<List<String>> entries = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            String host = n % 2 == 0 ? "127.0.0.2" : "127.0.0.3";
            entries.add(List.of("Story " + n, site.url(host, "/article/news?n=" + n), "Teaser " + n));
        }
        site.feed(entries);

        RunResult r = run(engine(), site.url("/feed.xml"), List.of("", "", ""), Duration.ofSeconds(10));

        assertThat(warnings(r)).isEmpty();
        assertThat(items(r)).hasSize(12).allSatisfy(i -> assertThat(i.content()).contains("rebuild the old ferry pier"));
        Map<String, Integer> perHost = site.maxInFlightPerHost();
        assertThat(perHost).as("the downloader would allow 8; the block allows 2")
                .containsOnlyKeys("127.0.0.2:" + portOf(site), "127.0.0.3:" + portOf(site))
                .allSatisfy((host, most) -> assertThat(most).as(host).isEqualTo(FulltextBlock.PER_HOST));
    }

    private static String portOf(ArticleServer site) {
        String url = site.url("/");
        return url.substring(url.lastIndexOf(':') + 1, url.length() - 1);
    }

    @Test
    void anAddressTheGuardRefusesIsNeverAskedAndTheItemKeepsItsText() throws Exception {
        ArticleServer site = site();
        String refused = site.url("127.0.0.3", "/article/blog");
        site.feed(List.of(List.of("Allowed", site.url("127.0.0.2", "/article/news"), "Teaser A"),
                List.of("Refused", refused, "Teaser R")));
        // production policy (public addresses only), with one exception for the stand-in site's first address
        HttpDownloader guarded = HttpDownloader.builder(config().withAllowPrivateNetworks(false)).clock(clock)
                .addressPolicy(AddressPolicy.publicOnly().alsoAllowing(InetAddress.getByName("127.0.0.2"))).build();

        RunResult r = run(engine(guarded), site.url("127.0.0.2", "/feed.xml"), List.of("", "", ""), Duration.ofSeconds(10));

        assertThat(items(r)).extracting(Item::title).containsExactly("Allowed", "Refused");
        assertThat(items(r).get(0).content()).contains("rebuild the old ferry pier");
        assertThat(items(r).get(1)).as("untouched").extracting(Item::description, Item::content).containsExactly("Teaser R", "");
        assertThat(warnings(r)).singleElement().asString()
                .startsWith("No full text, the item keeps its own: " + refused).contains("loopback");
        assertThat(site.hitsOnHost("127.0.0.3")).isZero();
    }

    @Test
    void atMostTheCapIsFetchedPerRunAndLaterRunsAddTheRestFromWhereTheCacheLeftOff() throws Exception {
        ArticleServer site = site();
        List<List<String>> entries = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            entries.add(List.of("Story " + n, site.url("/article/blog?n=" + n), "Teaser " + n));
        }
        site.feed(entries);
        Engine engine = engine();

        RunResult first = run(engine, site.url("/feed.xml"), List.of("", "", 2), Duration.ofSeconds(10));
        assertThat(items(first)).extracting(i -> i.content().contains("stiff starter")).containsExactly(true, true, false, false, false);
        assertThat(warnings(first)).containsExactly("Fetched 2 articles, the most per run; 3 more keep their own text until"
                + " a later run (extracted articles are kept for an hour)");
        assertThat(site.articleHits()).isEqualTo(2);

        RunResult second = run(engine, site.url("/feed.xml"), List.of("", "", 2), Duration.ofSeconds(10));
        assertThat(items(second)).extracting(i -> i.content().contains("stiff starter")).containsExactly(true, true, true, true, false);
        assertThat(site.articleHits()).as("two more, none again").isEqualTo(4);
    }

    @Test
    void aWarmRunNeitherFetchesNorExtractsUntilTheArticleIsAnHourOld() throws Exception {
        ArticleServer site = site();
        site.feed(List.of(List.of("Pier", site.url("/article/news"), "Teaser"), List.of("Birds", site.url("/article/wordpress"), "T")));
        Engine engine = engine();

        RunResult cold = run(engine, site.url("/feed.xml"), List.of("", "", ""), Duration.ofSeconds(10));
        assertThat(site.articleHits()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(30)); // the downloader would ask the site again by now; the block does not
        RunResult warm = run(engine, site.url("/feed.xml"), List.of("", "", ""), Duration.ofSeconds(10));
        assertThat(site.articleHits()).isEqualTo(2);
        assertThat(items(warm)).extracting(Item::content).isEqualTo(items(cold).stream().map(Item::content).toList());

        clock.advance(ArticleCache.LIFETIME);
        run(engine, site.url("/feed.xml"), List.of("", "", ""), Duration.ofSeconds(10));
        assertThat(site.articleHits()).as("fetched again once an hour old").isEqualTo(4);
    }

    @Test
    void theTextGoesInsteadOfBeforeOrAfterTheItemsOwn() throws Exception {
        ArticleServer site = site();
        site.feed(List.of(List.of("Pier", site.url("/article/news?placement"), "Teaser of the pier")));
        Engine engine = engine();
        for (String placement : List.of("replace", "before", "after")) {
            Item item = items(run(engine, site.url("/feed.xml"), List.of(placement, "", ""), Duration.ofSeconds(10))).get(0);
            assertThat(item.description()).as("the summary stays").isEqualTo("Teaser of the pier");
            int article = item.content().indexOf("rebuild the old ferry pier");
            int teaser = item.content().indexOf("Teaser of the pier");
            switch (placement) {
                case "replace" -> assertThat(teaser).isNegative();
                case "before" -> assertThat(article).isLessThan(teaser);
                default -> assertThat(teaser).isLessThan(article);
            }
            assertThat(article).isNotNegative();
        }
    }
}
