package dev.sluice.output;

import dev.sluice.block.Blocks;
import dev.sluice.block.Value;
import dev.sluice.engine.CachingFeedDecoder;
import dev.sluice.engine.Engine;
import dev.sluice.engine.Plan;
import dev.sluice.engine.RunRequest;
import dev.sluice.engine.RunResult;
import dev.sluice.feed.Feed;
import dev.sluice.feed.FeedHtml;
import dev.sluice.feed.FeedParser;
import dev.sluice.feed.FeedWriter;
import dev.sluice.feed.OutputFormat;
import dev.sluice.feed.WriteOptions;
import dev.sluice.fetch.Download;
import dev.sluice.fetch.Downloader;
import dev.sluice.fetch.FetchOutcome;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.PipeReferences;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * Runs the path of a cold feed request a few times on made-up feeds, so that the first real one
 * meets compiled code. A freshly started JVM interprets: the first run of a pipe with a few
 * thousand items spent seconds in the XML parser, the HTML sanitiser, the feed writers and the
 * content hash before the JIT caught up, although a warm run takes a fraction of that. Nothing
 * here touches the network, the database or any cache the service uses: the feeds come from an
 * in-memory downloader and the engine is a private one.
 */
public final class Warmup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Warmup.class);
    private static final int FEEDS = 4;
    private static final int ITEMS_PER_FEED = 120;
    private static final int FULLTEXT_ROUNDS = 20;

    private Warmup() {
    }

    /**
     * Runs rounds until {@code rounds} are done or {@code budget} is spent, whichever comes first;
     * never throws (a failure only means the first real request is slower).
     *
     * @return how many rounds ran
     */
    public static int run(int rounds, Duration budget) {
        long began = System.nanoTime();
        long until = began + budget.toNanos();
        int done = 0;
        try {
            MadeUpFeeds feeds = new MadeUpFeeds();
            Engine engine = new Engine(Blocks.registry(), feeds, new CachingFeedDecoder(new FeedParser()),
                    InstantSource.system());
            Plan plan = engine.compile(PipeCodec.parse(pipe()), PipeDoc.ROOT_ID);
            FeedWriter writer = new FeedWriter();
            while (done < rounds && System.nanoTime() < until) {
                feeds.round = done;
                round(engine, plan, writer);
                done++;
            }
            // The Full text block's extractor: loading and compiling Readability costs a first run seconds.
            dev.sluice.block.article.FulltextBlock.warmUp(FULLTEXT_ROUNDS);
            FeedHtml.forgetCleaned();
            LOG.info("warm-up: {} rounds in {} ms", done, (System.nanoTime() - began) / 1_000_000);
        } catch (PipeFormatException | RuntimeException e) {
            LOG.warn("warm-up stopped after {} rounds: {}", done, e.toString());
        }
        return done;
    }

    private static void round(Engine engine, Plan plan, FeedWriter writer) {
        RunResult run = engine.run(plan, new RunRequest("warmup", Map.of(), Duration.ofSeconds(30), PipeReferences.NONE));
        if (!(run.output() instanceof Value.Items items) || !run.complete()) {
            throw new IllegalStateException("the warm-up pipe failed: " + run.errors());
        }
        Feed feed = items.feed();
        byte[] json = FeedJson.write(feed);
        Hashes.hex(json);
        FeedJson.read(json);
        WriteOptions options = new WriteOptions("https://warmup.invalid/feed", "https://warmup.invalid/", "Sluice");
        for (OutputFormat format : OutputFormat.values()) {
            RenderedFeed.of(writer.write(feed, format, options), format.contentType(), Instant.EPOCH, null);
        }
    }

    /** A Pipes CE-shaped pipe: the feeds combined, newest first, de-duplicated. */
    private static String pipe() {
        StringBuilder blocks = new StringBuilder();
        StringBuilder combined = new StringBuilder();
        for (int f = 1; f <= FEEDS; f++) {
            blocks.append("""
                    {"id":"feed%d","type":"FeedBlock","userinputs":["https://warmup.invalid/%d.xml"],"inputs":[],"textinputs":[{}]},
                    """.formatted(f, f));
            combined.append(f > 1 ? "," : "").append("{\"from\":\"feed%d\",\"from_output_slot\":0}".formatted(f));
        }
        return """
                {"blocks":[%s
                {"id":"combine","type":"CombineBlock","userinputs":[],"inputs":[%s],"textinputs":[]},
                {"id":"sort","type":"SortBlock","userinputs":["updated","desc"],"inputs":[{"from":"combine","from_output_slot":0}],"textinputs":[]},
                {"id":"unique","type":"UniqueBlock","userinputs":[],"inputs":[{"from":"sort","from_output_slot":0}],"textinputs":[]},
                {"id":"output","type":"OutputBlock","userinputs":[""],"inputs":[{"from":"unique","from_output_slot":0}],"textinputs":[]}
                ]}""".formatted(blocks, combined);
    }

    /** Serves a made-up feed for any URL: RSS for odd feeds, Atom for even ones, HTML in every item. */
    private static final class MadeUpFeeds implements Downloader {
        /** Changes the texts every round: the sanitiser remembers the texts it has cleaned. */
        private volatile int round;

        @Override
        public FetchOutcome fetch(String url, Duration budget) {
            boolean atom = url.hashCode() % 2 == 0;
            byte[] body = (atom ? atom(url) : rss(url)).getBytes(StandardCharsets.UTF_8);
            Download download = new Download(url, url, 200, atom ? "application/atom+xml" : "application/rss+xml", body,
                    Instant.now(), null, null);
            return new FetchOutcome.Fetched(download, FetchOutcome.Freshness.NETWORK, null);
        }

        private String rss(String url) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < ITEMS_PER_FEED; i++) {
                items.append("<item><title>Item ").append(i).append(" of ").append(url).append("</title><link>")
                        .append(url).append("/post/").append(i).append("</link><guid>").append(url).append('#').append(i)
                        .append("</guid><pubDate>Sat, 29 Jun 2024 ").append(10 + i % 12).append(":").append(10 + i % 50)
                        .append(":00 +0000</pubDate><category>news</category><description>").append(escaped(html(i)))
                        .append("</description><content:encoded><![CDATA[").append(html(i)).append(html(i + 1))
                        .append("]]></content:encoded></item>\n");
            }
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
                    <title>Warm-up</title><link>https://warmup.invalid/</link><description>made up</description>
                    %s</channel></rss>""".formatted(items);
        }

        private String atom(String url) {
            StringBuilder entries = new StringBuilder();
            for (int i = 0; i < ITEMS_PER_FEED; i++) {
                entries.append("<entry><title>Entry ").append(i).append("</title><link href=\"").append(url)
                        .append("/entry/").append(i).append("\"/><id>").append(url).append('#').append(i)
                        .append("</id><updated>2024-06-29T").append(10 + i % 12).append(":").append(10 + i % 50)
                        .append(":00Z</updated><author><name>Writer</name></author><summary type=\"html\">")
                        .append(escaped(html(i))).append("</summary><content type=\"html\">").append(escaped(html(i + 2)))
                        .append("</content></entry>\n");
            }
            return """
                    <?xml version="1.0" encoding="utf-8"?>
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>Warm-up</title><id>urn:warmup</id>
                    <updated>2024-06-30T12:00:00Z</updated>
                    %s</feed>""".formatted(entries);
        }

        private String html(int i) {
            return "<p><img src=\"https://img.warmup.invalid/" + i + ".jpg\" alt=\"picture " + round + "\" width=\"640\"/></p>"
                    + "<p>Paragraph " + i + " with <b>bold</b>, <em>emphasis</em> and a <a href=\"https://warmup.invalid/"
                    + i + "\" onclick=\"steal()\">link</a>.</p><script>steal()</script><ul><li>one</li><li>two</li></ul>"
                    + "<p style=\"color:red\">Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium"
                    + " doloremque laudantium, totam rem aperiam &amp; eaque ipsa quae ab illo inventore.</p>";
        }

        private static String escaped(String html) {
            return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
