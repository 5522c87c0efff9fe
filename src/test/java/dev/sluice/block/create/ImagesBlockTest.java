package dev.sluice.block.create;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static dev.sluice.block.TestFeeds.feedOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.TestContext;
import dev.sluice.block.TestFeeds;
import dev.sluice.block.Value;
import dev.sluice.feed.Item;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Images: one item per distinct image, absolute URLs, names a reader can recognise. */
class ImagesBlockTest {

    private static List<Item> images(Value input) {
        return feedOf(ImagesBlock.TYPE.block().run(callWithInputs(Arrays.asList(input)), new TestContext())).items();
    }

    @Test
    void eachDistinctImageOfAPageIsOneItem() {
        List<Item> items = images(Fixtures.html("news.html"));
        assertThat(items).extracting(Item::link).containsExactly(
                "https://harbour.example.org/today/img/ferry.jpg", "https://cdn.example.net/fest.png");
        assertThat(items).extracting(Item::title).containsExactly("The ferry", "fest.png");
        assertThat(items).extracting(Item::content).containsExactly(
                "<img src=\"https://harbour.example.org/today/img/ferry.jpg\" alt=\"The ferry\">",
                "<img src=\"https://cdn.example.net/fest.png\">");
        assertThat(items).extracting(Item::guid).doesNotHaveDuplicates().allMatch(g -> g.startsWith("sluice:"));
        assertThat(images(Fixtures.html("news.html"))).extracting(Item::guid)
                .containsExactlyElementsOf(items.stream().map(Item::guid).toList());
    }

    @Test
    void itemContentsAreSearchedWithTheItemLinkAsBase() {
        Item a = Item.builder().guid("a").link("https://blog.example.org/2024/a")
                .content("<img src=\"pics/one.png\" alt=\" One \"><img src=\"data:image/png;base64,AAAA\">"
                        + "<img src=\"placeholder.gif\" data-src=\"/real.jpg\"><img alt=\"no source\">").build();
        Item b = Item.builder().guid("b").link("https://blog.example.org/2024/b")
                .description("<p><img src=\"https://blog.example.org/2024/pics/one.png\"></p>").build();
        List<Item> items = images(new Value.Items(TestFeeds.feed(a, b)));
        assertThat(items).extracting(Item::link).containsExactly(
                "https://blog.example.org/2024/pics/one.png", "https://blog.example.org/2024/placeholder.gif");
        assertThat(items).extracting(Item::title).containsExactly("One", "placeholder.gif");
    }

    @ParameterizedTest
    @CsvSource({
            "https://x.example/a/b/photo.jpg?size=2,photo.jpg",
            "https://x.example/,https://x.example/",
            "https://x.example/a b.png,https://x.example/a b.png",
    })
    void fileNamesTitleImagesWithoutAlt(String url, String name) {
        assertThat(ImagesBlock.fileName(url)).isEqualTo(name);
    }

    @Test
    void nothingInNothingOut() {
        assertThat(images(null)).isEmpty();
        assertThat(images(new Value.Items(TestFeeds.feed(TestFeeds.item("a", "no content"))))).isEmpty();
    }

    @Test
    void aPassedDeadlineStopsTheBlock() {
        assertThatThrownBy(() -> ImagesBlock.TYPE.block().run(
                callWithInputs(List.of(Fixtures.html("news.html"))), TestContext.expired()))
                .isInstanceOf(DeadlineExceeded.class);
    }
}
