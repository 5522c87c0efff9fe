package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.LastRun;
import dev.sluice.model.RunOutcome;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.PipeLikes;
import dev.sluice.store.PipeRuns;
import dev.sluice.store.PipeUsage;
import dev.sluice.store.jdbc.JdbcPipeLikes;
import dev.sluice.store.jdbc.JdbcPipeRuns;
import dev.sluice.store.jdbc.JdbcPipeUsage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Likes (one per user and pipe), feed-request counts added up in batches, and each pipe's last
 * run (the newest wins, runs of deleted pipes are dropped, the owner's listed together).
 */
@BothDialects
class LikesUsageRunsContractTest extends StoreContract {

    @Test
    void likingTwiceIsOneLikeAndUnlikingTakesItBack() {
        PipeLikes likes = new JdbcPipeLikes(db, clock);
        User jo = user("jo@example.org");
        User ann = user("ann@example.org");
        StoredPipe p = pipe(jo, "p");
        StoredPipe q = pipe(jo, "q");
        pipe(ann, "ann's");

        likes.like(p.id(), ann.id());
        likes.like(p.id(), ann.id());
        likes.like(p.id(), jo.id());
        likes.like(q.id(), ann.id());
        assertThat(likes.count(p.id())).isEqualTo(2);
        assertThat(likes.likedBy(p.id(), ann.id())).isTrue();
        assertThat(likes.countsForOwner(jo.id())).isEqualTo(Map.of(p.id(), 2, q.id(), 1));
        assertThat(likes.countsForOwner(ann.id())).isEmpty();

        likes.unlike(p.id(), ann.id());
        likes.unlike(p.id(), ann.id());
        assertThat(likes.likedBy(p.id(), ann.id())).isFalse();
        assertThat(likes.count(p.id())).isEqualTo(1);
    }

    @Test
    void racingLikesOfOneUserAreOneLike() throws Exception {
        PipeLikes likes = new JdbcPipeLikes(db, clock);
        User ann = user("ann@example.org");
        StoredPipe p = pipe(user("jo@example.org"), "p");
        race(times(6, () -> {
            likes.like(p.id(), ann.id());
            return null;
        }));
        assertThat(likes.count(p.id())).isEqualTo(1);
    }

    @Test
    void requestCountsAreAddedUpAtEachFlush() {
        PipeUsage usage = new JdbcPipeUsage(db);
        StoredPipe p = pipe(user("jo@example.org"), "p");
        assertThat(usage.flush()).as("nothing counted").isZero();
        usage.count(p.id());
        usage.count(p.id());
        usage.count("deleted-meanwhile");
        assertThat(usage.flush()).isEqualTo(2);
        usage.count(p.id());
        assertThat(usage.flush()).isEqualTo(1);
        assertThat(usage.flush()).isZero();
        assertThat(count("pipes", "id = ? AND use_count = 3", p.id())).isEqualTo(1);
    }

    @Test
    void theNewestRunOfEachPipeIsKept() {
        PipeRuns runs = new JdbcPipeRuns(db);
        User jo = user("jo@example.org");
        StoredPipe p = pipe(jo, "p");
        StoredPipe q = pipe(jo, "q");
        StoredPipe other = pipe(user("ann@example.org"), "other");
        runs.record(new LastRun(p.id(), RunOutcome.OK, 0, T0.plusSeconds(10)));
        runs.record(new LastRun(p.id(), RunOutcome.ERRORS, 2, T0.plusSeconds(5)));
        runs.record(new LastRun(q.id(), RunOutcome.TIMED_OUT, 1, T0));
        runs.record(new LastRun(other.id(), RunOutcome.OK, 0, T0));
        runs.record(new LastRun("deleted-meanwhile", RunOutcome.OK, 0, T0));

        assertThat(runs.find(p.id())).as("flushed before reading").contains(new LastRun(p.id(), RunOutcome.OK, 0, T0.plusSeconds(10)));
        runs.record(new LastRun(p.id(), RunOutcome.STALE, 3, T0.plusSeconds(20)));
        runs.flush();
        assertThat(new JdbcPipeRuns(db).find(p.id())).as("read by another node")
                .contains(new LastRun(p.id(), RunOutcome.STALE, 3, T0.plusSeconds(20)));
        assertThat(runs.forOwner(jo.id())).containsOnlyKeys(p.id(), q.id());
        assertThat(runs.forOwner(jo.id()).get(q.id()).outcome()).isEqualTo(RunOutcome.TIMED_OUT);
        assertThat(runs.find("deleted-meanwhile")).isEmpty();
    }
}
