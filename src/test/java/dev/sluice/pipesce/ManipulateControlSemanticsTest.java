package dev.sluice.pipesce;

import static dev.sluice.pipesce.PipesCeRig.errors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.control.ForeachBlock;
import dev.sluice.block.control.MergeBlock;
import dev.sluice.block.data.WateredReplaceBlock;
import dev.sluice.block.manipulate.FilterBlock;
import dev.sluice.block.manipulate.FilterlangBlock;
import dev.sluice.block.manipulate.ReplaceBlock;
import dev.sluice.block.manipulate.ShortenBlock;
import dev.sluice.block.manipulate.SortBlock;
import dev.sluice.block.manipulate.TruncateBlock;
import dev.sluice.block.manipulate.UniqueBlock;
import dev.sluice.pipesce.PipesCeRig.Pipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Pipes CE semantics of the manipulate and control blocks (and their data-block twins), one
 * row per option and behaviour of docs/pipes-ce-semantics/manipulate-control.md: a pipe in Pipes
 * CE's saved shape runs through {@code /api/run} on loopback fixtures, and the row checks what
 * Pipes CE gives — or, where a row is marked "differs", what Sluice deliberately gives instead.
 */
class ManipulateControlSemanticsTest {
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final List<String> FEEDS = List.of("mc-filter.xml", "mc-lang.xml", "mc-replace.xml",
            "mc-dups.xml", "mc-stories.xml", "mc-five.xml", "mc-sort.xml", "mc-empty.xml", "mc-shorten.xml", "mc-a.xml", "mc-b.xml");
    private static final List<String> ALL_FILTER_TITLES =
            List.of("Rust 1.80 released", "News", "Deep dive", "Links", "Byline", "Tagged", "Domained");
    private static final List<String> ALL_STORIES = List.of("Harbour reopens after storm", "Ferry timetable changes",
            "Harbour Reopens After Storm!", "harbour reopens: after storm", "Ferry Timetable Changes");
    private static final List<String> SORT_BY_DATE_ASC = List.of("Part 2", "apple", "part 10", "Zebra");

    private static PipesCeRig rig;

