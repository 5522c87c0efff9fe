package dev.sluice.block.article;

import dev.sluice.block.BlockError;
import dev.sluice.block.RunContext;
import dev.sluice.fetch.Download;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One article: a host slot, the page through the shared downloader (SSRF guard, politeness,
 * cache, the run's cut-off), then extraction, whose result is cached. Every failure becomes an
 * {@link Extraction.Missing} whose message names the URL; only extractions are cached, not
 * failed fetches (the downloader remembers those itself, briefly).
 */
record ArticleFetch(String url, Optional<SiteRules.Rule> rule, HostSlots slots, RunContext ctx, ArticleCache cache) {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleFetch.class);

    Extraction call() {
        String host = HttpUrl.parse(url).host();
        Download page;
        try {
            if (!slots.acquire(host, ctx.deadline().untilCutoff())) {
                return new Extraction.Missing(url + ": no time left in the run to fetch it");
            }
            try {
                page = ctx.fetch(url);
            } finally {
                slots.release(host);
            }
        } catch (BlockError e) { // a DeadlineExceeded too: the downloader's messages name the URL
            return new Extraction.Missing(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Extraction.Missing(url + ": interrupted");
        }
        Extraction extraction;
        try {
            extraction = ExtractThreads.run(() -> ArticleExtractor.extract(page, rule));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Extraction.Missing(url + ": interrupted");
        } catch (RuntimeException e) {
            LOG.warn("Readability failed on {}", url, e);
            extraction = new Extraction.Missing(url + ": the page could not be read as an article ("
                    + e.getClass().getSimpleName() + ")");
        }
        cache.put(url, FulltextBlock.selectorOf(rule), extraction, ctx.clock());
        return extraction;
    }
}
