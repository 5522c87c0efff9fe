package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.User;
import dev.sluice.store.EmailChangeStore;
import dev.sluice.store.EmailChangeStore.Applied;
import dev.sluice.store.EmailChangeStore.Change;
import dev.sluice.store.EmailChangeStore.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Changes of an account's address: applied once (a racing second click finds it used), refused
 * while another account has the address, not applied after expiry, purged a while after.
 */
@BothDialects
class EmailChangeContractTest extends StoreContract {

    @Test
    void aChangeIsFoundThenAppliedOnce() {
        EmailChangeStore changes = stores.emailChanges();
        User jo = user("jo@example.org");
        changes.issue("t1", jo.id(), "jo@new.example", 1_000, 9_000, 0);
        assertThat(changes.find("t1")).contains(new Change(jo.id(), "jo@new.example", null, 9_000));

        assertThat(changes.apply("t1", jo.id(), "jo@new.example", 2_000))
                .isEqualTo(new Applied(Outcome.CHANGED, "jo@example.org"));
        assertThat(users.find(jo.id()).orElseThrow().email()).isEqualTo("jo@new.example");
        assertThat(users.findByEmail("jo@example.org")).isEmpty();
        assertThat(changes.find("t1").orElseThrow().usedAtMillis()).isEqualTo(2_000L);

        assertThat(changes.apply("t1", jo.id(), "jo@new.example", 3_000).outcome()).isEqualTo(Outcome.ALREADY_USED);
    }

    @Test
    void anAddressAnotherAccountHasIsNotTakenAndTheLinkStaysUsable() {
        EmailChangeStore changes = stores.emailChanges();
        User jo = user("jo@example.org");
        user("ann@example.org");
        changes.issue("t1", jo.id(), "ann@example.org", 1_000, 9_000, 0);

        assertThat(changes.apply("t1", jo.id(), "ann@example.org", 2_000).outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(users.find(jo.id()).orElseThrow().email()).isEqualTo("jo@example.org");
        assertThat(changes.find("t1").orElseThrow().usedAtMillis()).as("not used up").isNull();
    }

    @Test
    void anExpiredChangeOrAnotherUsersLinkChangesNothing() {
        EmailChangeStore changes = stores.emailChanges();
        User jo = user("jo@example.org");
        User ann = user("ann@example.org");
        changes.issue("t1", jo.id(), "jo@new.example", 1_000, 2_000, 0);

        assertThat(changes.apply("t1", jo.id(), "jo@new.example", 2_000).outcome()).isEqualTo(Outcome.ALREADY_USED);
        assertThat(changes.apply("t1", ann.id(), "jo@new.example", 1_500).outcome()).isEqualTo(Outcome.ALREADY_USED);
        assertThat(users.find(jo.id()).orElseThrow().email()).isEqualTo("jo@example.org");
        assertThat(users.find(ann.id()).orElseThrow().email()).isEqualTo("ann@example.org");
    }

    @Test
    void ofRacingClicksExactlyOneChangesTheAddress() throws Exception {
        EmailChangeStore changes = stores.emailChanges();
        User jo = user("jo@example.org");
        changes.issue("t1", jo.id(), "jo@new.example", 1_000, 60_000, 0);

        List<Applied> results = race(times(6, () -> changes.apply("t1", jo.id(), "jo@new.example", 2_000)));
        assertThat(results).filteredOn(a -> a.outcome() == Outcome.CHANGED).hasSize(1);
        assertThat(results).filteredOn(a -> a.outcome() == Outcome.ALREADY_USED).hasSize(5);
        assertThat(users.find(jo.id()).orElseThrow().email()).isEqualTo("jo@new.example");
    }

    @Test
    void issuingAChangePurgesChangesExpiredBeforeTheCutOff() {
        EmailChangeStore changes = stores.emailChanges();
        User jo = user("jo@example.org");
        changes.issue("old", jo.id(), "a@example.org", 1_000, 2_000, 0);
        changes.issue("recent", jo.id(), "b@example.org", 4_000, 5_000, 0);
        changes.issue("new", jo.id(), "c@example.org", 8_000, 9_000, 3_000);
        assertThat(changes.find("old")).isEmpty();
        assertThat(changes.find("recent")).isPresent();
        assertThat(changes.find("new")).isPresent();
    }
}