    @BeforeAll
    static void start() {
        rig = new PipesCeRig();
        for (String name : FEEDS) {
            rig.serve(name, RSS, resource(name));
        }
        rig.serve("mc-data.json", "application/json", resource("mc-data.json"));
        rig.serve("mc-page.html", "text/html; charset=utf-8", "<html><body>page one</body></html>");
        // ForEach inputs: URLs where Pipes CE read them (the content) and where only Sluice looks (the link).
        rig.serve("mc-urls.xml", RSS, rss("URLs",
                "<item><title>to A</title><guid>u1</guid><content:encoded>" + rig.url("mc-a.xml") + "</content:encoded></item>"
                        + "<item><title>to B</title><guid>u2</guid><content:encoded>" + rig.url("mc-b.xml") + "</content:encoded></item>"));
        rig.serve("mc-pages.xml", RSS, rss("Pages",
                "<item><title>page</title><link>https://example.org/listing</link><guid>p1</guid>"
                        + "<content:encoded>" + rig.url("mc-page.html") + "</content:encoded></item>"));
        rig.serve("mc-links.xml", RSS, rss("Links",
                "<item><title>to B</title><link>" + rig.url("mc-b.xml") + "</link><guid>l1</guid></item>"));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    /** One row of the table: a block option and a behaviour, the pipe that shows it, and the check. */
    record Row(String block, String option, String behaviour, Supplier<String> pipe, Check check) {
        @Override
        public String toString() {
            return block + " [" + option + "] " + behaviour;
        }
    }

    /** What a row expects of /api/run's answer. */
    @FunctionalInterface
    interface Check {
        void verify(JsonNode answer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void behavesAsPipesCe(Row row) {
        JsonNode answer = rig.run(row.pipe().get());
        row.check().verify(answer);
    }

    static Stream<Row> rows() {
        return Stream.of(filter(), filterlang(), replace(), wateredReplace(), unique(), truncate(), sort(), shorten(),
                combine(), duplicate(), merge(), foreach()).flatMap(List::stream);
    }

    // ---- Manipulate ---------------------------------------------------------------------------

    private static List<Row> filter() {
        String t = "FilterBlock";
        return List.of(
                row(t, "0 pattern", "a plain pattern is a literal substring", on("mc-filter.xml", t, "Rust", false, "title"),
                        gives("Rust 1.80 released")),
                row(t, "0 pattern", "a literal is case-sensitive", on("mc-filter.xml", t, "rust", false, "title"), gives()),
                row(t, "0 pattern", "a literal's dot is a dot", on("mc-filter.xml", t, "R.st", false, "title"), gives()),
                row(t, "0 pattern", "/…/i is a regex ignoring case", on("mc-filter.xml", t, "/R.ST/i", false, "title"),
                        gives("Rust 1.80 released")),
                row(t, "0 pattern", "empty passes every item", on("mc-filter.xml", t, "", false, "title"),
                        gives(ALL_FILTER_TITLES.toArray(String[]::new))),
                row(t, "0 pattern", "an invalid regex is an error", on("mc-filter.xml", t, "/(/", false, "title"),
                        failed()),
                row(t, "1 block", "true drops the matching items instead",
                        on("mc-filter.xml", t, "/rust/i", true, "title"), gives(without(ALL_FILTER_TITLES, "Rust 1.80 released"))),
                row(t, "2 field", "all: title, description, content, link, category term and domain",
                        on("mc-filter.xml", t, "/1\\.80|java|deep dive|python|zig|ocaml/i", false, "all"),
                        gives("Rust 1.80 released", "News", "Deep dive", "Links", "Tagged", "Domained")),
                row(t, "2 field", "all also searches the author (differs: Pipes CE could not search authors)",
                        on("mc-filter.xml", t, "Kotlin", false, "all"), gives("Byline")),
                row(t, "2 field", "blank (pipes saved before the field): texts but not categories",
                        on("mc-filter.xml", t, "/java|zig/i", false, ""), gives("News")),
                row(t, "2 field", "legacy single userinput: texts but not categories",
                        () -> legacy("mc-filter.xml", t, "/java|zig/i"), gives("News")),
                row(t, "2 field", "title looks at the title only", on("mc-filter.xml", t, "Java", false, "title"), gives()),
                row(t, "2 field", "summary is the description, HTML as stored",
                        on("mc-filter.xml", t, "<b>Java", false, "summary"), gives("News")),
                row(t, "2 field", "description", on("mc-filter.xml", t, "Java", false, "description"), gives("News")),
                row(t, "2 field", "content", on("mc-filter.xml", t, "Go", false, "content"), gives("Deep dive")),
                row(t, "2 field", "link", on("mc-filter.xml", t, "python", false, "link"), gives("Links")),
                row(t, "2 field", "category matches the term", on("mc-filter.xml", t, "zig", false, "category"), gives("Tagged")),
                row(t, "2 field", "category matches the domain", on("mc-filter.xml", t, "ocaml", false, "category"),
                        gives("Domained")),
                row(t, "2 field", "author (differs: Pipes CE failed on it)",
                        on("mc-filter.xml", t, "/kotlin/i", false, "author"), gives("Byline")));
    }

    private static List<Row> filterlang() {
        String t = "FilterlangBlock";
        String en = "The weather this week";
        String de = "Das Wetter in dieser Woche";
        String mixed = "The news of the day in short";
        return List.of(
                row(t, "0 language", "an English name, as Pipes CE stored it", on("mc-lang.xml", t, "german", false, "description"),
                        gives(de)),
                row(t, "0 language", "english", on("mc-lang.xml", t, "english", false, "description"), gives(en)),
                row(t, "0 language", "a code works too (Sluice)", on("mc-lang.xml", t, "de", false, "description"), gives(de)),
                row(t, "0 language", "blank lets every item through (differs: Pipes CE matched none)",
                        on("mc-lang.xml", t, "", false, "description"), gives(en, de, mixed)),
                row(t, "1 block", "true drops the items in the language",
                        on("mc-lang.xml", t, "german", true, "description"), gives(en, mixed)),
                row(t, "2 field", "all: title, description and content together",
                        on("mc-lang.xml", t, "german", false, "all"), gives(de, mixed)),
                row(t, "2 field", "content only", on("mc-lang.xml", t, "german", false, "content"), gives(mixed)),
                row(t, "2 field", "summary is the description", on("mc-lang.xml", t, "german", false, "summary"), gives(de)));
    }

    private static List<Row> replace() {
        String t = "ReplaceBlock";
        String f = "mc-replace.xml";
        return List.of(
                row(t, "0 pattern", "a literal is case-sensitive", on(f, t, "news", "Old", "all"),
                        field("title", "Rust 1.80 News")),
                row(t, "0 pattern", "a literal is replaced everywhere in all",
                        on(f, t, "News", "Old", "all"), all(field("title", "Rust 1.80 Old"),
                                field("description", "Old about Rust 1.80"), field("content", "Full Old text"),
                                field("link", "https://example.org/news/rust"))),
                row(t, "0 pattern", "empty leaves items alone", on(f, t, "", "Old", "all"), field("title", "Rust 1.80 News")),
                row(t, "0 pattern", "/…/ is a regex", on(f, t, "/\\d+\\.\\d+/", "X", "title"), field("title", "Rust X News")),
                row(t, "1 replacement", "\\1 \\2 are groups", on(f, t, "/(\\d+)\\.(\\d+)/", "\\2.\\1", "title"),
                        field("title", "Rust 80.1 News")),
                row(t, "1 replacement", "\\0 is the whole match", on(f, t, "/\\d+\\.\\d+/", "v\\0", "title"),
                        field("title", "Rust v1.80 News")),
                row(t, "1 replacement", "a group the pattern lacks adds nothing (Ruby)", on(f, t, "/ News/", "\\1", "title"),
                        field("title", "Rust 1.80")),
                row(t, "1 replacement", "\\k<name> is a named group",
                        on(f, t, "/(?<v>\\d+\\.\\d+)/", "v\\k<v>", "title"), field("title", "Rust v1.80 News")),
                row(t, "1 replacement", "\\` is the text before the match", on(f, t, "/News/", "(\\`)", "title"),
                        field("title", "Rust 1.80 (Rust 1.80 )")),
                row(t, "1 replacement", "$5 without such a group stays as typed (Ruby)", on(f, t, "/News/", "$5 off", "title"),
                        field("title", "Rust 1.80 $5 off")),
                row(t, "1 replacement", "$1 naming a group is the group (differs: Sluice addition)",
                        on(f, t, "/(News)/", "[$1]", "title"), field("title", "Rust 1.80 [News]")),
                row(t, "1 replacement", "from a text connector", () -> feed(f)
                        .block("x", t, List.of("News", "", "title"), "in").block("txt", "TextinputBlock", List.of("r", "Old"))
                        .text("x", 1, "txt").output("x").json(), field("title", "Rust 1.80 Old")),
                row(t, "2 field", "title only", on(f, t, "News", "Old", "title"),
                        all(field("title", "Rust 1.80 Old"), field("description", "News about Rust 1.80"))),
                row(t, "2 field", "content only", on(f, t, "News", "Old", "content"),
                        all(field("content", "Full Old text"), field("title", "Rust 1.80 News"))),
                row(t, "2 field", "summary is the description", on(f, t, "News", "Old", "summary"),
                        all(field("description", "Old about Rust 1.80"), field("title", "Rust 1.80 News"))),
                row(t, "2 field", "guid", on(f, t, "/rust/", "go", "guid"), field("guid", "news-go")),
                row(t, "2 field", "all leaves the guid alone", on(f, t, "/rust/i", "go", "all"),
                        all(field("guid", "news-rust"), field("title", "go 1.80 News"))),
                row(t, "2 field", "missing (saved before the field) means all", on(f, t, "News", "Old"),
                        all(field("title", "Rust 1.80 Old"), field("description", "Old about Rust 1.80"))),
                row(t, "2 field", "link (Sluice addition)", on(f, t, "/news/", "old", "link"),
                        all(field("link", "https://example.org/old/rust"), field("title", "Rust 1.80 News"))),
                row(t, "2 field", "blank means all", on(f, t, "News", "Old", ""),
                        all(field("title", "Rust 1.80 Old"), field("content", "Full Old text"))));
    }

    private static List<Row> wateredReplace() {
        String t = "WateredReplaceBlock";
        return List.of(
                row(t, "0 pattern", "empty leaves the data alone", data(t, "", "cow", "$"), data("/items/0/title", "cat")),
                row(t, "0 pattern", "a literal is case-sensitive", data(t, "CAT", "cow", "$"), data("/owner/name", "cat")),
                row(t, "1 replacement", "groups as in Replace", data(t, "/(c)(at)/", "\\2\\1", "$.owner.name"),
                        data("/owner/name", "atc")),
                row(t, "2 target path", "the default replaces every text, not numbers", data(t, "cat", "cow", "$"),
                        all(data("/items/0/title", "cow"), data("/items/0/tags/0", "cow"), data("/owner/name", "cow"),
                                data("/items/0/n", "5"))),
                row(t, "2 target path", "$..* (Pipes CE's default) replaces each text once", data(t, "cat", "cats", "$..*"),
                        all(data("/items/0/title", "cats"), data("/items/0/tags/0", "cats"), data("/owner/name", "cats"))),
                row(t, "2 target path", "a path to an array replaces the texts in it (Sluice extension)",
                        data(t, "cat", "cow", "$.items[0].tags"),
                        all(data("/items/0/tags/0", "cow"), data("/items/0/title", "cat"))),
                row(t, "2 target path", "a path limits the replacement", data(t, "cat", "cow", "$.items[*].title"),
                        all(data("/items/0/title", "cow"), data("/items/0/tags/0", "cat"), data("/owner/name", "cat"))),
                row(t, "2 target path", "from a text connector", () -> new Pipe()
                        .block("in", "WateredDownloadBlock", List.of(rig.url("mc-data.json")))
                        .block("x", t, List.of("cat", "cow", "$"), "in")
                        .block("txt", "TextinputBlock", List.of("path", "$.owner.name"))
                        .text("x", 2, "txt").output("x").json(),
                        all(data("/owner/name", "cow"), data("/items/0/title", "cat"))));
    }

    private static List<Row> unique() {
        String t = "UniqueBlock";
        String f = "mc-stories.xml";
        return List.of(row(t, "-", "first item per guid; guid-less items told apart (differs: Pipes CE kept one)",
                        on("mc-dups.xml", t), gives("First a", "Only b", "No guid one", "No guid two")),
                row(t, "0 compare", "blank (Pipes CE's pipes, no options) is guid", on(f, t, ""), gives(ALL_STORIES)),
                row(t, "0 compare", "guid", on(f, t, "guid", "first"), gives(ALL_STORIES)),
                row(t, "0 compare", "link: tracking parameters, fragment, http/https, host case, trailing / ignored (Sluice only)",
                        on(f, t, "link", "first"), gives(without(ALL_STORIES, "Harbour Reopens After Storm!"))),
                row(t, "0 compare", "title: case, punctuation, spacing ignored (Sluice only)",
                        on(f, t, "title", "first"), gives("Harbour reopens after storm", "Ferry timetable changes")),
                row(t, "1 keep", "blank is first", on(f, t, "title", ""), gives("Harbour reopens after storm", "Ferry timetable changes")),
                row(t, "1 keep", "newest: the latest date; kept items stay in feed order (Sluice only)",
                        on(f, t, "title", "newest"), gives("Harbour Reopens After Storm!", "Ferry Timetable Changes")),
                row(t, "1 keep", "newest by link", on(f, t, "link", "newest"), gives(without(ALL_STORIES, "Harbour reopens after storm"))),
                row(t, "1 keep", "longest: most text, markup not counted (Sluice only)",
                        on(f, t, "title", "longest"), gives("Ferry timetable changes", "harbour reopens: after storm")),
                row(t, "2 also ignore", "more parameter names for comparing links (Sluice only)",
                        on(f, t, "link", "first", "sessionid"), gives("Harbour reopens after storm", "Ferry timetable changes",
                                "harbour reopens: after storm")),
                row(t, "2 also ignore", "\"*\" alone is an error", on(f, t, "link", "first", "*"), failed("every parameter")));
    }

    private static List<Row> truncate() {
        String t = "TruncateBlock";
        String f = "mc-five.xml";
        return List.of(
                row(t, "0 count", "the first N", on(f, t, "2"), gives("1", "2")),
                row(t, "0 count", "a JSON number", on(f, t, 3), gives("1", "2", "3")),
                row(t, "0 count", "more than there are", on(f, t, "50"), gives("1", "2", "3", "4", "5")),
                row(t, "0 count", "blank keeps 1 (Ruby to_i gives 0, raised to 1)", on(f, t, ""), gives("1")),
                row(t, "0 count", "0 keeps 1", on(f, t, "0"), gives("1")),
                row(t, "0 count", "negative keeps 1", on(f, t, "-3"), gives("1")),
                row(t, "0 count", "a fraction is cut off", on(f, t, "2.9"), gives("1", "2")),
                row(t, "0 count", "legacy single userinput", () -> legacy(f, t, "2"), gives("1", "2")));
    }

    private static List<Row> sort() {
        String t = "SortBlock";
        String f = "mc-sort.xml";
        return List.of(
                row(t, "0 field", "updated: by date", on(f, t, "updated", "desc"), gives("part 10", "apple", "Part 2", "Zebra")),
                row(t, "0 field", "published: by date too", on(f, t, "published", "asc"), gives(SORT_BY_DATE_ASC)),
                row(t, "0 field", "title: natural order ignoring case (differs: Pipes CE byte order)",
                        on(f, t, "title", "asc"), gives("apple", "Part 2", "part 10", "Zebra")),
                row(t, "0 field", "url", on(f, t, "url", "asc"), gives(SORT_BY_DATE_ASC)),
                row(t, "0 field", "guid", on(f, t, "guid", "desc"), gives("Zebra", "part 10", "apple", "Part 2")),
                row(t, "0 field", "an item without the key goes last in both orders (differs: Pipes CE failed)",
                        on(f, t, "updated", "asc"), gives(SORT_BY_DATE_ASC)),
                row(t, "1 order", "equal keys keep their order in both orders (differs: Pipes CE reversed them)",
                        on("mc-five.xml", t, "updated", "desc"), gives("1", "2", "3", "4", "5")),
                row(t, "1 order", "desc reverses", on(f, t, "title", "desc"), gives("Zebra", "part 10", "Part 2", "apple")),
                row(t, "1 order", "blank is ascending (only desc reverses)", on(f, t, "updated", ""), gives(SORT_BY_DATE_ASC)),
                row(t, "-", "an empty feed stays empty, no error (differs: Pipes CE answered an error feed)",
                        on("mc-empty.xml", t, "updated", "desc"), gives()));
    }

    private static List<Row> shorten() {
        String t = "ShortenBlock";
        String f = "mc-shorten.xml";
        return List.of(
                row(t, "0 length", "N characters including the ellipsis (differs: Pipes CE gave N-1)",
                        on(f, t, "8", "title"), field("title", "A rathe…")),
                row(t, "0 length", "a text that fits is left alone", on(f, t, "19", "title"), field("title", "A rather long title")),
                row(t, "0 length", "blank means 200", on(f, t, "", "title"), field("title", "A rather long title")),
                row(t, "0 length", "0 leaves items alone", on(f, t, "0", "title"), field("title", "A rather long title")),
                row(t, "0 length", "a fraction is cut off", on(f, t, "2.9", "title"), field("title", "A…")),
                row(t, "0 length", "negative is an error (Pipes CE failed too)", on(f, t, "-1", "title"), failed()),
                row(t, "0 length", "from a text connector", () -> feed(f)
                        .block("x", t, List.of("", "title"), "in").block("txt", "TextinputBlock", List.of("n", "8"))
                        .text("x", 0, "txt").output("x").json(), field("title", "A rathe…")),
                row(t, "1 field", "content, cut by visible text (differs: Pipes CE cut the markup)",
                        on(f, t, "10", "content"), field("content", "<p>Hello <b>won…</b></p>")),
                row(t, "1 field", "summary is the description", on(f, t, "8", "summary"),
                        all(field("description", "A rathe…"), field("title", "A rather long title"))),
                row(t, "1 field", "blank means content, the first of Pipes CE's list", on(f, t, "10", ""),
                        all(field("content", "<p>Hello <b>won…</b></p>"), field("description", "A rather long description"))));
    }

    // ---- Control ------------------------------------------------------------------------------

    private static List<Row> combine() {
        String t = "CombineBlock";
        return List.of(
                row(t, "-", "all items of each input in slot order", () -> new Pipe().block("a", "FeedBlock", List.of(rig.url("mc-a.xml")))
                        .block("b", "FeedBlock", List.of(rig.url("mc-b.xml"))).block("x", t, List.of(""), "a", "b").output("x").json(),
                        all(gives("A1", "A2", "B1"), channel("title", "Feed A & Feed B"),
                                channel("description", "desc A & desc B"))),
                row(t, "-", "an empty slot is skipped", () -> new Pipe().block("a", "FeedBlock", List.of(rig.url("mc-a.xml")))
                        .block("b", "FeedBlock", List.of(rig.url("mc-b.xml"))).block("x", t, List.of(""), "b", null, "a")
                        .output("x").json(), gives("B1", "A1", "A2")),
                row(t, "-", "no items in: an empty feed, no error", () -> new Pipe()
                        .block("a", "FeedBlock", List.of(rig.url("mc-empty.xml"))).block("b", "FeedBlock", List.of(rig.url("mc-empty.xml")))
                        .block("x", t, List.of(""), "a", "b").output("x").json(), gives()));
    }

    private static List<Row> duplicate() {
        return List.of(
                row("DuplicateBlock", "-", "passes its input to every consumer", () -> feed("mc-a.xml")
                        .block("d", "DuplicateBlock", List.of(""), "in").block("x", "CombineBlock", List.of(""), "d", "d")
                        .output("x").json(), gives("A1", "A2", "A1", "A2")),
                row("WateredDuplicateBlock", "-", "passes its data on unchanged", () -> new Pipe()
                        .block("in", "WateredDownloadBlock", List.of(rig.url("mc-data.json")))
                        .block("x", "WateredDuplicateBlock", List.of(""), "in").output("x").json(),
                        all(data("/items/0/title", "cat"), data("/owner/name", "cat"))));
    }

    private static List<Row> merge() {
        String t = "MergeBlock";
        return List.of(
                row(t, "0 format", "a separator between the two texts", merged("mc-a.xml", "mc-b.xml", " | "),
                        all(gives("A1", "A2"), field("description", "a1 | b1", "a2"))),
                row(t, "0 format", "\\1 and \\2 make a template", merged("mc-a.xml", "mc-b.xml", "\\2-\\1"),
                        field("description", "b1-a1", "a2")),
                row(t, "0 format", "empty appends the second text", merged("mc-a.xml", "mc-b.xml", ""),
                        field("description", "a1b1", "a2")),
                row(t, "0 format", "from a text connector", () -> new Pipe()
                        .block("a", "FeedBlock", List.of(rig.url("mc-a.xml"))).block("b", "FeedBlock", List.of(rig.url("mc-b.xml")))
                        .block("x", t, List.of(""), "a", "b").block("txt", "TextinputBlock", List.of("f", " + "))
                        .text("x", 0, "txt").output("x").json(), field("description", "a1 + b1", "a2")),
                row(t, "-", "categories of both; channel titles joined", merged("mc-a.xml", "mc-b.xml", ""),
                        all(categories(0, "red", "blue"), channel("title", "Feed A & Feed B"))),
                row(t, "-", "the merged item keeps the first's guid and author (differs: Pipes CE hashed, glued)",
                        merged("mc-a.xml", "mc-b.xml", ""), all(field("guid", "a1", "a2"), itemField(0, "author", "alice", "bob"))),
                row(t, "-", "one input connected passes through", () -> feed("mc-a.xml")
                        .block("x", t, List.of(""), "in", null).output("x").json(), gives("A1", "A2")),
                row(t, "-", "a longer second feed's extra items are kept (differs: Pipes CE dropped them)",
                        merged("mc-b.xml", "mc-a.xml", ""), all(gives("B1", "A2"), field("description", "b1a1", "a2"))));
    }

    private static List<Row> foreach() {
        String t = "ForeachBlock";
        return List.of(
                row(t, "0 mode", "feed: the items of every item's feed, in order", on("mc-urls.xml", t, "feed"),
                        gives("A1", "A2", "B1")),
                row(t, "0 mode", "download: the page as content, its URL as link", on("mc-pages.xml", t, "download"),
                        all(gives("page"), field("content", "<html><body>page one</body></html>"),
                                field("link", rig.url("mc-page.html")))),
                row(t, "0 mode", "empty (nothing dropped in) is an error", on("mc-urls.xml", t, "empty"),
                        failed("No action to do")),
                row(t, "0 mode", "blank means feed (differs: Pipes CE did nothing)", on("mc-urls.xml", t, ""),
                        gives("A1", "A2", "B1")),
                row(t, "0 mode", "tweets is an error (service gone)", on("mc-urls.xml", t, "tweets"), failed("Twitter")),
                row(t, "-", "a URL in the link is used too (differs: Pipes CE read the content only)",
                        on("mc-links.xml", t, "feed"), gives("B1")));
    }

    // ---- Editor defaults and option order -----------------------------------------------------

    /** The options a new block starts with, in Pipes CE's order: label, default, first choices. */
    static Stream<Object[]> editorDefaults() {
        return Stream.of(
                new Object[] {FilterBlock.TYPE, 2, "all", List.of("all", "content", "summary", "description", "title",
                        "link", "category", "author")},
                new Object[] {FilterlangBlock.TYPE, 0, "english", List.of()},
                new Object[] {FilterlangBlock.TYPE, 2, "all", List.of("all", "content", "summary", "description", "title")},
                new Object[] {ReplaceBlock.TYPE, 2, "all", List.of("all", "content", "summary", "title", "guid")},
                new Object[] {SortBlock.TYPE, 0, "updated", List.of("updated", "published", "content", "summary", "url",
                        "title", "guid")},
                new Object[] {SortBlock.TYPE, 1, "desc", List.of("desc", "asc")},
                new Object[] {ShortenBlock.TYPE, 0, "200", List.of()},
                new Object[] {ShortenBlock.TYPE, 1, "content", List.of("content", "summary", "title")},
                new Object[] {TruncateBlock.TYPE, 0, "1", List.of()},
                new Object[] {UniqueBlock.TYPE, 0, "guid", List.of("guid", "link", "title")},
                new Object[] {UniqueBlock.TYPE, 1, "first", List.of("first", "newest", "longest")},
                new Object[] {UniqueBlock.TYPE, 2, "", List.of()},
                new Object[] {MergeBlock.TYPE, 0, "", List.of()},
                new Object[] {ForeachBlock.TYPE, 0, "feed", List.of("feed", "download", "tweets", "empty")},
                new Object[] {WateredReplaceBlock.TYPE, 2, "$", List.of()});
    }

    @ParameterizedTest(name = "{0} option {1} starts at \"{2}\", choices begin {3}")
    @MethodSource("editorDefaults")
    void editorDefaultsAndChoiceOrderArePipesCes(BlockType type, int index, String defaultValue, List<String> firstChoices) {
        OptionSpec spec = type.options().get(index);
        assertThat(spec.defaultValue()).isEqualTo(defaultValue);
        assertThat(spec.choices()).startsWith(firstChoices.toArray(String[]::new));
    }

    /** Where Pipes CE's editor had a text connector, Sluice's has one too. */
    static Stream<Object[]> textPorts() {
        return Stream.of(
                new Object[] {FilterBlock.TYPE, List.of(true, false, false)},
                new Object[] {ReplaceBlock.TYPE, List.of(true, true, false)},
                new Object[] {ShortenBlock.TYPE, List.of(true, false)},
                new Object[] {MergeBlock.TYPE, List.of(true)},
                new Object[] {UniqueBlock.TYPE, List.of(false, false, false)},
                new Object[] {WateredReplaceBlock.TYPE, List.of(true, true, true)});
    }

    @ParameterizedTest(name = "{0} text connectors {1}")
    @MethodSource("textPorts")
    void textConnectorsAreWherePipesCeHadThem(BlockType type, List<Boolean> ports) {
        assertThat(type.options().stream().map(OptionSpec::textPort).toList()).isEqualTo(ports);
    }

    // ---- Pipes and checks ---------------------------------------------------------------------

    private static Row row(String block, String option, String behaviour, Supplier<String> pipe, Check check) {
        return new Row(block, option, behaviour, pipe, check);
    }

    /** A Feed block "in" reading a fixture. */
    private static Pipe feed(String file) {
        return new Pipe().block("in", "FeedBlock", List.of(rig.url(file)));
    }

    /** The fixture through one block with these userinputs, to the output. */
    private static Supplier<String> on(String file, String type, Object... userinputs) {
        return () -> feed(file).block("x", type, Arrays.asList(userinputs), "in").output("x").json();
    }

    private static Supplier<String> data(String type, Object... userinputs) {
        return () -> new Pipe().block("in", "WateredDownloadBlock", List.of(rig.url("mc-data.json")))
                .block("x", type, Arrays.asList(userinputs), "in").output("x").json();
    }

    private static Supplier<String> merged(String first, String second, String format) {
        return () -> new Pipe().block("a", "FeedBlock", List.of(rig.url(first))).block("b", "FeedBlock", List.of(rig.url(second)))
                .block("x", "MergeBlock", List.of(format), "a", "b").output("x").json();
    }

    /** A block saved by Pipes CE's first editor: one {@code userinput} string instead of a list. */
    private static String legacy(String file, String type, String userinput) {
        String pipe = feed(file).output("x").json();
        String block = "{\"id\":\"x\",\"type\":\"" + type + "\",\"userinput\":" + PipesCeRig.JSON.valueToTree(userinput)
                + ",\"inputs\":[{\"from\":\"in\",\"from_output_slot\":0}],\"textinputs\":[]}";
        return pipe.replaceFirst("\\]}$", "," + block + "]}");
    }

    private static Check gives(String... expected) {
        return gives(List.of(expected));
    }

    private static Check gives(List<String> expected) {
        return answer -> {
            assertThat(errors(answer)).as("errors").isEmpty();
            assertThat(PipesCeRig.titles(answer)).isEqualTo(expected);
        };
    }

    /** The field of every item, in order. */
    private static Check field(String name, String... values) {
        return answer -> {
            assertThat(errors(answer)).as("errors").isEmpty();
            List<String> got = new ArrayList<>();
            answer.path("items").forEach(i -> got.add(i.path(name).asText()));
            assertThat(got).as(name).containsExactly(values);
        };
    }

    private static Check itemField(int index, String name, String contains, String lacks) {
        return answer -> assertThat(answer.path("items").path(index).path(name).asText()).as(name)
                .contains(contains).doesNotContain(lacks);
    }

    private static Check categories(int index, String... terms) {
        return answer -> {
            List<String> got = new ArrayList<>();
            answer.path("items").path(index).path("categories").forEach(c -> got.add(c.path("term").asText()));
            assertThat(got).containsExactly(terms);
        };
    }

    private static Check channel(String name, String value) {
        return answer -> assertThat(answer.path("channel").path(name).asText()).as("channel " + name).isEqualTo(value);
    }

    /** A value of a data block's tree, by JSON pointer. */
    private static Check data(String pointer, String value) {
        return answer -> {
            assertThat(errors(answer)).as("errors").isEmpty();
            assertThat(answer.path("data").at(pointer).asText()).as(pointer).isEqualTo(value);
        };
    }

    /** The run reported an error (naming {@code message} when given) and gave no items. */
    private static Check failed(String... message) {
        return answer -> {
            assertThat(errors(answer)).as("errors").isNotEmpty();
            for (String m : message) {
                assertThat(errors(answer)).anySatisfy(e -> assertThat(e).contains(m));
            }
            assertThat(answer.path("items")).as("items").isEmpty();
        };
    }

    private static Check all(Check... checks) {
        return answer -> {
            for (Check c : checks) {
                c.verify(answer);
            }
        };
    }

    private static List<String> without(List<String> list, String removed) {
        return list.stream().filter(s -> !s.equals(removed)).toList();
    }

    private static String rss(String title, String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>" + title
                + "</title><link>https://example.org/</link><description>" + title + "</description>" + items
                + "</channel></rss>";
    }

    private static String resource(String name) {
        try (InputStream in = ManipulateControlSemanticsTest.class.getResourceAsStream("/pipesce/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
