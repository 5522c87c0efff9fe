package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long feed is cleaned on several cores: every item still cleaned, and in its place. */
class FeedWriterLongFeedTest {

    @Test
    void everyItemOfALongFeedIsCleanedAndKeepsItsPlace() throws Exception {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            items.add(Item.builder().title("Item " + i).link("https://news.example.org/" + i)
                    .description("<p onclick=\"steal()\">Summary " + i + "<script>steal(" + i + ")</script></p>")
                    .content(i % 3 == 0 ? "" : "<b>Body " + i + "</b><iframe src=\"https://evil.example/\"></iframe>")
                    .build());
        }
        byte[] rss = new FeedWriter().write(new Feed(Channel.EMPTY, items), OutputFormat.RSS, FeedWriterRssTest.OPTIONS);

        String text = new String(rss, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("steal(").doesNotContain("onclick").doesNotContain("iframe");
        Feed back = new FeedParser().parse(rss, "application/rss+xml", "https://sluice.example/feed");
        assertThat(back.items()).hasSize(500);
        for (int i = 0; i < 500; i++) {
            Item item = back.items().get(i);
            assertThat(item.title()).isEqualTo("Item " + i);
            assertThat(item.description()).isEqualTo("<p>Summary " + i + "</p>");
            assertThat(item.content()).isEqualTo(i % 3 == 0 ? "" : "<b>Body " + i + "</b>");
            assertThat(item.guid()).isEqualTo("https://news.example.org/" + i);
        }
    }
}
