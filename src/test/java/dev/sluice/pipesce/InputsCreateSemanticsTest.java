package dev.sluice.pipesce;

import static dev.sluice.pipesce.PipesCeRig.errors;
import static dev.sluice.pipesce.PipesCeRig.titles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.pipesce.PipesCeRig.Pipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows of docs/pipes-ce-semantics/inputs-create.md that can run here: for the input, create,
 * integration and output blocks, each option index as Pipes CE defines it, run through /api/run
 * as Pipes CE's editor saves the pipe. Where Sluice deliberately differs, the row's name says so
 * and the row checks Sluice's behaviour. Gateways (RSS-Bridge, rssbox) are the rig's upstream,
 * so the requests the integration blocks make are checked as sent.
 */
class InputsCreateSemanticsTest {
    static PipesCeRig rig;

    /** One table row: what to run and what Pipes CE (or, where marked, Sluice) gives. */
    record Row(String name, Function<PipesCeRig, JsonNode> run, Consumer<JsonNode> expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        rig = new PipesCeRig(base -> Map.of("SLUICE_RSSBRIDGE_URL", base + "bridge/", "SLUICE_RSSBOX_URL", base + "box"));
        rig.serve("ic-feed.xml", "application/rss+xml", fixture("ic-feed.xml"));
        rig.serve("ic-other.xml", "application/rss+xml", fixture("ic-other.xml"));
        rig.serve("ic-tracked.xml", "application/rss+xml", fixture("ic-tracked.xml"));
        rig.serve("ic-notice.xml", "application/rss+xml", fixture("ic-notice.xml"));
        rig.serve("ic-page.html", "text/html; charset=utf-8", fixture("ic-page.html"));
        rig.serve("ic-stations.json", "application/json", fixture("ic-stations.json"));
        rig.serve("ic-titles.txt", "text/plain", fixture("ic-titles.txt"));
        rig.serve("ic-contents.txt", "text/plain", fixture("ic-contents.txt"));
        String gateway = fixture("ic-gateway.xml");
        rig.serve("bridge/", "application/atom+xml", gateway);
        for (String service : List.of("dailymotion", "mixcloud", "speedrun", "svtplay", "vimeo", "twitch")) {
            rig.serve("box/" + service, "application/atom+xml", gateway);
        }
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void behavesAsTheTableSays(Row row) {
        row.expect().accept(row.run().apply(rig));
    }

    static Stream<Row> rows() {
        return Stream.of(inputs(), integrations(), create(), sluiceOnly()).flatMap(s -> s);
    }

    // ---- Inputs -------------------------------------------------------------------------

    static Stream<Row> inputs() {
        return Stream.of(
                new Row("FeedBlock [0] url: the feed's items", r -> one(r, "FeedBlock", List.of(r.url("ic-feed.xml"))),
                        titlesAre("Old ferry timetable", "New ferry timetable")),
                new Row("FeedBlock [0] legacy \"userinput\" string", r -> r.run(legacyFeed(r.url("ic-other.xml"))),
                        titlesAre("Only other item")),
                new Row("FeedBlock T→0: a Text Input overrides the url", r -> r.run(withText("FeedBlock",
                        List.of(r.url("ic-feed.xml")), "url", r.url("ic-other.xml")).output("b")),
                        titlesAre("Only other item")),
                new Row("FeedBlock [0] empty: error, no items", r -> one(r, "FeedBlock", List.of("")),
                        error("No feed URL")),
                new Row("FeedBlock [0] HTML page: its announced feed (differs: resolved against the page URL)",
                        r -> one(r, "FeedBlock", List.of(r.url("ic-page.html"))),
                        titlesAre("Old ferry timetable", "New ferry timetable")),

                new Row("DownloadBlock [0] url: the page as it is, for Extract", r -> r.run(new Pipe()
                        .block("d", "DownloadBlock", List.of(r.url("ic-page.html"), false))
                        .block("e", "ExtractBlock", List.of("h2.headline a", "", false, ""), "d").output("e")),
                        contents("Ferry <i>news</i>", "Harbour fest")),
                new Row("DownloadBlock T→0: a Text Input overrides the url", r -> r.run(withText("DownloadBlock",
                        List.of("ignored", false), "url", r.url("ic-page.html"))
                        .block("e", "ExtractBlock", List.of("title", "", false, ""), "b").output("e")),
                        contents("Harbour")),
                new Row("DownloadBlock [1] executeJs on a free plan: refused (differs: checked on the server)",
                        r -> r.run(new Pipe().block("d", "DownloadBlock", List.of(r.url("ic-page.html"), true))
                                .block("e", "ExtractBlock", List.of("title", "", false, ""), "d").output("e")),
                        error("Rendering JavaScript needs a plan that includes it")),
                new Row("DownloadBlock [0] a 404: error (differs: Pipes CE gave an empty document)",
                        r -> r.run(new Pipe().block("d", "DownloadBlock", List.of(r.url("ic-missing.html"), false))
                                .block("e", "ExtractBlock", List.of("title", "", false, ""), "d").output("e")),
                        errorContaining("404")),

                new Row("WateredDownloadBlock [0] url: the JSON as data", r -> r.run(new Pipe()
                        .block("w", "WateredDownloadBlock", List.of(r.url("ic-stations.json"), false)).output("w")),
                        a -> assertThat(a.path("data").path("stations").get(1).path("name").asText()).isEqualTo("Market")),
                new Row("WateredDownloadBlock T→0: a Text Input overrides the url", r -> r.run(withText(
                        "WateredDownloadBlock", List.of("ignored", false), "url", r.url("ic-stations.json")).output("b")),
                        a -> assertThat(a.path("data").path("count").asInt()).isEqualTo(2)),
                new Row("WateredDownloadBlock [1] executeJs: the Download block's option, refused on a free plan",
                        r -> r.run(new Pipe().block("w", "WateredDownloadBlock", List.of(r.url("ic-stations.json"), true))
                                .output("w")),
                        error("Rendering JavaScript needs a plan that includes it")),

                new Row("TextinputBlock [1] default: its text", r -> r.run(textPipe(), Map.of(), "t"),
                        text("harbour")),
                new Row("TextinputBlock [0] name: ?name=value overrides the default", r -> r.run(textPipe(),
                        Map.of("q", "quay"), "t"), text("quay")),
                new Row("TextinputBlock [0] name: ?name= (empty) overrides it too", r -> r.run(textPipe(),
                        Map.of("q", ""), "t"), text("")),
                new Row("TextinputBlock [0] name: another parameter leaves the default", r -> r.run(textPipe(),
                        Map.of("other", "x"), "t"), text("harbour")),

                new Row("PipeBlock [0] pipe id: the stored pipe's items, its Text Inputs at their defaults",
                        InputsCreateSemanticsTest::pipeBlockWithParams, titlesAre("Old ferry timetable", "New ferry timetable")),

                new Row("WebhookBlock [0] hook URL (display only): each POST an item, body escaped (differs)",
                        InputsCreateSemanticsTest::webhookWithOnePost, a -> {
                            assertThat(errors(a)).isEmpty();
                            assertThat(titles(a)).containsExactly("Webhook event");
                            assertThat(a.path("items").get(0).path("content").asText())
                                    .isEqualTo("<pre>&lt;b&gt;hi&lt;/b&gt;</pre>");
                        }),

                new Row("OutputBlock [0] (hidden, \"\"): passes its input through",
                        r -> r.run(new Pipe().block("f", "FeedBlock", List.of(r.url("ic-feed.xml")))
                                .block("output", "OutputBlock", List.of(""), "f")),
                        titlesAre("Old ferry timetable", "New ferry timetable")));
    }

    // ---- Integrations -------------------------------------------------------------------

    static Stream<Row> integrations() {
        List<Row> rows = new ArrayList<>(List.of(
                gateway("RedditBlock [0] one subreddit (differs: format=Atom, encoded)", "RedditBlock", List.of("rust"),
                        "/bridge/?action=display&bridge=Reddit&context=single&r=rust&format=Atom"),
                gateway("RedditBlock [0] comma-separated: multi", "RedditBlock", List.of("rust,java"),
                        "/bridge/?action=display&bridge=Reddit&context=multi&rs=rust%2Cjava&format=Atom"),
                new Row("RedditBlock T→0: a Text Input names the subreddit", r -> r.run(withText("RedditBlock",
                        List.of("ignored"), "sub", "kotlin").output("b")), requested(
                        "/bridge/?action=display&bridge=Reddit&context=single&r=kotlin&format=Atom")),
                new Row("RedditBlock [0] empty: error (differs: Pipes CE gave nothing)", r -> one(r, "RedditBlock", List.of("")),
                        error("No subreddit given")),
                gateway("SoundcloudBlock [0] user, [1] type default all", "SoundcloudBlock", List.of("dj", ""),
                        "/bridge/?action=display&bridge=Soundcloud&u=dj&t=all&format=Atom"),
                gateway("SoundcloudBlock [1] type", "SoundcloudBlock", List.of("dj", "likes"),
                        "/bridge/?action=display&bridge=Soundcloud&u=dj&t=likes&format=Atom"),
                new Row("SoundcloudBlock [1] type: only Pipes CE's six choices are valid",
                        r -> runRaw(r, new Pipe().block("b", "SoundcloudBlock", List.of("dj", "bogus")).output("b")),
                        a -> assertThat(a.path("error").asText())
                                .contains("must be one of all, tracks, albums, playlists, reposts, likes"))));
        for (String[] box : new String[][] {{"Dailymotion", "dailymotion"}, {"Mixcloud", "mixcloud"},
                {"Speedrun", "speedrun"}, {"Svtplay", "svtplay"}, {"Vimeo", "vimeo"}, {"Twitch", "twitch"}}) {
            rows.add(gateway(box[0] + "Block [0] name or URL (encoded)", box[0] + "Block", List.of("a b&c"),
                    "/box/" + box[1] + "?q=a%20b%26c"));
        }
        rows.add(new Row("VimeoBlock T→0: a Text Input names the user", r -> r.run(withText("VimeoBlock",
                List.of("ignored"), "who", "staff").output("b")), requested("/box/vimeo?q=staff")));
        for (String dead : List.of("Twitter", "Periscope", "Ustream")) {
            rows.add(new Row(dead + "Block [0]: a discontinued service's error", r -> one(r, dead + "Block", List.of("x")),
                    error(dead + " is a discontinued service")));
        }
        return rows.stream();
    }

    // ---- Create -------------------------------------------------------------------------

    static Stream<Row> create() {
        return Stream.of(
                new Row("BuilderBlock inputs title, content: zipped by line; [0] feed title",
                        r -> r.run(builder(r, List.of("Built here", false), "ic-titles.txt", "ic-contents.txt")),
                        a -> {
                            assertThat(titles(a)).containsExactly("Alpha", "Beta");
                            assertThat(field(a, "content")).containsExactly("first body", "second body");
                            assertThat(a.path("channel").path("title").asText()).isEqualTo("Built here");
                        }),
                new Row("BuilderBlock T→0: a Text Input gives the feed title",
                        r -> r.run(builder(r, List.of("ignored", false), null, "ic-contents.txt")
                                .block("t", "TextinputBlock", List.of("title", "From text")).text("b", 0, "t")),
                        a -> assertThat(a.path("channel").path("title").asText()).isEqualTo("From text")),
                new Row("BuilderBlock no title input: items \"untitled\"",
                        r -> r.run(builder(r, List.of("", false), null, "ic-contents.txt")),
                        titlesAre("untitled", "untitled")),
                new Row("BuilderBlock [0] empty: a saved pipe's feed takes the pipe's title",
                        InputsCreateSemanticsTest::builtFeedTitle, a -> assertThat(a.path("title").asText()).isEqualTo("Ferry lines")),
                new Row("BuilderBlock no content input: error", r -> r.run(new Pipe()
                        .block("d", "DownloadBlock", List.of(r.url("ic-titles.txt"), false))
                        .block("b", "BuilderBlock", List.of("", false), "d", null, null, null).output("b")),
                        error("Could not build feed")),
                new Row("BuilderBlock [1] recalculateGuid off: the content items' guids",
                        r -> r.run(builderOnFeed(r, false, false)), a -> assertThat(field(a, "guid"))
                                .containsExactly("harbour-old", "harbour-new")),
                new Row("BuilderBlock [1] recalculateGuid on: new guids from the content items, not the title column",
                        r -> {
                            JsonNode plain = r.run(builderOnFeed(r, true, false));
                            JsonNode titled = r.run(builderOnFeed(r, true, true));
                            assertThat(titles(titled)).containsExactly("Alpha", "Beta");
                            assertThat(field(titled, "guid")).isEqualTo(field(plain, "guid"));
                            return plain;
                        }, a -> assertThat(field(a, "guid")).doesNotContain("harbour-old", "harbour-new").doesNotHaveDuplicates()),

                new Row("ExtractBlock [0] CSS selector, [1] empty: inner HTML, title \"Extracted Content\"",
                        r -> extract(r, "ic-page.html", "h2.headline a", ""), a -> {
                            assertThat(field(a, "content")).containsExactly("Ferry <i>news</i>", "Harbour fest");
                            assertThat(titles(a)).containsOnly("Extracted Content");
                            assertThat(a.path("channel").path("title").asText()).isEqualTo("Extracted Content");
                        }),
                new Row("ExtractBlock [0] XPath", r -> extract(r, "ic-page.html", "//h2/a", "content"),
                        contents("Ferry <i>news</i>", "Harbour fest")),
                new Row("ExtractBlock [0] concat(): one item", r -> extract(r, "ic-page.html",
                        "concat(//title, ' has ', count(//h2), ' headlines')", ""), contents("Harbour has 2 headlines")),
                new Row("ExtractBlock [0] JSONPath on JSON", r -> extract(r, "ic-stations.json", "$.stations[*].name", ""),
                        contents("Quay", "Market")),
                new Row("ExtractBlock [1] OuterXml: the whole element", r -> extract(r, "ic-page.html", "h2.headline a", "OuterXml"),
                        contents("<a href=\"/news/ferry\">Ferry <i>news</i></a>", "<a href=\"/news/fest\">Harbour fest</a>")),
                new Row("ExtractBlock [1] href: the attribute (differs: made absolute)",
                        r -> extract(r, "ic-page.html", "h2.headline a", "href"),
                        a -> assertThat(field(a, "content")).containsExactly(rig.url("news/ferry"), rig.url("news/fest"))),
                new Row("ExtractBlock T→0, T→1: Text Inputs give selector and attribute", r -> r.run(new Pipe()
                        .block("d", "DownloadBlock", List.of(r.url("ic-page.html"), false))
                        .block("e", "ExtractBlock", List.of("ignored", "ignored", false, ""), "d")
                        .block("s", "TextinputBlock", List.of("sel", "h2.headline a"))
                        .block("t", "TextinputBlock", List.of("attr", "OuterXml"))
                        .text("e", 0, "s").text("e", 1, "t").output("e")),
                        contents("<a href=\"/news/ferry\">Ferry <i>news</i></a>", "<a href=\"/news/fest\">Harbour fest</a>")),
                new Row("ExtractBlock [2] startAtItemContent: searches each item's content", r -> r.run(new Pipe()
                        .block("d", "DownloadBlock", List.of(r.url("ic-feed.xml"), false))
                        .block("e", "ExtractBlock", List.of("b", "", true, ""), "d").output("e")),
                        contents("half hour")),
                new Row("ExtractBlock [0] empty: error \"Selector missing\"", r -> extract(r, "ic-page.html", "", ""),
                        error("Selector missing")),

                new Row("ImagesBlock (no options): one item per <img>, absolute (differs: alt as title)",
                        r -> r.run(new Pipe().block("d", "DownloadBlock", List.of(r.url("ic-page.html"), false))
                                .block("i", "ImagesBlock", List.of("", ""), "d").output("i")), a -> {
                            assertThat(field(a, "link")).containsExactly(rig.url("img/quay.png"), rig.url("img/lighthouse.jpg"));
                            assertThat(titles(a)).containsExactly("The quay", "lighthouse.jpg");
                            assertThat(a.path("channel").path("title").asText()).isEqualTo("Extracted Image");
                        }),
                new Row("ImagesBlock on a feed: the images in its items' contents",
                        r -> r.run(new Pipe().block("f", "FeedBlock", List.of(r.url("ic-feed.xml")))
                                .block("i", "ImagesBlock", List.of("", ""), "f").output("i")),
                        // The feed parser already made the item's relative src absolute against the feed's URL.
                        a -> assertThat(field(a, "link")).containsExactly(rig.url("img/boat.jpg"))),

                new Row("InsertBlock [0] //item/description, [1] off: appended", r -> r.run(insert(r, "//item/description", false)),
                        a -> assertThat(field(a, "description")).containsExactly(
                                "The old timetable.<em>Storm warning</em>", "The new timetable.<em>Storm warning</em>")),
                new Row("InsertBlock [1] replaceContent on: replaced", r -> r.run(insert(r, "//item/description", true)),
                        a -> assertThat(field(a, "description")).containsOnly("<em>Storm warning</em>")),
                new Row("InsertBlock [0] empty: error \"No target\"", r -> r.run(insert(r, "", false)), error("No target")),
                new Row("InsertBlock no second input: error \"No feed to insert into\"", r -> r.run(new Pipe()
                        .block("n", "FeedBlock", List.of(r.url("ic-notice.xml")))
                        .block("i", "InsertBlock", List.of("//item/description", false), "n", null).output("i")),
                        error("No feed to insert into")),

                new Row("TabletojsonBlock (no options): {first cell: [other cells]} per table",
                        r -> r.run(new Pipe().block("d", "DownloadBlock", List.of(r.url("ic-page.html"), false))
                                .block("t", "TabletojsonBlock", List.of(""), "d").output("t")), a -> {
                            assertThat(field(a, "content")).containsExactly(
                                    "{\"Quay\":[\"06:00\",\"22:00\"],\"Island\":[\"06:20\"]}",
                                    // Pipes CE's shared map would also have carried the first table's rows here.
                                    "{\"Adult\":[\"3.00\"]}");
                            assertThat(a.path("channel").path("title").asText()).isEqualTo("Extracted Tables");
                        }));
    }

    // ---- Sluice only --------------------------------------------------------------------

    static Stream<Row> sluiceOnly() {
        return Stream.of(
                new Row("TailBlock [0] count (Sluice only)", r -> onFeed(r, "TailBlock", List.of(1)),
                        titlesAre("New ferry timetable")),
                new Row("DelayBlock [0] hours (Sluice only): items younger are held", r -> onFeed(r, "DelayBlock", List.of(24)),
                        titlesAre("Old ferry timetable")),
                new Row("DateFilterBlock [0] field, [1] op, [2] value (Sluice only)",
                        r -> onFeed(r, "DateFilterBlock", List.of("published", "after", "2021-01-01")),
                        titlesAre("New ferry timetable")),
                new Row("UrlCleanupBlock (Sluice only): tracking parameters leave links; guids and content stay",
                        r -> onTracked(r, List.of(false, false, "")), a -> {
                            assertThat(field(a, "link")).containsExactly("https://harbour.example.org/storm?id=4#map",
                                    "https://harbour.example.org/fares?sessionid=77");
                            assertThat(field(a, "guid")).containsExactly(
                                    "https://harbour.example.org/storm?utm_source=rss&utm_medium=feed&id=4#map", "fares-2024");
                            assertThat(field(a, "description").get(0)).contains("fbclid=abc");
                        }),
                new Row("UrlCleanupBlock [0] links in content too, [1] guids too, [2] more names (Sluice only)",
                        r -> onTracked(r, List.of(true, true, "sessionid")), a -> {
                            assertThat(field(a, "link")).containsExactly("https://harbour.example.org/storm?id=4#map",
                                    "https://harbour.example.org/fares");
                            assertThat(field(a, "guid")).containsExactly("https://harbour.example.org/storm?id=4#map", "fares-2024");
                            assertThat(field(a, "description").get(0))
                                    .contains("href=\"https://harbour.example.org/gales?day=2\"").doesNotContain("fbclid");
                        }),
                new Row("UrlBuilderBlock [0] base, [1] path, [2] query (Sluice only)", r -> r.run(new Pipe()
                        .block("u", "UrlBuilderBlock", List.of("https://example.org/api", "/search", "q=rock & roll\npage=2"))
                        .block("output", "OutputBlock", List.of("")).json(), Map.of(), "u"), text("https://example.org/api/search?q=rock%20%26%20roll&page=2")),
                new Row("StringBuilderBlock [0..3] parts (Sluice only)", r -> r.run(new Pipe()
                        .block("s", "StringBuilderBlock", List.of("harbour", " ", "news", ""))
                        .block("t", "TextinputBlock", List.of("x", "quay")).text("s", 3, "t")
                        .block("output", "OutputBlock", List.of("")).json(), Map.of(), "s"), text("harbour newsquay")));
    }

    // ---- Pipes --------------------------------------------------------------------------

    /** Output ← one block of {@code type}. */
    static JsonNode one(PipesCeRig r, String type, List<?> userinputs) {
        return r.run(new Pipe().block("b", type, userinputs).output("b"));
    }

    /** Output ← {@code type} ← Feed of ic-feed.xml. */
    static JsonNode onFeed(PipesCeRig r, String type, List<?> userinputs) {
        return r.run(new Pipe().block("f", "FeedBlock", List.of(r.url("ic-feed.xml")))
                .block("b", type, userinputs, "f").output("b"));
    }

    /** Output ← URL Cleanup with {@code userinputs} ← Feed of ic-tracked.xml. */
    static JsonNode onTracked(PipesCeRig r, List<?> userinputs) {
        return r.run(new Pipe().block("f", "FeedBlock", List.of(r.url("ic-tracked.xml")))
                .block("b", "UrlCleanupBlock", userinputs, "f").output("b"));
    }

    /** Block "b" of {@code type} whose text connector 0 is a Text Input named {@code name} with {@code value}. */
    static Pipe withText(String type, List<?> userinputs, String name, String value) {
        return new Pipe().block("b", type, userinputs).block("t", "TextinputBlock", List.of(name, value)).text("b", 0, "t");
    }

    static String legacyFeed(String url) {
        return "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
                + "\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}],\"textinputs\":[]},"
                + "{\"id\":\"f\",\"type\":\"FeedBlock\",\"userinput\":\"" + url + "\",\"inputs\":[],\"textinputs\":[{}]}]}";
    }

    static String textPipe() {
        return new Pipe().block("t", "TextinputBlock", List.of("q", "harbour"))
                .block("f", "FeedBlock", List.of("")).text("f", 0, "t").output("f").json();
    }

    static JsonNode extract(PipesCeRig r, String file, String selector, String attribute) {
        return r.run(new Pipe().block("d", "DownloadBlock", List.of(r.url(file), false))
                .block("e", "ExtractBlock", List.of(selector, attribute, false, ""), "d").output("e"));
    }

    /** Build Feed with Downloads of {@code titles} (null: none) and {@code contents} as its first two columns. */
    static Pipe builder(PipesCeRig r, List<?> userinputs, String titles, String contents) {
        Pipe p = new Pipe().block("c", "DownloadBlock", List.of(r.url(contents), false));
        if (titles != null) {
            p.block("ti", "DownloadBlock", List.of(r.url(titles), false));
        }
        return p.block("b", "BuilderBlock", userinputs, titles == null ? null : "ti", "c", null, null).output("b");
    }

    /** Build Feed whose content column is the feed ic-feed.xml, with the title column of ic-titles.txt or none. */
    static Pipe builderOnFeed(PipesCeRig r, boolean recalculate, boolean titleColumn) {
        Pipe p = new Pipe().block("f", "FeedBlock", List.of(r.url("ic-feed.xml")));
        if (titleColumn) {
            p.block("ti", "DownloadBlock", List.of(r.url("ic-titles.txt"), false));
        }
        return p.block("b", "BuilderBlock", List.of("", recalculate), titleColumn ? "ti" : null, "f", null, null).output("b");
    }

    static Pipe insert(PipesCeRig r, String target, boolean replace) {
        return new Pipe().block("n", "FeedBlock", List.of(r.url("ic-notice.xml")))
                .block("f", "FeedBlock", List.of(r.url("ic-feed.xml")))
                .block("i", "InsertBlock", List.of(target, replace), "n", "f").output("i");
    }

    /**
     * A stored pipe whose Feed URL is a Text Input named "url" (default ic-feed.xml), run through a
     * Pipe block with ?url= naming another feed: Pipes CE ran the stored pipe without parameters.
     */
    static JsonNode pipeBlockWithParams(PipesCeRig r) {
        String sub = withText("FeedBlock", List.of(""), "url", r.url("ic-feed.xml")).output("b").json();
        StoredPipe stored = r.server().save(PipesCeRig.OWNER, "Harbour sub-pipe", sub, false);
        return r.run(new Pipe().block("p", "PipeBlock", List.of(stored.id())).output("p").json(),
                Map.of("url", r.url("ic-other.xml")), "");
    }

    static JsonNode webhookWithOnePost(PipesCeRig r) {
        String hookId = "1c0ffee001";
        String pipe = new Pipe().block(hookId, "WebhookBlock", List.of("", "")).output(hookId).json();
        r.server().save(PipesCeRig.OWNER, "Hooked", pipe, false);
        assertThat(r.server().post("/hook/" + hookId, "text/plain", "<b>hi</b>").statusCode()).isEqualTo(202);
        return r.run(pipe);
    }

    /** The JSON Feed of a saved pipe whose Build Feed has no feed title. */
    static JsonNode builtFeedTitle(PipesCeRig r) {
        StoredPipe stored = r.server().save(PipesCeRig.OWNER, "Ferry lines",
                builder(r, List.of("", false), null, "ic-contents.txt").json(), false);
        String path = r.server().sluice.outputs().feedUrl(stored, OutputFormat.JSON).replaceFirst("^https?://[^/]+", "");
        try {
            return PipesCeRig.JSON.readTree(r.server().get(path).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** /api/run's answer whatever its status (validation refusals are 400 with an "error"). */
    static JsonNode runRaw(PipesCeRig r, Pipe pipe) {
        var response = r.server().send("POST", "/api/run", r.server().token(PipesCeRig.OWNER), "{\"pipe\":" + pipe.json() + "}");
        try {
            return PipesCeRig.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Row gateway(String name, String type, List<?> userinputs, String expectedRequest) {
        return new Row(name, r -> one(r, type, userinputs), requested(expectedRequest));
    }

    // ---- Expectations -------------------------------------------------------------------

    static Consumer<JsonNode> titlesAre(String... expected) {
        return a -> {
            assertThat(errors(a)).isEmpty();
            assertThat(PipesCeRig.titles(a)).containsExactly(expected);
        };
    }

    static Consumer<JsonNode> contents(String... expected) {
        return a -> {
            assertThat(errors(a)).isEmpty();
            assertThat(field(a, "content")).containsExactly(expected);
        };
    }

    static Consumer<JsonNode> text(String expected) {
        return a -> {
            assertThat(errors(a)).isEmpty();
            assertThat(a.path("text").asText(null)).isEqualTo(expected);
        };
    }

    static Consumer<JsonNode> error(String start) {
        return a -> {
            assertThat(a.path("items")).isEmpty();
            assertThat(errors(a)).singleElement().asString().startsWith(start);
        };
    }

    static Consumer<JsonNode> errorContaining(String part) {
        return a -> {
            assertThat(a.path("items")).isEmpty();
            assertThat(errors(a)).singleElement().asString().contains(part);
        };
    }

    /** The gateway was asked exactly this, and its feed came back. */
    static Consumer<JsonNode> requested(String path) {
        return a -> {
            assertThat(rig.requests()).contains(path);
            assertThat(errors(a)).isEmpty();
            assertThat(PipesCeRig.titles(a)).containsExactly("Gateway post");
        };
    }

    static List<String> field(JsonNode answer, String name) {
        List<String> out = new ArrayList<>();
        answer.path("items").forEach(i -> out.add(i.path(name).asText()));
        return out;
    }

    static String fixture(String name) {
        try (InputStream in = InputsCreateSemanticsTest.class.getResourceAsStream("/pipesce/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
