package dev.sluice.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.PipeRepository;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public gallery over HTTP with 100 public pipes (and private ones it must never show):
 * twelve a page, search, tag filter, and each order — checked against what the test knows it
 * made: pipe i was shared i minutes after the first, has i % 7 likes and i % 5 feed requests.
 */
class GalleryTest {
    static final int PUBLIC = 100;
    static final int LIKERS = 6;

    record Made(StoredPipe pipe, int index, int likes, int uses) {
    }

    static TestServer server;
    static final List<Made> made = new ArrayList<>();

    @BeforeAll
    static void fill() {
        server = Visitor.server();
        server.sluice.users().findOrCreate("gallery@example.org");
        server.sluice.users().setPlan("gallery@example.org", "pro");
        long owner = server.sluice.users().findByEmail("gallery@example.org").orElseThrow().id();
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < LIKERS; u++) {
            tokens.add(server.token("liker" + u + "@example.org"));
        }
        for (int i = 0; i < PUBLIC; i++) {
            server.clock.advance(Duration.ofMinutes(1));
            String title = (i % 10 == 3 ? "Weather in Oslo " : "Pipe ") + i;
            List<String> tags = i % 4 == 0 ? List.of("science", "t" + i) : List.of("t" + i);
            StoredPipe pipe = create(owner, title, i % 9 == 0 ? "Climate data for " + i : "", true, tags);
            int likes = i % 7;
            for (int u = 0; u < Math.min(likes, LIKERS); u++) {
                assertThat(server.send("POST", "/api/pipes/" + pipe.id() + "/like", tokens.get(u), null).statusCode()).isEqualTo(200);
            }
            int uses = i % 5;
            for (int n = 0; n < uses; n++) {
                assertThat(server.get("/feed/" + pipe.id()).statusCode()).isEqualTo(200);
            }
            made.add(new Made(pipe, i, Math.min(likes, LIKERS), uses));
        }
        create(owner, "Weather private", "Climate data", false, List.of("science"));
        server.sluice.flushUsage();
    }

    static StoredPipe create(long owner, String title, String description, boolean isPublic, List<String> tags) {
        try {
            return server.sluice.pipes().create(owner, new PipeRepository.Draft(title, description, PipePagesTest.EMPTY, isPublic, tags));
        } catch (PipeFormatException e) {
            throw new AssertionError(e);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> listed(String query) {
        HttpResponse<String> r = server.get("/pipes" + query);
        assertThat(r.statusCode()).isEqualTo(200);
        return Visitor.listedPipes(r.body());
    }

    /** Every page of a query, in order, with each page's size checked. */
    static List<String> allPages(String query) {
        List<String> all = new ArrayList<>();
        for (int page = 1; page <= 20; page++) {
            List<String> ids = listed(query + "&page=" + page);
            if (ids.isEmpty()) {
                break;
            }
            assertThat(ids.size()).isLessThanOrEqualTo(12);
            all.addAll(ids);
        }
        return all;
    }

    static List<String> ids(Stream<Made> pipes) {
        return pipes.map(m -> m.pipe().id()).toList();
    }

    /** Newest first = the order the test shared them, reversed. */
    static final Comparator<Made> NEWEST = Comparator.comparingInt(Made::index).reversed();

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("likes", Comparator.comparingInt(Made::likes).reversed().thenComparing(NEWEST)),
                Arguments.of("newest", NEWEST),
                Arguments.of("used", Comparator.comparingInt(Made::uses).reversed().thenComparing(NEWEST)));
    }

    @ParameterizedTest(name = "ordered by {0}")
    @MethodSource("orders")
    void eachOrderPagesThroughEveryPublicPipeOnce(String sort, Comparator<Made> expected) {
        List<String> all = allPages("?sort=" + sort);
        assertThat(all).hasSize(PUBLIC).doesNotHaveDuplicates();
        assertThat(all).isEqualTo(ids(made.stream().sorted(expected)));
    }

    @Test
    void pagesHoldTwelveAndLinkToTheirNeighbours() {
        HttpResponse<String> first = server.get("/pipes?sort=newest");
        assertThat(Visitor.listedPipes(first.body())).hasSize(12);
        assertThat(first.body()).contains("100 pipes").contains("page 1 of 9").contains("rel=\"next\" href=\"/pipes?sort=newest&amp;page=2\"")
                .doesNotContain("rel=\"prev\"");
        HttpResponse<String> last = server.get("/pipes?sort=newest&page=9");
        assertThat(Visitor.listedPipes(last.body())).hasSize(4);
        assertThat(last.body()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(listed("?sort=newest&page=10")).isEmpty();
        assertThat(listed("?page=nonsense")).hasSize(12);
        assertThat(listed("?page=-3")).isEqualTo(listed("?page=1"));
    }

    @Test
    void searchFindsWordsInTitlesDescriptionsAndTagsOfPublicPipesOnly() {
        assertThat(new HashSet<>(allPages("?sort=newest&q=oslo")))
                .isEqualTo(Set.copyOf(ids(made.stream().filter(m -> m.index() % 10 == 3))));
        assertThat(new HashSet<>(allPages("?sort=newest&q=CLIMATE")))
                .isEqualTo(Set.copyOf(ids(made.stream().filter(m -> m.index() % 9 == 0))));
        assertThat(allPages("?sort=newest&q=t42")).containsExactly(made.get(42).pipe().id());
        assertThat(new HashSet<>(allPages("?sort=newest&q=weather+oslo+13"))).containsExactly(made.get(13).pipe().id());
        assertThat(listed("?q=%25")).isEmpty();
        assertThat(listed("?q=nothing-like-this")).isEmpty();
        assertThat(server.get("/pipes?q=private").body()).doesNotContain("Weather private");
    }

    @Test
    void theTagFilterNarrowsToPipesCarryingTheTag() {
        List<String> science = allPages("?sort=newest&tag=Science");
        assertThat(science).isEqualTo(ids(made.stream().filter(m -> m.index() % 4 == 0).sorted(NEWEST)));
        assertThat(allPages("?sort=newest&tag=science&q=climate"))
                .isEqualTo(ids(made.stream().filter(m -> m.index() % 36 == 0).sorted(NEWEST)));
        assertThat(listed("?tag=t4")).containsExactly(made.get(4).pipe().id());
        assertThat(listed("?tag=t")).isEmpty();
    }
}
