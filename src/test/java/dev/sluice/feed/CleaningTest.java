package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Readying a feed's items, shared out among threads, gives what cleaning them one by one gives. */
class CleaningTest {

    private static Feed feed(int items, boolean withMarkup) {
        List<Item> list = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String html = withMarkup
                    ? "<p onclick=\"x()\">Item " + i + " <script>steal()</script><a href=\"https://example.org/" + i + "\">link</a></p>"
                    : "Item " + i + " in plain words";
            list.add(Item.builder().guid(i % 7 == 0 ? "" : "g" + i).title("Title " + i).link("https://example.org/" + i)
                    .description(html).content(withMarkup ? html + "<iframe src=\"https://evil.example/\"></iframe>" : "").build());
        }
        return new Feed(Channel.EMPTY, list);
    }

    private static Item cleanedAlone(Item item) {
        Item withGuid = item.guid().isBlank() ? GuidPolicy.apply(item) : item;
        return withGuid.toBuilder().description(FeedHtml.clean(withGuid.description()))
                .content(FeedHtml.clean(withGuid.content())).build();
    }

    @Test
    void longFeedIsCleanedItemByItemInOrder() {
        Feed feed = feed(1_003, true); // not a multiple of the chunk size
        Feed ready = Cleaning.start(feed).finish();
        assertThat(ready.items()).hasSize(1_003);
        for (int i = 0; i < feed.items().size(); i++) {
            assertThat(ready.items().get(i)).isEqualTo(cleanedAlone(feed.items().get(i)));
        }
        assertThat(ready.items().get(5).description()).doesNotContain("script", "onclick").contains("href=\"https://example.org/5\"");
        assertThat(ready.items().get(5).content()).doesNotContain("iframe");
        assertThat(ready.items().get(0).guid()).isNotBlank(); // built without one: given one
    }

    @Test
    void feedThatNeedsNothingComesBackAsItIs() {
        Feed plain = new Feed(Channel.EMPTY, feed(200, false).items().stream()
                .map(i -> i.guid().isBlank() ? i.toBuilder().guid("set").build() : i).toList());
        assertThat(Cleaning.start(plain).finish()).isSameAs(plain);
        Feed empty = new Feed(Channel.EMPTY, List.of());
        assertThat(Cleaning.start(empty).finish()).isSameAs(empty);
    }

    @Test
    void shortFeedIsCleanedByTheFinishingThreadAlone() {
        Feed feed = feed(10, true);
        Feed ready = Cleaning.start(feed).finish();
        for (int i = 0; i < 10; i++) {
            assertThat(ready.items().get(i)).isEqualTo(cleanedAlone(feed.items().get(i)));
        }
    }

    @Test
    void twoCleaningsOfOneFeedAtOnceAgree() {
        FeedHtml.forgetCleaned();
        Feed feed = feed(2_000, true);
        CompletableFuture<Feed> other = CompletableFuture.supplyAsync(() -> Cleaning.start(feed).finish());
        Feed mine = Cleaning.start(feed).finish();
        assertThat(other.join().items()).isEqualTo(mine.items());
    }
}
