package dev.sluice.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Feeds built by hand with what XML writers differ on: characters that need escaping or cannot be
 * written at all, characters outside the Basic Multilingual Plane, line breaks, empty and missing
 * fields, dates before the Gregorian calendar and after year 9999. For {@link FeedWriterBytesTest}.
 */
final class EdgeFeeds {

    /** Text XML writers disagree on, each a whole unit (a surrogate pair is one). */
    private static final String[] AWKWARD = {"a", "Z", " ", "  ", "&", "<", ">", "\"", "'", "]]>", "\r", "\n", "\r\n",
            "\t", "\u0000", "\u0007", "\u001F", "\u007F", "\u0085", "\u00A0", "\u00E9", "\u2028", "\uD800", "\uDC00",
            "\uD83D\uDE00", "\uD834\uDD1E", "\uDBFF\uDFFF", "\uFFFD", "\uFFFE", "\uFFFF", "&amp;", "&#x1F600;", "<b>x</b>",
            "<p title=\"a&b\">p</p>", "https://x.example/?a=1&b=2", "tag:x.example,2024:1", "urn:isbn:1", "sluice:abc",
            "word", "\u4E2D\u6587", "\u0645\u0631\u062D\u0628\u0627"};
    private static final Instant[] DATES = {Instant.parse("2024-06-30T10:15:30.250Z"), Instant.EPOCH,
            Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("1582-10-15T00:00:00Z"),
            Instant.parse("1582-10-14T23:59:59Z"), Instant.parse("1000-02-28T12:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("-0044-03-15T12:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("2000-02-29T00:00:00.000000001Z"), Instant.parse("2038-01-19T03:14:08Z")};

    private EdgeFeeds() {
    }

    static Map<String, Feed> all() {
        Map<String, Feed> feeds = new LinkedHashMap<>();
        Channel full = new Channel("News & <views> \"daily\"", "https://news.example.org/?a=1&b=2",
                "All the <b>news</b>\r\n and more \uD83D\uDCF0", Instant.parse("2024-06-01T00:00:00Z"),
                "https://news.example.org/logo.png?size=1&x=\"y\"");
        feeds.put("no items, empty channel", new Feed(Channel.EMPTY, List.of()));
        feeds.put("no items, full channel", new Feed(full, List.of()));
        feeds.put("no items, channel with an image but no link",
                new Feed(new Channel("T", "", "", null, "https://img.example/i.png"), List.of()));
        feeds.put("blank image, whitespace title", new Feed(new Channel("   ", " ", "\t", null, "  "), List.of()));
        feeds.put("channel of characters XML cannot carry", new Feed(new Channel("\u0007", "\uD800", "\uFFFE", null, "\u0001"),
                List.of(Item.builder().title("\u0007").description("\u0008").link("\u0001").author("\u0002").guid("\u0003").build())));
        feeds.put("one full item", new Feed(full, List.of(FeedWriterRssTest.fullItem())));
        feeds.put("empty item", new Feed(Channel.EMPTY, List.of(Item.builder().build())));
        feeds.put("items without guid, date or title", new Feed(full, List.of(
                Item.builder().description("<p>Only a description</p>").build(),
                Item.builder().link("https://news.example.org/only-link").build(),
                Item.builder().content("<p>Only content</p>").build(),
                Item.builder().title("Only a title").build(),
                Item.builder().author("Only an author").build())));
        feeds.put("guids and permalinks", new Feed(full, List.of(
                item("https://news.example.org/1", true), item("https://news.example.org/2", false), item("http://x/3", true),
                item("article-17", true), item("12345", false), item("tag:news.example.org,2024:1", true),
                item("urn:uuid:0f9a1c2e-0000-4000-8000-000000000000", false), item("with space:x", true),
                item("sluice:0123abcd", false), item("mailto:", true), item("  https://padded.example/  ", true),
                item("\uD83D\uDE00:emoji", true), item("a&b<c>\"d\"", false))));
        feeds.put("enclosures", new Feed(full, List.of(Item.builder().guid("e").title("Enclosures").enclosures(List.of(
                new Enclosure("https://cdn.example/a.mp3?x=1&y=\"2\"", -1, null), new Enclosure("https://cdn.example/b.mp3", 0, ""),
                new Enclosure("https://cdn.example/c.jpg", Long.MAX_VALUE, "image/jpeg"),
                new Enclosure("https://cdn.example/\uD83D\uDE00.ogg", 12, " audio/ogg "),
                new Enclosure("https://cdn.example/d\te\nf\rg", 1, "a\tb\nc\rd"), new Enclosure("", 5, "text/plain"))).build())));
        feeds.put("categories", new Feed(full, List.of(Item.builder().guid("c").title("Categories").categories(List.of(
                Category.of("plain"), new Category("with domain", "https://news.example.org/topics?a=1&b=2"),
                new Category("", null), new Category("blank domain", "  "), new Category("tab\there", "line\nbreak"),
                new Category("cr\rand crlf\r\n", "q\"uote's <&>"), new Category("\uD83D\uDE00 emoji", "\uD83D\uDE00"),
                new Category("]]>", "\u0007bell"))).build())));
        feeds.put("dates", new Feed(full, dated()));
        feeds.put("every day of a year", new Feed(Channel.EMPTY, dailyFor(2023)));
        feeds.put("published or updated only", new Feed(Channel.EMPTY, List.of(
                Item.builder().guid("p").published(Instant.parse("2024-01-01T00:00:00Z")).build(),
                Item.builder().guid("u").updated(Instant.parse("2024-02-01T00:00:00Z")).build(),
                Item.builder().guid("b").published(Instant.parse("2024-03-01T00:00:00Z"))
                        .updated(Instant.parse("2023-03-01T00:00:00Z")).build())));
        feeds.put("channel updated, items undated", new Feed(full, List.of(Item.builder().guid("x").title("x").build())));
        feeds.put("line breaks and escapes in every text", new Feed(
                new Channel("a\r\nb\nc\rd\te", "https://x.example/\r\n", "x\r\n\r\ny", null, "https://x.example/i\n.png"),
                List.of(Item.builder().guid("g\r\n").title("t\r\n&<>\"'\t]]>").link("https://x.example/a?b=1&c=2\n")
                        .description("<pre>one\r\ntwo\rthree\n</pre>").content("<p>a\r\n\r\nb</p>\n").author("A\r\nB").build())));
        feeds.put("outside the BMP everywhere", new Feed(
                new Channel("\uD83D\uDE00 feed", "https://x.example/\uD83D\uDE00", "\uD834\uDD1E", null, "https://x.example/\uD83D\uDE00.png"),
                List.of(Item.builder().guid("https://x.example/\uD83D\uDE00").guidIsPermaLink(true).title("\uD83D\uDE00\uD83D\uDE00")
                        .link("https://x.example/\uD83D\uDE00?q=\uDBFF\uDFFF").description("<p>\uD83D\uDE00</p>")
                        .content("<p>\uD834\uDD1E</p>").author("\uD83D\uDE00 author").build())));
        feeds.put("long content", new Feed(full, List.of(Item.builder().guid("long").title("Long")
                .description("<p>" + "word &amp; <b>bold</b> \u00E9\u4E2D\n".repeat(5_000) + "</p>")
                .content("<div>" + "<p>para \uD83D\uDE00 &lt;x&gt;</p>\r\n".repeat(5_000) + "</div>").build())));
        return feeds;
    }

    /** {@code count} feeds of random awkward text in every field, the same for the same seed. */
    static List<Feed> random(long seed, int count) {
        Random random = new Random(seed);
        List<Feed> feeds = new ArrayList<>(count);
        for (int f = 0; f < count; f++) {
            List<Item> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(Item.builder().guid(text(random)).guidIsPermaLink(random.nextBoolean()).title(text(random))
                        .link(text(random)).description(text(random)).content(text(random))
                        .published(date(random)).updated(date(random)).author(text(random))
                        .categories(random.nextBoolean() ? List.of() : List.of(new Category(text(random), text(random))))
                        .enclosures(random.nextBoolean() ? List.of()
                                : List.of(new Enclosure(text(random), random.nextInt(3) - 1, text(random))))
                        .build());
            }
            Channel channel = new Channel(text(random), text(random), text(random), date(random), text(random));
            feeds.add(new Feed(channel.withTitle("random " + f + " " + channel.title()), items));
        }
        return feeds;
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(7); i > 0; i--) {
            s.append(AWKWARD[random.nextInt(AWKWARD.length)]);
        }
        return s.toString();
    }

    private static Instant date(Random random) {
        return random.nextInt(3) == 0 ? null : DATES[random.nextInt(DATES.length)];
    }

    private static Item item(String guid, boolean permaLink) {
        return Item.builder().guid(guid).guidIsPermaLink(permaLink).title("guid " + guid).link("https://news.example.org/").build();
    }

    private static List<Item> dated() {
        List<Item> items = new ArrayList<>();
        for (Instant date : DATES) {
            items.add(Item.builder().guid("d" + date).title(date.toString()).published(date).updated(date).build());
        }
        return items;
    }

    /** One item a day: every weekday and month name, every day of the month, both halves of the day. */
    private static List<Item> dailyFor(int year) {
        List<Item> items = new ArrayList<>();
        Instant day = Instant.parse(year + "-01-01T00:00:00Z");
        for (int i = 0; i < 366; i++) {
            Instant date = day.plusSeconds(i * 86_400L + i * 3_599L % 86_400);
            items.add(Item.builder().guid("day" + i).title("Day " + i).published(date).build());
        }
        return items;
    }
}
