package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RSS 2.0 output as feed readers and the W3C validator expect it. */
class FeedWriterRssTest {

    static final WriteOptions OPTIONS = new WriteOptions(
            "https://sluice.example/feed/abc123?key=k&format=rss", "https://sluice.example/pipe/abc123", "Sluice");
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final Namespace CONTENT = Namespace.getNamespace("http://purl.org/rss/1.0/modules/content/");

    private final FeedWriter writer = new FeedWriter();

    static Item fullItem() {
        return Item.builder()
                .guid("https://news.example.org/1").guidIsPermaLink(true)
                .title("Title & <more>").link("https://news.example.org/1?a=1&b=2")
                .description("<p>Summary</p>").content("<p>Full <b>content</b></p>")
                .published(Instant.parse("2024-06-30T10:15:30.250Z")).updated(Instant.parse("2024-06-30T11:00:00Z"))
                .author("Jane Doe")
                .categories(List.of(new Category("science", "https://news.example.org/topics"), Category.of("quantum")))
                .enclosures(List.of(new Enclosure("https://news.example.org/1.mp3", -1, null),
                        new Enclosure("https://news.example.org/1.jpg", 2048, "image/jpeg")))
                .build();
    }

    static Element parseStrictly(byte[] xml) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = builder.build(new ByteArrayInputStream(xml));
        return doc.getRootElement();
    }

    @Test
    void declaresNamespacesAndSelfLink() throws Exception {
        byte[] rss = writer.write(new Feed(Channel.EMPTY, List.of()), OutputFormat.RSS, OPTIONS);
        Element root = parseStrictly(rss);
        Element self = root.getChild("channel").getChild("link", ATOM);

        assertThat(root.getAdditionalNamespaces()).extracting(Namespace::getPrefix).contains("content", "dc", "atom");
        assertThat(self.getAttributeValue("rel")).isEqualTo("self");
        assertThat(self.getAttributeValue("type")).isEqualTo("application/rss+xml");
        assertThat(self.getAttributeValue("href")).isEqualTo(OPTIONS.selfUrl());
    }

    @Test
    void emptyChannelGetsFallbacksNeverEmptyElements() throws Exception {
        Element channel = parseStrictly(writer.write(new Feed(Channel.EMPTY, List.of()), OutputFormat.RSS, OPTIONS))
                .getChild("channel");

        assertThat(channel.getChildText("title")).isEqualTo("Sluice pipe");
        assertThat(channel.getChildText("link")).isEqualTo("https://sluice.example/pipe/abc123");
        assertThat(channel.getChildText("description")).isEqualTo("Sluice pipe");
        assertThat(channel.getChild("lastBuildDate")).as("no dates known: no made-up date").isNull();
    }

    @Test
    void writesEveryItemField() throws Exception {
        Element item = parseStrictly(writer.write(new Feed(Channel.EMPTY, List.of(fullItem())), OutputFormat.RSS, OPTIONS))
                .getChild("channel").getChild("item");

        assertThat(item.getChildText("title")).isEqualTo("Title & <more>");
        assertThat(item.getChildText("link")).isEqualTo("https://news.example.org/1?a=1&b=2");
        assertThat(item.getChildText("description")).isEqualTo("<p>Summary</p>");
        assertThat(item.getChildText("encoded", CONTENT)).isEqualTo("<p>Full <b>content</b></p>");
        assertThat(item.getChildText("creator", DC)).isEqualTo("Jane Doe");
        assertThat(item.getChild("author")).as("RSS author must be an e-mail").isNull();
        assertThat(item.getChildText("pubDate")).isEqualTo("Sun, 30 Jun 2024 10:15:30 GMT");
        assertThat(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(item.getChildText("pubDate")))).isNotNull();
        assertThat(item.getChildren("category")).extracting(Element::getText).containsExactly("science", "quantum");
        assertThat(item.getChildren("category").get(0).getAttributeValue("domain")).isEqualTo("https://news.example.org/topics");
        List<Element> enclosures = item.getChildren("enclosure");
        assertThat(enclosures.get(0).getAttributeValue("length")).as("unknown length").isEqualTo("0");
        assertThat(enclosures.get(0).getAttributeValue("type")).isEqualTo("application/octet-stream");
        assertThat(enclosures.get(1).getAttributeValue("length")).isEqualTo("2048");
    }

    @ParameterizedTest(name = "guid {0}, feed said permalink={1}")
    @CsvSource({
            "https://news.example.org/1, true,  ",
            "https://news.example.org/1, false, false",
            "article-17,                 true,  false",
            "sluice:0123abcd,            false, false",
    })
    void isPermaLinkOnlyForUrlsTheFeedVouchedFor(String guid, boolean permaLink, String attribute) throws Exception {
        Item item = fullItem().toBuilder().guid(guid).guidIsPermaLink(permaLink).build();

        Element written = parseStrictly(writer.write(new Feed(Channel.EMPTY, List.of(item)), OutputFormat.RSS, OPTIONS))
                .getChild("channel").getChild("item").getChild("guid");

        assertThat(written.getText()).isEqualTo(guid);
        assertThat(written.getAttributeValue("isPermaLink")).as("absent means true").isEqualTo(attribute);
    }

    @Test
    void emptyItemStillHasGuidAndTitleAndNoEmptyElements() throws Exception {
        Item empty = Item.builder().build();

        Element item = parseStrictly(writer.write(new Feed(Channel.EMPTY, List.of(empty)), OutputFormat.RSS, OPTIONS))
                .getChild("channel").getChild("item");

        assertThat(item.getChildText("guid")).startsWith(GuidPolicy.PREFIX);
        assertThat(item.getChildText("title")).isEqualTo("Untitled item");
        assertThat(item.getChildren()).allSatisfy(child -> assertThat(child.getText()).isNotBlank());
    }

    @Test
    void dropsCharactersXmlCannotCarry() throws Exception {
        Item item = fullItem().toBuilder().title("Bell\u0007 and \uD800 lone surrogate").build();

        Element written = parseStrictly(writer.write(new Feed(Channel.EMPTY, List.of(item)), OutputFormat.RSS, OPTIONS));

        assertThat(written.getChild("channel").getChild("item").getChildText("title")).isEqualTo("Bell and  lone surrogate");
    }
}
