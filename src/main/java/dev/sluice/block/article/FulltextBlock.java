package dev.sluice.block.article;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.HttpUrl;

/**
 * Full text: for each item, fetches its link and puts the article's main content in the item.
 * {@code userinputs}: [placement, site rules, most articles fetched per run].
 *
 * <p>Articles already extracted come from {@link ArticleCache} without a fetch. The others — at
 * most the cap, in feed order — are fetched in parallel ({@link HostSlots}: 2 per host, 8 in
 * all) through the shared downloader and extracted on {@link ExtractThreads}. The block waits for
 * them until its deadline and then returns: an item whose article is not there yet, or cannot be
 * had, keeps its own text, and the trace says which and why. A fetch still running at that point
 * finishes on its own (the downloader stops it at the run's cut-off) and leaves its article in
 * the cache for the next run. Sluice only: Pipes CE has no such block.
 */
public final class FulltextBlock implements Block {
    static final int PLACEMENT = 0;
    static final int RULES = 1;
    static final int MAX_FETCHES = 2;

    static final int DEFAULT_MAX_FETCHES = 20;
    /** However high the option is set: a run is seconds long, and each article is a request to someone's site. */
    static final int MOST_FETCHES = 100;
    static final int PER_HOST = 2;
    static final int OVERALL = 8;

    static final ArticleCache CACHE = new ArticleCache();

    public static final BlockType TYPE = new BlockType("FulltextBlock", "Full text", "Manipulate",
            "Fetches each item's link and puts the article's main text into the item's content: instead of its"
                    + " text, before it or after it. Readability finds the text; a site rule such as"
                    + " \"example.org: article .post-body\" (several separated by ;) picks it with a CSS selector"
                    + " instead, on that host and its subdomains. At most the given number of articles is fetched per"
                    + " run, 2 per site at once; extracted articles are kept for an hour, so later runs add the rest."
                    + " Scripts, styles and handlers are removed. An article that cannot be had (an error page, not"
                    + " HTML, too large, too slow) leaves its item as it was, with a warning.",
            List.of(OptionSpec.choice("Put the full text", Placement.REPLACE.key(), Placement.keys()),
                    OptionSpec.text("Site rules (host: CSS selector; …)", ""),
                    OptionSpec.number("Most articles fetched per run", Integer.toString(DEFAULT_MAX_FETCHES))),
            1, Value.Kind.FEED, new FulltextBlock());

    private FulltextBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Placement placement = Placement.of(call.options().text(PLACEMENT));
        SiteRules rules = SiteRules.parse(call.options().text(RULES));
        int cap = Math.clamp(call.options().integer(MAX_FETCHES, DEFAULT_MAX_FETCHES), 1, MOST_FETCHES);
        Feed feed = call.feed(0);

        Map<String, Optional<SiteRules.Rule>> urls = new LinkedHashMap<>();
        int unlinked = 0;
        for (Item item : feed.items()) {
            String url = urlOf(item);
            if (url.isEmpty()) {
                unlinked++;
            } else {
                urls.computeIfAbsent(url, u -> rules.forHost(HttpUrl.parse(u).host()));
            }
        }

        Map<String, Extraction> done = new LinkedHashMap<>();
        Map<String, Future<Extraction>> pending = new LinkedHashMap<>();
        int beyondCap = 0;
        // a block that starts after the cut-off (its feed came late) has no time to fetch: cached articles only
        int room = ctx.deadline().pastCutoff() ? 0 : cap;
        ExecutorService fetches = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fulltext-", 0).factory());
        try {
            HostSlots slots = new HostSlots(PER_HOST, OVERALL);
            for (Map.Entry<String, Optional<SiteRules.Rule>> e : urls.entrySet()) {
                String url = e.getKey();
                Optional<Extraction> cached = CACHE.get(url, selectorOf(e.getValue()), ctx.clock());
                if (cached.isPresent()) {
                    done.put(url, cached.get());
                } else if (pending.size() < room) {
                    ArticleFetch fetch = new ArticleFetch(url, e.getValue(), slots, ctx, CACHE);
                    pending.put(url, fetches.submit(fetch::call));
                } else {
                    beyondCap++;
                }
            }
        } finally {
            fetches.shutdown(); // no interrupts: a fetch past the deadline still fills the cache
        }

        List<String> unfinished = new ArrayList<>();
        for (Map.Entry<String, Future<Extraction>> p : pending.entrySet()) {
            Extraction got = await(p.getValue(), ctx);
            if (got == null) {
                unfinished.add(p.getKey());
            } else {
                done.put(p.getKey(), got);
            }
        }
        report(done, ctx);
        if (!unfinished.isEmpty()) {
            ctx.warn("Stopped at the run limit: " + unfinished.size() + " of " + pending.size() + " articles did not"
                    + " come in time, their items keep their own text: " + listed(unfinished));
        }
        if (beyondCap > 0 && room == 0) {
            ctx.warn("No time left in the run to fetch articles; " + beyondCap + " items keep their own text until a later run");
        } else if (beyondCap > 0) {
            ctx.warn("Fetched " + cap + " articles, the most per run; " + beyondCap + " more keep their own text"
                    + " until a later run (extracted articles are kept for an hour)");
        }
        if (unlinked > 0) {
            ctx.warn(unlinked + (unlinked == 1 ? " item has" : " items have") + " no web link; kept as they are");
        }
        return new Value.Items(feed.withItems(placed(feed.items(), done, placement)));
    }

    /** The items with their articles put in; the very same item where there is none. */
    private static List<Item> placed(List<Item> items, Map<String, Extraction> done, Placement placement) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            Extraction e = done.get(urlOf(item));
            out.add(e instanceof Extraction.Found f ? placement.apply(item, f.html()) : item);
        }
        return out;
    }

    private static void report(Map<String, Extraction> done, RunContext ctx) {
        for (Extraction e : done.values()) {
            switch (e) {
                case Extraction.Missing m -> ctx.warn("No full text, the item keeps its own: " + m.message());
                case Extraction.Found f when !f.note().isEmpty() -> ctx.warn(f.note());
                case Extraction.Found f -> { }
            }
        }
    }

    /** The first few URLs, for a message that must stay readable. */
    private static String listed(List<String> urls) {
        int shown = Math.min(urls.size(), 5);
        String list = String.join(", ", urls.subList(0, shown));
        return shown == urls.size() ? list : list + " and " + (urls.size() - shown) + " more";
    }

    /** The article, or null when it did not come before this block's deadline. */
    private static Extraction await(Future<Extraction> fetch, RunContext ctx) {
        try {
            return fetch.get(ctx.deadline().remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // ArticleFetch turns every failure into a value
        }
    }

    static String selectorOf(Optional<SiteRules.Rule> rule) {
        return rule.map(SiteRules.Rule::selector).orElse("");
    }

    /** The page of the item: its link, else a permalink GUID; "" when neither is an http(s) URL. */
    static String urlOf(Item item) {
        for (String candidate : new String[] {item.link(), item.guidIsPermaLink() ? item.guid() : ""}) {
            String s = candidate.strip();
            HttpUrl url = s.isEmpty() ? null : HttpUrl.parse(s);
            if (url != null) {
                return s;
            }
        }
        return "";
    }

    /** Loads and compiles the article extractor before the first real run (the start-up warm-up). */
    public static void warmUp(int rounds) {
        ArticleExtractor.warmUp(rounds);
    }
}
