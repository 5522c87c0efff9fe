package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.User;
import dev.sluice.store.ApiTokenStore;
import dev.sluice.store.ApiTokenStore.Token;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * API tokens: ids from the insert itself, listed newest first, found by hash while live, revoked
 * only by their owner, and capped per user even when creations race.
 */
@BothDialects
class ApiTokenContractTest extends StoreContract {

    @Test
    void aCreatedTokenHasItsOwnIdAndIsFoundByItsHash() {
        ApiTokenStore tokens = stores.apiTokens();
        User jo = user("jo@example.org");
        long first = tokens.create(jo.id(), "laptop", "hash-1", 1_000, 10).orElseThrow();
        long second = tokens.create(jo.id(), "phone", "hash-2", 2_000, 10).orElseThrow();
        assertThat(second).isNotEqualTo(first);

        assertThat(tokens.findLive("hash-1")).contains(new Token(first, jo.id(), "laptop", 1_000, null));
        tokens.touch(first, 5_000);
        assertThat(tokens.findLive("hash-1").orElseThrow().lastUsedAtMillis()).isEqualTo(5_000L);
        assertThat(tokens.findLive("no-such-hash")).isEmpty();
    }

    @Test
    void liveTokensAreListedNewestFirst() {
        ApiTokenStore tokens = stores.apiTokens();
        User jo = user("jo@example.org");
        tokens.create(jo.id(), "b", "h-b", 2_000, 10);
        tokens.create(jo.id(), "c", "h-c", 3_000, 10);
        tokens.create(jo.id(), "a", "h-a", 1_000, 10);
        tokens.create(user("ann@example.org").id(), "ann's", "h-ann", 4_000, 10);
        assertThat(tokens.live(jo.id())).extracting(Token::name).containsExactly("c", "b", "a");
    }

    @Test
    void onlyTheOwnerRevokesAndARevokedTokenNoLongerCounts() {
        ApiTokenStore tokens = stores.apiTokens();
        User jo = user("jo@example.org");
        User ann = user("ann@example.org");
        long id = tokens.create(jo.id(), "laptop", "hash-1", 1_000, 2).orElseThrow();
        tokens.create(jo.id(), "phone", "hash-2", 1_000, 2);
        assertThat(tokens.create(jo.id(), "third", "hash-3", 1_000, 2)).as("at the limit").isEmpty();

        assertThat(tokens.revoke(ann.id(), id, 2_000)).as("not ann's token").isFalse();
        assertThat(tokens.findLive("hash-1")).isPresent();
        assertThat(tokens.revoke(jo.id(), id, 2_000)).isTrue();
        assertThat(tokens.revoke(jo.id(), id, 3_000)).as("already revoked").isFalse();
        assertThat(tokens.findLive("hash-1")).isEmpty();
        assertThat(tokens.live(jo.id())).extracting(Token::name).containsExactly("phone");
        assertThat(tokens.create(jo.id(), "third", "hash-3", 4_000, 2)).as("room again").isPresent();
    }

    @Test
    void racingCreationsStopAtTheLimit() throws Exception {
        ApiTokenStore tokens = stores.apiTokens();
        User jo = user("jo@example.org");
        AtomicInteger n = new AtomicInteger();
        List<OptionalLong> results = race(times(8, () -> tokens.create(jo.id(), "t", "hash-" + n.incrementAndGet(), 1_000, 3)));
        assertThat(results).filteredOn(OptionalLong::isPresent).hasSize(3);
        assertThat(tokens.live(jo.id())).hasSize(3);
    }
}
