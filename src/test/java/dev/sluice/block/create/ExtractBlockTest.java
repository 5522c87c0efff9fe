package dev.sluice.block.create;

import static dev.sluice.block.TestFeeds.callWithInputs;
import static dev.sluice.block.TestFeeds.feedOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
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

/** Extract on downloaded documents and item contents: every mode, attribute and failure. */
class ExtractBlockTest {

    private static List<Item> extract(Value input, Object... userinputs) {
        Value out = ExtractBlock.TYPE.block().run(callWithInputs(Arrays.asList(input), userinputs), new TestContext());
        return feedOf(out).items();
    }

    private static List<String> contents(Value input, Object... userinputs) {
        return extract(input, userinputs).stream().map(Item::content).toList();
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', value = {
            // CSS, attribute values made absolute against the page URL
            "h2 > a|href|https://harbour.example.org/news/ferry-schedule;https://harbour.example.org/news/harbour-fest;https://other.example.org/elsewhere",
            // a CSS selector with slashes in it (Pipes CE misread it as XPath)
            "a[href*=\"/news/\"]||New ferry schedule;Harbour festival",
            "p.lede|content|Ferries run <b>every hour</b> from May.;Music on the quay.;A link off-site.",
            "a.nav|OuterXml|<a class=\"nav\" href=\"/about\">About</a>",
            "a.nav|title|",
            "h3.missing||",
            // XPath: elements, attributes (absolutised), text nodes, positional
            "//h2/a||New ferry schedule;Harbour festival;Elsewhere",
            "//a[@class='nav']/@href||https://harbour.example.org/about",
            "(//p[@class='lede'])[2]/text()||Music on the quay.",
            "//article[1]/img|src|https://harbour.example.org/today/img/ferry.jpg",
            "xpath://title||Harbour News",
            // concat() yields one item with the string (Pipes CE issue #35)
            "concat(//title, ': ', count(//article), ' stories')||Harbour News: 3 stories",
            "css:title||Harbour News",
            // jsoup's regex selectors (on RE2/J: linear time whatever the pattern)
            "h2 > a:matches((?i)^harbour)||Harbour festival",
    })
    void extractsFromAnHtmlPage(String selector, String attribute, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(";"));
        assertThat(contents(Fixtures.html("news.html"), selector, attribute == null ? "" : attribute, false))
                .containsExactlyElementsOf(want);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$.stations[*].name|Quay;Market;Lighthouse",
            "$.stations[?(@.closed)].name|Lighthouse",
            "$.network|Harbour buses",
            "json:$.stations[0].lines|[1,2]",
            "$.stations[*].missing|",
    })
    void jsonDocumentsTakeJsonPath(String selector, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(";"));
        assertThat(contents(Fixtures.document("stations.json", "application/json"), selector, "", false))
                .containsExactlyElementsOf(want);
    }

    @Test
    void jsonIsRecognisedWithoutAJsonContentType() {
        assertThat(contents(Fixtures.document("stations.json", "text/plain"), "$.network", "", false))
                .containsExactly("Harbour buses");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "//book/title||Tides;Knots and Lines",
            "book > title||Tides;Knots and Lines",
            "//book[price > 10]/@id||b1",
            "book link|href|https://harbour.example.org/today/books/tides;https://harbour.example.org/today/books/knots",
    })
    void xmlDocumentsTakeXPathAndCss(String selector, String attribute, String expected) {
        assertThat(contents(Fixtures.document("catalog.xml", "application/xml"), selector,
                attribute == null ? "" : attribute, false))
                .containsExactly(expected.split(";"));
    }

    @Test
    void itemsAreTitledGuidedAndLinkedStably() {
        List<Item> first = extract(Fixtures.html("news.html"), "h2 > a", "href", false);
        List<Item> again = extract(Fixtures.html("news.html"), "h2 > a", "href", false);
        assertThat(first).extracting(Item::title).containsOnly("Extracted Content");
        assertThat(first).extracting(Item::link).containsExactlyElementsOf(first.stream().map(Item::content).toList());
        assertThat(first).extracting(Item::guid).doesNotHaveDuplicates().allMatch(g -> g.startsWith("sluice:"));
        assertThat(again).extracting(Item::guid).containsExactlyElementsOf(first.stream().map(Item::guid).toList());
        // Inner HTML is not a link.
        assertThat(extract(Fixtures.html("news.html"), "h2 > a", "", false)).extracting(Item::link).containsOnly("");
    }

    @Test
    void identicalValuesMakeOneItem() {
        assertThat(contents(Fixtures.html("news.html"), "img", "src", false)).containsExactly(
                "https://harbour.example.org/today/img/ferry.jpg", "https://cdn.example.net/fest.png");
    }

    @Test
    void aFeedIsSearchedInEachItemsContentWithItsLinkAsBase() {
        Item withContent = Item.builder().guid("1").link("https://blog.example.org/2024/post-1")
                .content("<p>See <a href=\"../notes\">notes</a></p>").description("<a href=\"/ignored\">x</a>").build();
        Item withDescriptionOnly = Item.builder().guid("2").link("https://blog.example.org/2024/post-2")
                .description("<a href=\"/about\">about</a>").build();
        Value feed = new Value.Items(TestFeeds.feed(withContent, withDescriptionOnly));
        assertThat(contents(feed, "a", "href", true))
                .containsExactly("https://blog.example.org/notes", "https://blog.example.org/about");
        // Without the flag a feed is read the same way: item contents, not the feed's XML.
        assertThat(contents(feed, "a", "href", false))
                .containsExactly("https://blog.example.org/notes", "https://blog.example.org/about");
    }

    @Test
    void anEmptySelectorIsAnErrorAsInPipesCe() {
        Value feed = new Value.Items(TestFeeds.feed(TestFeeds.item("a", "A")));
        assertThatThrownBy(() -> extract(feed, "", "", false))
                .isInstanceOf(BlockError.class).hasMessage(ExtractBlock.SELECTOR_MISSING);
        assertThatThrownBy(() -> extract(Fixtures.html("news.html"), " ", "", false))
                .isInstanceOf(BlockError.class).hasMessage(ExtractBlock.SELECTOR_MISSING);
    }

    @Test
    void anUnconnectedInputGivesNoItems() {
        assertThat(extract(null, "a", "", false)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a[[|Invalid CSS selector \"a[[\"",
            "//a[|Invalid XPath \"//a[\"",
            "xpath:a b c|Invalid XPath \"a b c\"",
            "$.network|is a JSONPath, but the input is HTML",
            // RE2/J has no back-references or look-arounds: said when the block starts, never run
            "h2 > a:matches((e)\\1)|Invalid CSS selector \"h2 > a:matches((e)\\1)\"",
    })
    void badSelectorsAreNamedInTheError(String selector, String message) {
        assertThatThrownBy(() -> extract(Fixtures.html("news.html"), selector, "", false))
                .isInstanceOf(BlockError.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$.stations[?(@.name ==|Invalid JSONPath \"$.stations[?(@.name ==\"",
            "$..[|Invalid JSONPath \"$..[\"",
    })
    void badJsonPathsAreNamedInTheError(String selector, String message) {
        assertThatThrownBy(() -> extract(Fixtures.document("stations.json", "application/json"), selector, "", false))
                .isInstanceOf(BlockError.class).hasMessageContaining(message);
    }

    @Test
    void cssOnJsonIsExplained() {
        assertThatThrownBy(() -> extract(Fixtures.document("stations.json", "application/json"), "css:a", "", false))
                .isInstanceOf(BlockError.class).hasMessageContaining("\"a\" is for HTML or XML, but the input is JSON");
    }

    @Test
    void aPassedDeadlineStopsTheBlock() {
        assertThatThrownBy(() -> ExtractBlock.TYPE.block().run(
                callWithInputs(List.of(Fixtures.html("news.html")), "//a", "", false), TestContext.expired()))
                .isInstanceOf(DeadlineExceeded.class);
    }
}
