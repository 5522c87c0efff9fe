package dev.sluice.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.PipeRepository;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The landing page, dashboard and pipe page over HTTP as their owner, another user and an
 * anonymous visitor — and the pipe page's form actions, each answered by a redirect with a notice.
 */
class PipePagesTest {
    static final String OWNER = "olga@example.org";
    static final String OTHER = "otto@example.org";
    static final String EMPTY = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"x\":400,\"y\":100,"
            + "\"userinputs\":[\"\"],\"inputs\":[{}],\"textinputs\":[]}]}";

    TestServer server;
    Visitor owner;
    Visitor other;
    Visitor anonymous;

    @BeforeEach
    void start() {
        server = Visitor.server();
        owner = Visitor.loggedIn(server, OWNER);
        other = Visitor.loggedIn(server, OTHER);
        anonymous = Visitor.anonymous(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    StoredPipe pipe(String title, boolean isPublic, String... tags) {
        try {
            long id = server.sluice.users().findOrCreate(OWNER).id();
            return server.sluice.pipes().create(id, new PipeRepository.Draft(title, "What it does", EMPTY, isPublic, List.of(tags)));
        } catch (PipeFormatException e) {
            throw new AssertionError(e);
        }
    }

    StoredPipe reload(StoredPipe pipe) {
        return server.sluice.pipeRepository().find(pipe.id()).orElse(null);
    }

    @Test
    void theLandingPageSellsToVisitorsAndSendsMembersToTheirPipes() {
        pipe("Shared news", true);
        pipe("Secret diary", false);
        HttpResponse<String> r = anonymous.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Mix feeds").contains("href=\"/login\"").contains("Shared news").doesNotContain("Secret diary");
        HttpResponse<String> member = owner.get("/");
        assertThat(member.statusCode()).isEqualTo(302);
        assertThat(Visitor.location(member)).isEqualTo("/mypipes");
    }

    @Test
    void theDashboardListsOnlyTheOwnersPipesWithWhatTheyNeed() {
        StoredPipe secret = pipe("Secret diary", false, "notes");
        StoredPipe shared = pipe("Shared news", true, "news", "tech");
        Visitor.loggedIn(server, OTHER);
        server.save(OTHER, "Otto's own", EMPTY, false);

        HttpResponse<String> r = owner.get("/mypipes");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("Secret diary").contains("Shared news").doesNotContain("Otto's own")
                .contains("2 of ").contains("free plan")
                .contains("/pipe/" + secret.id() + "/thumbnail.svg").contains("private").contains("public")
                .contains("<li>news</li>").contains("<li>notes</li>")
                .contains("/feed/" + secret.id() + ".rss?key=" + secret.feedKey())
                .contains("value=\"http://sluice.test/feed/" + shared.id() + ".rss\"")
                .contains("not run yet").contains("href=\"/editor\"")
                .contains("<script src=\"/static/copy.js\"");

        HttpResponse<String> anon = anonymous.get("/mypipes");
        assertThat(anon.statusCode()).isEqualTo(302);
        assertThat(Visitor.location(anon)).isEqualTo("/login?next=%2Fmypipes");
    }

    @Test
    void theDashboardShowsHowEachPipesLastRealRunEnded() {
        try (BenchServer upstream = new BenchServer()) {
            upstream.serve("ok.xml", "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><guid>a</guid></item></channel></rss>"
                    .getBytes(StandardCharsets.UTF_8));
            StoredPipe fine = server.save(OWNER, "Fine pipe", feedPipe(upstream.fastUrl(1, "ok.xml")), false);
            StoredPipe broken = server.save(OWNER, "Broken pipe", feedPipe(upstream.fastUrl(1, "gone.xml")), false);
            assertThat(owner.get("/feed/" + fine.id()).statusCode()).isEqualTo(200);
            assertThat(owner.get("/feed/" + broken.id()).statusCode()).isEqualTo(200);
            String html = owner.get("/mypipes").body();
            assertThat(section(html, "Fine pipe")).contains("Last run: ok").contains("just now");
            assertThat(section(html, "Broken pipe")).contains("Last run: 1 error").contains("class=\"run errors\"");

            server.clock.advance(java.time.Duration.ofHours(2));
            assertThat(section(owner.get("/mypipes").body(), "Fine pipe")).contains("2 h ago");
        }
    }

    static String feedPipe(String url) {
        return "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}]},"
                + "{\"id\":\"f\",\"type\":\"FeedBlock\",\"userinputs\":[\"" + url + "\"]}]}";
    }

    /** The dashboard card whose title is {@code title}. */
    static String section(String html, String title) {
        int start = html.indexOf(">" + title + "</a>");
        int end = html.indexOf("</li>\n  \n", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void aPrivatePipeIsTheOwnersAloneAndItsKeyIsNeverShownToOthers() {
        StoredPipe secret = pipe("Secret diary", false);
        HttpResponse<String> mine = owner.get("/pipe/" + secret.id());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("Secret diary").contains("?key=" + secret.feedKey())
                .contains("href=\"/editor/" + secret.id() + "\"").contains("Versions").contains("Share in the gallery");
        for (Visitor stranger : List.of(other, anonymous)) {
            for (String path : List.of("/pipe/", "/preview/")) {
                HttpResponse<String> r = stranger.get(path + secret.id());
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.body()).doesNotContain("Secret diary").doesNotContain(secret.feedKey());
            }
            assertThat(stranger.get("/pipe/" + secret.id() + "/thumbnail.svg").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void othersMayLikeAndForkAPublicPipeButNotChangeIt() {
        StoredPipe shared = pipe("Shared news", true, "news");
        String page = other.get("/pipe/" + shared.id()).body();
        assertThat(page).contains("action=\"/pipe/" + shared.id() + "/like\"").contains("action=\"/pipe/" + shared.id() + "/fork\"")
                .doesNotContain("/delete").doesNotContain("/duplicate").doesNotContain("Versions")
                .doesNotContain(shared.feedKey()).contains("href=\"/pipes?tag=news\"");
        String anon = anonymous.get("/pipe/" + shared.id()).body();
        assertThat(anon).contains("/login?next=/pipe/" + shared.id()).doesNotContain("action=\"/pipe/" + shared.id() + "/like\"");
        assertThat(owner.get("/pipe/" + shared.id()).body()).doesNotContain("action=\"/pipe/" + shared.id() + "/like\"");

        HttpResponse<String> liked = other.post("/pipe/" + shared.id() + "/like");
        assertThat(liked.statusCode()).isEqualTo(303);
        assertThat(Visitor.location(liked)).isEqualTo("/pipe/" + shared.id() + "?notice=liked");
        String after = other.get(Visitor.location(liked)).body();
        assertThat(after).contains("You like this pipe.").contains("1 like").contains("/unlike");
        other.post("/pipe/" + shared.id() + "/like");
        assertThat(anonymous.get("/pipe/" + shared.id()).body()).contains("1 like");
        other.post("/pipe/" + shared.id() + "/unlike");
        assertThat(anonymous.get("/pipe/" + shared.id()).body()).contains("0 likes");

        assertThat(other.post("/pipe/" + shared.id() + "/delete").statusCode()).isEqualTo(403);
        assertThat(other.post("/pipe/" + shared.id() + "/tags", "tags", "spam").statusCode()).isEqualTo(403);
        assertThat(other.post("/pipe/" + shared.id() + "/unshare").statusCode()).isEqualTo(403);
        assertThat(owner.post("/pipe/" + shared.id() + "/like").statusCode()).isEqualTo(403);
        assertThat(reload(shared)).isEqualTo(shared);

        HttpResponse<String> forked = other.post("/pipe/" + shared.id() + "/fork");
        assertThat(forked.statusCode()).isEqualTo(303);
        String copyId = Visitor.location(forked).replaceAll("^/pipe/([^?]+)\\?notice=forked$", "$1");
        StoredPipe copy = reload(new StoredPipe(copyId, 0, "", "", "", 0, false, "", List.of(), null, null));
        assertThat(copy).isNotNull();
        assertThat(copy.ownerId()).isEqualTo(server.sluice.users().findByEmail(OTHER).orElseThrow().id());
        assertThat(copy.title()).isEqualTo("Fork of Shared news");
        assertThat(copy.isPublic()).isFalse();
        assertThat(other.get(Visitor.location(forked)).body()).contains("This is your private copy");
    }

    @Test
    void anonymousFormPostsAreSentToLogInAndChangeNothing() {
        StoredPipe shared = pipe("Shared news", true);
        for (String action : List.of("like", "fork", "delete", "unshare", "tags", "duplicate")) {
            HttpResponse<String> r = anonymous.post("/pipe/" + shared.id() + "/" + action);
            assertThat(r.statusCode()).as(action).isEqualTo(303);
            assertThat(Visitor.location(r)).isEqualTo("/login?next=%2Fpipe%2F" + shared.id());
        }
        assertThat(reload(shared)).isEqualTo(shared);
        assertThat(server.sluice.pipeRepository().countByOwner(shared.ownerId())).isEqualTo(1);
    }

    @Test
    void aForgedCrossSitePostChangesNothing() {
        StoredPipe shared = pipe("Shared news", true, "news");
        for (String action : List.of("delete", "unshare", "tags", "duplicate")) {
            HttpResponse<String> r = owner.postFrom("https://evil.example", "/pipe/" + shared.id() + "/" + action, "tags", "pwned");
            assertThat(r.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(other.postFrom("https://evil.example", "/pipe/" + shared.id() + "/like").statusCode()).isEqualTo(403);
        assertThat(reload(shared)).isEqualTo(shared);
        assertThat(anonymous.get("/pipe/" + shared.id()).body()).contains("0 likes");
        assertThat(server.sluice.pipeRepository().countByOwner(shared.ownerId())).isEqualTo(1);
    }

    @Test
    void sharingAnUntitledPipeAsksForATitleFirst() {
        StoredPipe untitled = pipe("", false);
        String page = owner.get("/pipe/" + untitled.id()).body();
        assertThat(page).contains("Untitled pipe").contains("name=\"title\"");

        HttpResponse<String> refused = owner.post("/pipe/" + untitled.id() + "/share");
        assertThat(Visitor.location(refused)).endsWith("?notice=needs-title");
        assertThat(owner.get(Visitor.location(refused)).body()).contains("Give the pipe a title before sharing it.");
        assertThat(reload(untitled).isPublic()).isFalse();

        HttpResponse<String> shared = owner.post("/pipe/" + untitled.id() + "/share", "title", "  Morning digest ");
        assertThat(Visitor.location(shared)).endsWith("?notice=shared");
        assertThat(reload(untitled).isPublic()).isTrue();
        assertThat(reload(untitled).title()).isEqualTo("Morning digest");
        assertThat(anonymous.get("/pipes").body()).contains("Morning digest");

        owner.post("/pipe/" + untitled.id() + "/unshare");
        assertThat(reload(untitled).isPublic()).isFalse();
        assertThat(anonymous.get("/pipe/" + untitled.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void tagsAreCommaSeparatedTrimmedAndDeduplicated() {
        StoredPipe pipe = pipe("Tagged", true, "old");
        HttpResponse<String> r = owner.post("/pipe/" + pipe.id() + "/tags", "tags", " Rust, rust ,  Java  Tips,, ");
        assertThat(Visitor.location(r)).endsWith("?notice=tags-saved");
        assertThat(reload(pipe).tags()).containsExactly("java tips", "rust");
        assertThat(owner.get("/pipe/" + pipe.id()).body()).contains("value=\"java tips, rust\"");

        String tooMany = String.join(",", java.util.stream.IntStream.range(0, 25).mapToObj(i -> "t" + i).toList());
        assertThat(Visitor.location(owner.post("/pipe/" + pipe.id() + "/tags", "tags", tooMany))).endsWith("?notice=tags-refused");
        assertThat(reload(pipe).tags()).containsExactly("java tips", "rust");

        owner.post("/pipe/" + pipe.id() + "/tags", "tags", "");
        assertThat(reload(pipe).tags()).isEmpty();
    }

    @Test
    void deletingAsksFirstThenDeletes() {
        StoredPipe pipe = pipe("Doomed", false);
        HttpResponse<String> confirm = owner.get("/pipe/" + pipe.id() + "/delete");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete “Doomed”?").contains("method=\"post\" action=\"/pipe/" + pipe.id() + "/delete\"");
        assertThat(other.get("/pipe/" + pipe.id() + "/delete").statusCode()).isEqualTo(404);
        assertThat(reload(pipe)).isNotNull();

        HttpResponse<String> deleted = owner.post("/pipe/" + pipe.id() + "/delete");
        assertThat(Visitor.location(deleted)).isEqualTo("/mypipes?notice=deleted");
        assertThat(reload(pipe)).isNull();
        assertThat(owner.get("/mypipes?notice=deleted").body()).contains("The pipe was deleted.").doesNotContain("Doomed");
        assertThat(owner.get("/pipe/" + pipe.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void duplicatingMakesAPrivateCopyUntilThePlanIsFull() {
        StoredPipe pipe = pipe("Original", true, "x");
        HttpResponse<String> r = owner.post("/pipe/" + pipe.id() + "/duplicate");
        assertThat(Visitor.location(r)).endsWith("?notice=forked");
        assertThat(server.sluice.pipeRepository().countByOwner(pipe.ownerId())).isEqualTo(2);

        int max = server.sluice.plans().get("free").maxPipes();
        while (server.sluice.pipeRepository().countByOwner(pipe.ownerId()) < max) {
            pipe("Filler", false);
        }
        HttpResponse<String> full = owner.post("/pipe/" + pipe.id() + "/duplicate");
        assertThat(Visitor.location(full)).isEqualTo("/pipe/" + pipe.id() + "?notice=plan-limit");
        assertThat(server.sluice.pipeRepository().countByOwner(pipe.ownerId())).isEqualTo(max);
        assertThat(owner.get("/mypipes").body()).contains(max + " of " + max).doesNotContain("class=\"button\" href=\"/editor\"");
    }

    @Test
    void theHistorySaysWhatChangedAndRollingBackSavesTheOldVersionAgain() {
        StoredPipe pipe = pipe("Evolving", false);
        String v2 = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
                + "\"inputs\":[{\"from\":\"aaaaaaaaaa\",\"from_output_slot\":0}],\"textinputs\":[]},"
                + "{\"id\":\"aaaaaaaaaa\",\"type\":\"FeedBlock\",\"name\":\"News <feed>\",\"x\":10,\"y\":10,"
                + "\"userinputs\":[\"http://127.0.0.1:9/a.xml\"],\"inputs\":[],\"textinputs\":[{}]}]}";
        StoredPipe saved = server.update(pipe, v2);
        String page = owner.get("/pipe/" + pipe.id()).body();
        assertThat(page).contains("Version 2").contains("Added &quot;News &lt;feed&gt;&quot; (FeedBlock)")
                .contains("Changed the connections of block OutputBlock").contains("Created")
                .contains("action=\"/pipe/" + pipe.id() + "/versions/1/rollback\"")
                .doesNotContain("action=\"/pipe/" + pipe.id() + "/versions/2/rollback\"");

        HttpResponse<String> r = owner.post("/pipe/" + pipe.id() + "/versions/1/rollback");
        assertThat(Visitor.location(r)).endsWith("?notice=rolled-back");
        StoredPipe after = reload(pipe);
        assertThat(after.version()).isEqualTo(3);
        assertThat(after.json()).isEqualTo(pipe.json()).isNotEqualTo(saved.json());
        assertThat(owner.get("/pipe/" + pipe.id()).body()).contains("Version 3").contains("Removed");
        assertThat(owner.post("/pipe/" + pipe.id() + "/versions/99/rollback").statusCode()).isEqualTo(404);
    }

    @Test
    void theThumbnailDrawsTheGraphWithEscapedLabels() {
        StoredPipe pipe = server.save(OWNER, "Pic", "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"x\":300,\"y\":50,"
                + "\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}]},{\"id\":\"f\",\"type\":\"FeedBlock\",\"x\":0,\"y\":0,"
                + "\"name\":\"<script>alert(1)</script>\",\"userinputs\":[\"http://127.0.0.1:9/x\"]}]}", true);
        HttpResponse<String> r = anonymous.get("/pipe/" + pipe.id() + "/thumbnail.svg?v=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age");
        assertThat(r.body()).startsWith("<svg").contains("<line").contains("&lt;script&gt;").doesNotContain("<script");
    }

    @Test
    void feedRequestsAreCountedInMemoryAndReachTheGalleryOnlyWhenFlushed() {
        StoredPipe shared = pipe("Popular", true);
        for (int i = 0; i < 3; i++) {
            assertThat(anonymous.get("/feed/" + shared.id()).statusCode()).isEqualTo(200);
        }
        assertThat(anonymous.get("/feed/" + shared.id() + ".atom").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/feed/nosuchpipe").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/pipes").body()).as("no write per request").contains("used 0 times");
        server.sluice.flushUsage();
        assertThat(anonymous.get("/pipes").body()).contains("used 4 times");
        server.sluice.flushUsage();
        assertThat(anonymous.get("/pipes").body()).as("a flush adds only what was counted since the last").contains("used 4 times");
    }
}
