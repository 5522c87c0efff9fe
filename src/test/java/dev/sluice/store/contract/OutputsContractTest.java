package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.LastOutput;
import dev.sluice.model.StoredPipe;
import dev.sluice.store.FirstSeenRepository;
import dev.sluice.store.LastOutputRepository;
import dev.sluice.store.jdbc.JdbcFirstSeenRepository;
import dev.sluice.store.jdbc.JdbcLastOutputRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Last good outputs (bytes exact, one per pipe and parameters, the newer computation wins even
 * when an older one is saved later) and first-seen dates (the first date stays, also for another
 * process and for racing runs).
 */
@BothDialects
class OutputsContractTest extends StoreContract {
    static LastOutput output(String pipe, String params, int version, byte[] feed, Instant computed) {
        return new LastOutput(pipe, params, version, feed, "tag-" + version, computed, computed.minusSeconds(60));
    }

    @Test
    void anOutputComesBackByteForByte() {
        LastOutputRepository outputs = new JdbcLastOutputRepository(db);
        StoredPipe p = pipe(user("jo@example.org"), "p");
        byte[] feed = new byte[70_000];
        for (int i = 0; i < feed.length; i++) {
            feed[i] = (byte) (i * 31);
        }
        outputs.save(output(p.id(), "", 1, feed, T0));
        outputs.save(output(p.id(), "q=x", 1, "{\"é\":\"東京\"}".getBytes(StandardCharsets.UTF_8), T0));

        LastOutput back = outputs.find(p.id(), "").orElseThrow();
        assertThat(back.feedJson()).isEqualTo(feed);
        assertThat(back.contentTag()).isEqualTo("tag-1");
        assertThat(back.computedAt()).isEqualTo(T0);
        assertThat(back.changedAt()).isEqualTo(T0.minusSeconds(60));
        assertThat(new String(outputs.find(p.id(), "q=x").orElseThrow().feedJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"é\":\"東京\"}");
        assertThat(outputs.find(p.id(), "q=y")).isEmpty();
    }

    @Test
    void theNewerComputationWinsWhateverTheOrderOfSaving() {
        LastOutputRepository outputs = new JdbcLastOutputRepository(db);
        StoredPipe p = pipe(user("jo@example.org"), "p");
        outputs.save(output(p.id(), "", 1, new byte[] {1}, T0));
        outputs.save(output(p.id(), "", 2, new byte[] {2}, T0.plusSeconds(10)));
        outputs.save(output(p.id(), "", 3, new byte[] {3}, T0.plusSeconds(5)));
        assertThat(outputs.find(p.id(), "").orElseThrow().version()).as("the late save of an older run loses").isEqualTo(2);
        outputs.save(output(p.id(), "", 4, new byte[] {4}, T0.plusSeconds(10)));
        assertThat(outputs.find(p.id(), "").orElseThrow().feedJson()).as("an equally new one replaces").containsExactly(4);
        assertThat(count("last_outputs")).isEqualTo(1);
    }

    @Test
    void aPipesOutputsGoWithIt() {
        LastOutputRepository outputs = new JdbcLastOutputRepository(db);
        StoredPipe p = pipe(user("jo@example.org"), "p");
        outputs.save(output(p.id(), "", 1, new byte[] {1}, T0));
        pipes.delete(p.id());
        assertThat(outputs.find(p.id(), "")).isEmpty();
    }

    @Test
    void theFirstSeenDateStays() {
        FirstSeenRepository dates = new JdbcFirstSeenRepository(db);
        assertThat(dates.firstSeen("p", "b", "guid-1", T0)).isEqualTo(T0);
        assertThat(dates.firstSeen("p", "b", "guid-1", T0.plusSeconds(60))).isEqualTo(T0);
        assertThat(new JdbcFirstSeenRepository(db).firstSeen("p", "b", "guid-1", T0.plusSeconds(120)))
                .as("another process reads the stored date").isEqualTo(T0);
        assertThat(dates.firstSeen("p", "b2", "guid-1", T0.plusSeconds(5))).as("another block").isEqualTo(T0.plusSeconds(5));
        assertThat(dates.firstSeen("p", "b", "guid-\u00e9\u6771", T0.plusSeconds(7))).isEqualTo(T0.plusSeconds(7));
        assertThat(new JdbcFirstSeenRepository(db).firstSeen("p", "b", "guid-\u00e9\u6771", T0.plusSeconds(9)))
                .isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void racingRunsAgreeOnTheFirstSeenDate() throws Exception {
        List<Instant> seen = race(List.of(
                () -> new JdbcFirstSeenRepository(db).firstSeen("p", "b", "g", T0),
                () -> new JdbcFirstSeenRepository(db).firstSeen("p", "b", "g", T0.plusSeconds(1)),
                () -> new JdbcFirstSeenRepository(db).firstSeen("p", "b", "g", T0.plusSeconds(2)),
                () -> new JdbcFirstSeenRepository(db).firstSeen("p", "b", "g", T0.plusSeconds(3))));
        assertThat(seen).containsOnly(seen.get(0));
    }
}
