package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.User;
import dev.sluice.store.SecretStore;
import dev.sluice.store.SessionStore;
import dev.sluice.store.SessionStore.Session;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Server secrets (generated once, the first stored one kept, even by two processes starting
 * together) and browser sessions (found while live, renewed, ended one by one or all of a user,
 * expired ones gone).
 */
@BothDialects
class SessionAndSecretContractTest extends StoreContract {

    @Test
    void theFirstStoredSecretStaysEvenWhenAnotherIsOffered() {
        SecretStore secrets = stores.secrets();
        assertThat(secrets.putIfAbsent("session-key", "first", 1)).isEqualTo("first");
        assertThat(secrets.putIfAbsent("session-key", "second", 2)).isEqualTo("first");
        assertThat(secrets.putIfAbsent("csrf-key", "other", 3)).isEqualTo("other");
    }

    @Test
    void twoProcessesStartingTogetherAgreeOnOneSecret() throws Exception {
        SecretStore secrets = stores.secrets();
        List<Callable<String>> starts = List.of(
                () -> secrets.putIfAbsent("k", "from-a", 1), () -> secrets.putIfAbsent("k", "from-b", 1),
                () -> secrets.putIfAbsent("k", "from-c", 1), () -> secrets.putIfAbsent("k", "from-d", 1));
        List<String> seen = race(starts);
        assertThat(seen).as("every starter sees the one stored value").containsOnly(seen.get(0));
        assertThat(count("secrets", "name = ?", "k")).isEqualTo(1);
    }

    @Test
    void aSessionIsFoundWhileLiveAndRenewed() {
        SessionStore sessions = stores.sessions();
        User jo = user("jo@example.org");
        sessions.start("h1", jo.id(), 1_000, 2_000);
        assertThat(sessions.live("h1", 1_500)).contains(new Session(jo.id(), 1_000));
        assertThat(sessions.live("h1", 2_000)).as("expired at its expiry time").isEmpty();
        assertThat(sessions.live("nope", 1_500)).isEmpty();

        sessions.renew("h1", 1_900, 5_000);
        assertThat(sessions.live("h1", 4_999)).contains(new Session(jo.id(), 1_900));
    }

    @Test
    void startingASessionDropsTheExpiredOnes() {
        SessionStore sessions = stores.sessions();
        User jo = user("jo@example.org");
        sessions.start("old", jo.id(), 1_000, 2_000);
        sessions.start("live", jo.id(), 1_000, 9_000);
        sessions.start("new", jo.id(), 3_000, 9_000);
        assertThat(count("sessions", "id_hash = ?", "old")).isZero();
        assertThat(count("sessions")).isEqualTo(2);
    }

    @Test
    void signingOutEndsOneSessionOrEveryOneOfTheUser() {
        SessionStore sessions = stores.sessions();
        User jo = user("jo@example.org");
        User ann = user("ann@example.org");
        sessions.start("jo-1", jo.id(), 1_000, 9_000);
        sessions.start("jo-2", jo.id(), 1_000, 9_000);
        sessions.start("jo-3", jo.id(), 1_000, 9_000);
        sessions.start("ann", ann.id(), 1_000, 9_000);

        sessions.delete("jo-1");
        assertThat(sessions.live("jo-1", 2_000)).isEmpty();
        assertThat(sessions.deleteAllOf(jo.id())).isEqualTo(2);
        assertThat(sessions.live("jo-2", 2_000)).isEmpty();
        assertThat(sessions.live("ann", 2_000)).as("another user's session stays").isPresent();
    }
}
