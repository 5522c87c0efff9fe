package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.PipeGallery;
import dev.sluice.store.PipeGallery.Entry;
import dev.sluice.store.PipeGallery.Order;
import dev.sluice.store.PipeGallery.Page;
import dev.sluice.store.PipeGallery.Query;
import dev.sluice.store.PipeLikes;
import dev.sluice.store.PipeRepository.Details;
import dev.sluice.store.PipeUsage;
import dev.sluice.store.jdbc.JdbcPipeGallery;
import dev.sluice.store.jdbc.JdbcPipeLikes;
import dev.sluice.store.jdbc.JdbcPipeUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public gallery: only shared pipes, in each of its three orders, paged without overlap,
 * searched case-insensitively over title, description and tags (every word must match, LIKE's
 * wildcards taken literally), narrowed to a tag, with tags sorted and likes and uses counted.
 */
@BothDialects
class GalleryContractTest extends StoreContract {

    PipeGallery gallery() {
        return new JdbcPipeGallery(db);
    }

    List<String> titles(Query q) {
        return gallery().find(q).entries().stream().map(Entry::title).toList();
    }

    List<String> search(String words) {
        return titles(new Query(words, "", Order.NEWEST, 1));
    }

    StoredPipe shared(User owner, String title, String description, String... tags) {
        clock.advance(Duration.ofMinutes(1)); // each shared a minute after the last: a clear newest-first order
        return publicPipe(owner, title, description, tags);
    }

    @Test
    void onlySharedPipesAreListedNewestFirstWithSortedTags() {
        User jo = user("jo@example.org");
        shared(jo, "First", "", "zebra", "apple");
        pipe(jo, "Private");
        StoredPipe unshared = shared(jo, "Unshared later", "");
        pipes.updateDetails(unshared.id(), new Details("Unshared later", "", false, List.of()));
        shared(jo, "Second", "");

        Page page = gallery().find(new Query("", "", Order.NEWEST, 1));
        assertThat(page.entries()).extracting(Entry::title).containsExactly("Second", "First");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.entries().get(1).tags()).containsExactly("apple", "zebra");
    }

    @Test
    void likesAndUsesOrderTheGalleryAndAreCounted() {
        User jo = user("jo@example.org");
        User ann = user("ann@example.org");
        User bo = user("bo@example.org");
        StoredPipe a = shared(jo, "A", "");
        StoredPipe b = shared(jo, "B", "");
        StoredPipe c = shared(jo, "C", "");
        PipeLikes likes = new JdbcPipeLikes(db, clock);
        likes.like(a.id(), ann.id());
        likes.like(a.id(), bo.id());
        likes.like(b.id(), ann.id());
        PipeUsage usage = new JdbcPipeUsage(db);
        for (int i = 0; i < 5; i++) {
            usage.count(b.id());
        }
        usage.count(c.id());
        assertThat(usage.flush()).isEqualTo(2);
        usage.count(c.id());
        usage.flush();

        assertThat(titles(new Query("", "", Order.LIKES, 1))).containsExactly("A", "B", "C");
        assertThat(titles(new Query("", "", Order.MOST_USED, 1))).containsExactly("B", "C", "A");
        assertThat(titles(new Query("", "", Order.NEWEST, 1))).containsExactly("C", "B", "A");
        Entry first = gallery().find(new Query("", "", Order.LIKES, 1)).entries().get(0);
        assertThat(first.likes()).isEqualTo(2);
        assertThat(gallery().find(new Query("", "", Order.MOST_USED, 1)).entries()).extracting(Entry::uses)
                .containsExactly(5L, 2L, 0L);
    }

    @Test
    void pagesCoverEveryPipeOnceInEachOrder() {
        User jo = user("jo@example.org");
        PipeLikes likes = new JdbcPipeLikes(db, clock);
        User fan = user("fan@example.org");
        for (int i = 0; i < 2 * PipeGallery.PAGE_SIZE + 3; i++) {
            StoredPipe p = shared(jo, "Pipe " + i, "");
            if (i % 3 == 0) {
                likes.like(p.id(), fan.id()); // ties among the liked and among the others
            }
        }
        for (Order order : Order.values()) {
            Set<String> seen = new HashSet<>();
            List<Integer> sizes = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                Page page = gallery().find(new Query("", "", order, n));
                assertThat(page.total()).isEqualTo(27);
                assertThat(page.pages()).isEqualTo(3);
                sizes.add(page.entries().size());
                page.entries().forEach(e -> assertThat(seen.add(e.id())).as("%s lists %s once", order, e.title()).isTrue());
            }
            assertThat(sizes).containsExactly(12, 12, 3);
            assertThat(gallery().find(new Query("", "", order, 4)).entries()).isEmpty();
        }
    }

    @Test
    void searchIgnoresCaseAndLooksAtTitleDescriptionAndTags() {
        User jo = user("jo@example.org");
        shared(jo, "Weather Report", "rain and sun");
        shared(jo, "Daily news", "The WEATHER of the day");
        shared(jo, "Tagged", "", "weather");
        shared(jo, "Unrelated", "nothing here");

        assertThat(search("weather")).containsExactlyInAnyOrder("Weather Report", "Daily news", "Tagged");
        assertThat(search("WeAtHeR")).containsExactlyInAnyOrder("Weather Report", "Daily news", "Tagged");
        assertThat(search("weather DAY")).as("every word must match").containsExactly("Daily news");
        assertThat(search("  ")).hasSize(4);
        assertThat(search("snow")).isEmpty();
        assertThat(gallery().find(new Query("WEATHER", "", Order.NEWEST, 1)).total()).isEqualTo(3);
    }

    @Test
    void aWordMatchesAsTypedOutsideAsciiToo() {
        User jo = user("jo@example.org");
        shared(jo, "ÉCOLE Übersicht", "Crème brûlée, 東京");
        shared(jo, "Other", "");
        assertThat(search("ÉCOLE")).containsExactly("ÉCOLE Übersicht");
        assertThat(search("Übersicht")).containsExactly("ÉCOLE Übersicht");
        assertThat(search("brûlée")).containsExactly("ÉCOLE Übersicht");
        assertThat(search("CRÈME")).as("ASCII letters fold, the rest as typed").containsExactly("ÉCOLE Übersicht");
        assertThat(search("東京")).containsExactly("ÉCOLE Übersicht");
    }

    @Test
    void likeWildcardsInASearchAreTakenLiterally() {
        User jo = user("jo@example.org");
        shared(jo, "100% pure", "");
        shared(jo, "1000 feeds", "");
        shared(jo, "snake_case", "");
        shared(jo, "snakeXcase", "");
        shared(jo, "back\\slash", "");
        assertThat(search("100%")).containsExactly("100% pure");
        assertThat(search("1_0")).isEmpty();
        assertThat(search("snake_case")).containsExactly("snake_case");
        assertThat(search("%")).containsExactly("100% pure");
        assertThat(search("k\\s")).containsExactly("back\\slash");
    }

    @Test
    void aTagNarrowsTheGallery() {
        User jo = user("jo@example.org");
        shared(jo, "Both", "", "news", "tech");
        shared(jo, "News only", "", "news");
        shared(jo, "Newsletter", "", "newsletter");
        assertThat(titles(new Query("", "news", Order.NEWEST, 1))).containsExactly("News only", "Both");
        assertThat(titles(new Query("both", "news", Order.NEWEST, 1))).containsExactly("Both");
        assertThat(titles(new Query("", "none", Order.NEWEST, 1))).isEmpty();
    }
}
