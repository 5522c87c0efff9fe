package dev.sluice.block.manipulate;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.TestContext;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlCleanupBlockTest {
    private static final String DIRTY = "https://example.org/story?id=7&utm_source=rss&utm_medium=feed#comments";
    private static final String CLEAN = "https://example.org/story?id=7#comments";
    private static final String HTML = "<p>Via <a href=\"https://example.org/via?fbclid=abc\">a friend</a>.</p>";
    private static final String HTML_CLEAN = "<p>Via <a href=\"https://example.org/via\">a friend</a>.</p>";

    private static Feed run(Feed feed, Object... options) {
        return feedOf(UrlCleanupBlock.TYPE.block().run(call(feed, options), new TestContext()));
    }

    private static Item story(String guid, String link) {
        return Item.builder().guid(guid).title("Story").link(link).description(HTML).content(HTML)
                .published(Instant.parse("2024-05-01T10:00:00Z")).author("Ann").build();
    }

    @Test
    void removesTrackingFromTheLinkAndLeavesTheRestOfTheItem() {
        Item before = story("story-7", DIRTY);
        Item after = run(feed(before)).items().get(0);
        assertThat(after.link()).isEqualTo(CLEAN);
        assertThat(after).usingRecursiveComparison().ignoringFields("link").isEqualTo(before);
    }

    @Test
    void theGuidStaysUnlessAsked() {
        Item guidIsLink = story(DIRTY, DIRTY);
        assertThat(run(feed(guidIsLink)).items().get(0).guid()).as("default").isEqualTo(DIRTY);
        assertThat(run(feed(guidIsLink), false, false).items().get(0).guid()).isEqualTo(DIRTY);
        assertThat(run(feed(guidIsLink), false, true).items().get(0).guid()).as("guids too").isEqualTo(CLEAN);
        Item ownGuid = story("https://example.org/?p=7&utm_source=rss", DIRTY);
        assertThat(run(feed(ownGuid), false, true).items().get(0).guid()).as("a guid that is not the link")
                .isEqualTo("https://example.org/?p=7&utm_source=rss");
    }

    @Test
    void linksInDescriptionAndContentOnlyWhenAsked() {
        Item item = story("s", DIRTY);
        Item plain = run(feed(item), "").items().get(0);
        assertThat(plain.description()).isEqualTo(HTML);
        assertThat(plain.content()).isEqualTo(HTML);
        Item deep = run(feed(item), true).items().get(0);
        assertThat(deep.description()).isEqualTo(HTML_CLEAN);
        assertThat(deep.content()).isEqualTo(HTML_CLEAN);
        assertThat(deep.link()).isEqualTo(CLEAN);
    }

    @Test
    void extraParameterNamesAreRemovedToo() {
        Item item = story("s", "https://example.org/a?sessionid=9&cmp_src=x&utm_source=y&page=2");
        assertThat(run(feed(item), false, false, "sessionid, cmp_*").items().get(0).link())
                .isEqualTo("https://example.org/a?page=2");
        assertThatThrownBy(() -> run(feed(item), false, false, "*")).isInstanceOf(BlockError.class)
                .hasMessageContaining("every parameter");
    }

    @Test
    void itemsWithNothingToCleanAreTheSameInstancesAndSoIsTheFeed() {
        String link = "https://example.org/g";
        Feed feed = feed(story("a", "https://example.org/a?id=1"), story(new String(link), link), // equal, not one instance
                story("b", ""), story("c", "mailto:x@example.org?utm_source=y"),
                story("d", "not a url?utm_source=x"), story("e", "/relative?utm_source=x"));
        assertThat(run(feed, false, true)).isSameAs(feed);
        Feed mixed = feed(story("a", "https://example.org/a?id=1"), story("b", DIRTY));
        Feed out = run(mixed);
        assertThat(out).isNotSameAs(mixed);
        assertThat(out.items().get(0)).isSameAs(mixed.items().get(0));
        assertThat(out.items().get(1).link()).isEqualTo(CLEAN);
    }

    @Test
    void veryLongLinksAndContentAreHandled() {
        String longLink = "https://example.org/" + "p".repeat(500_000) + "?" + "k=v&".repeat(10_000) + "gclid=1";
        String bigHtml = "<p>" + "<a href=\"https://example.org/x?utm_source=a\">x</a> ".repeat(5_000) + "</p>";
        Item item = Item.builder().guid("g").title("Long").link(longLink).content(bigHtml).build();
        Item out = run(feed(item), true).items().get(0);
        assertThat(out.link()).endsWith("k=v").doesNotContain("gclid");
        assertThat(out.content()).doesNotContain("utm_source").contains("<a href=\"https://example.org/x\">x</a>");
    }

    @Test
    void anEmptyFeedStaysEmpty() {
        assertThat(run(Feed.EMPTY, true, true).items()).isEqualTo(List.of());
    }
}
