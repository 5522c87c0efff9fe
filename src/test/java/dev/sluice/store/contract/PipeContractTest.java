package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.PipeVersion;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.PipeRepository.Details;
import dev.sluice.store.PipeRepository.Draft;
import dev.sluice.store.PipeVersions;
import dev.sluice.store.jdbc.JdbcPipeVersions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Saved pipes: created, read, saved as new versions (history newest first, every version's JSON
 * kept), details saved without a version, tags sorted and once each, listed newest first per
 * owner, deleted with their history; racing saves each get their own version.
 */
@BothDialects
class PipeContractTest extends StoreContract {
    static final String JSON = "{\"modules\":[{\"id\":\"f\",\"type\":\"fetch\",\"conf\":{\"title\":\"Café – 東京 \\\"q\\\"\"}}]}";

    @Test
    void aCreatedPipeReadsBackAsSaved() {
        User jo = user("jo@example.org");
        StoredPipe p = pipes.create(jo.id(), new Draft(" News ", "All of it", JSON, true, List.of("b", "a", "b")));
        assertThat(p.id()).hasSize(12);
        assertThat(p.version()).isEqualTo(1);
        assertThat(pipes.find(p.id())).contains(p);
        assertThat(p.title()).isEqualTo("News");
        assertThat(p.json()).isEqualTo(JSON);
        assertThat(p.isPublic()).isTrue();
        assertThat(p.feedKey()).hasSize(24);
        assertThat(p.tags()).as("sorted, once each").containsExactly("a", "b");
        assertThat(p.ownerId()).isEqualTo(jo.id());
        assertThat(pipes.find("no-such-pipe")).isEmpty();
    }

    @Test
    void savingMakesANewVersionAndKeepsTheOldOnes() {
        User jo = user("jo@example.org");
        PipeVersions versions = new JdbcPipeVersions(db);
        StoredPipe p = pipes.create(jo.id(), new Draft("v1", "", "{\"v\":1}", false, List.of("x")));
        clock.advance(Duration.ofMinutes(1));
        StoredPipe v2 = pipes.update(p.id(), new Draft("v2", "d", "{\"v\":2}", false, List.of("y"))).orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        StoredPipe v3 = pipes.update(p.id(), new Draft("v3", "d", JSON, false, List.of())).orElseThrow();

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.tags()).containsExactly("y");
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.tags()).isEmpty();
        assertThat(v3.createdAt()).isEqualTo(p.createdAt());
        assertThat(v3.updatedAt()).isAfter(v2.updatedAt());
        assertThat(v3.feedKey()).as("the feed key stays").isEqualTo(p.feedKey());
        assertThat(versions.list(p.id())).extracting(PipeVersion::version, PipeVersion::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "v3"), org.assertj.core.groups.Tuple.tuple(2, "v2"),
                        org.assertj.core.groups.Tuple.tuple(1, "v1"));
        assertThat(versions.find(p.id(), 1).orElseThrow().json()).isEqualTo("{\"v\":1}");
        assertThat(versions.find(p.id(), 3).orElseThrow().json()).isEqualTo(JSON);
        assertThat(versions.find(p.id(), 4)).isEmpty();
        assertThat(pipes.update("no-such-pipe", new Draft("x", "", "{}", false, List.of()))).isEmpty();
    }

    @Test
    void detailsAreSavedWithoutANewVersion() {
        User jo = user("jo@example.org");
        StoredPipe p = pipes.create(jo.id(), new Draft("t", "", JSON, false, List.of("old")));
        StoredPipe after = pipes.updateDetails(p.id(), new Details("New title", "New text", true, List.of("z", "new")))
                .orElseThrow();
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.json()).isEqualTo(JSON);
        assertThat(after.title()).isEqualTo("New title");
        assertThat(after.isPublic()).isTrue();
        assertThat(after.tags()).containsExactly("new", "z");
        assertThat(new JdbcPipeVersions(db).list(p.id())).hasSize(1);
        assertThat(pipes.updateDetails("no-such-pipe", Details.of(p))).isEmpty();
    }

    @Test
    void anOwnersPipesAreListedNewestFirstAndCounted() {
        User jo = user("jo@example.org");
        User ann = user("ann@example.org");
        StoredPipe a = pipe(jo, "a");
        clock.advance(Duration.ofSeconds(1));
        StoredPipe b = pipe(jo, "b");
        clock.advance(Duration.ofSeconds(1));
        pipe(ann, "ann's");
        clock.advance(Duration.ofSeconds(1));
        pipes.update(a.id(), new Draft("a2", "", "{}", false, List.of()));

        assertThat(pipes.listByOwner(jo.id())).extracting(StoredPipe::title).containsExactly("a2", "b");
        assertThat(pipes.countByOwner(jo.id())).isEqualTo(2);
        assertThat(pipes.countByOwner(ann.id())).isEqualTo(1);
        assertThat(b.id()).isNotEqualTo(a.id());
    }

    @Test
    void deletingAPipeDeletesItsHistoryAndTags() {
        User jo = user("jo@example.org");
        StoredPipe p = pipes.create(jo.id(), new Draft("t", "", "{}", true, List.of("x")));
        pipes.update(p.id(), new Draft("t", "", "{}", true, List.of("x")));
        assertThat(pipes.delete(p.id())).isTrue();
        assertThat(pipes.delete(p.id())).isFalse();
        assertThat(pipes.find(p.id())).isEmpty();
        assertThat(new JdbcPipeVersions(db).list(p.id())).isEmpty();
        assertThat(count("pipe_tags", "pipe_id = ?", p.id())).isZero();
    }

    @Test
    void racingSavesEachGetTheirOwnVersion() throws Exception {
        User jo = user("jo@example.org");
        StoredPipe p = pipe(jo, "p");
        List<Optional<StoredPipe>> saved = race(times(6,
                () -> pipes.update(p.id(), new Draft("t", "", "{}", false, List.of("a")))));
        assertThat(saved).allMatch(Optional::isPresent);
        assertThat(saved).extracting(s -> s.orElseThrow().version()).doesNotHaveDuplicates();
        assertThat(pipes.find(p.id()).orElseThrow().version()).isEqualTo(7);
        assertThat(new JdbcPipeVersions(db).list(p.id())).extracting(PipeVersion::version)
                .containsExactly(7, 6, 5, 4, 3, 2, 1);
    }
}
