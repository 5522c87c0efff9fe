package dev.sluice.feed;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzing the feed parser: any body — RSS, Atom, JSON Feed, HTML or noise — parses
 * or fails with {@link FeedParseException}, never another exception, a hang or unbounded
 * memory (XXE and entity expansion are refused). The corpus in
 * {@code src/test/resources/dev/sluice/feed/FeedParserFuzzTestInputs} is replayed on every
 * test run; {@code scripts/fuzz.sh} fuzzes for new inputs.
 */
@Tag("security")
class FeedParserFuzzTest {
    private static final FeedParser PARSER = new FeedParser();

    @FuzzTest(maxDuration = "30s")
    void parsesOrSaysWhy(@NotNull byte[] body) {
        for (String type : new String[] {"application/rss+xml", "application/feed+json", "text/html"}) {
            try {
                PARSER.parse(body, type, "https://feeds.example/feed");
            } catch (FeedParseException expected) {
                // a clear refusal is fine
            }
        }
    }
}
