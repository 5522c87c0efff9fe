package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.block.HookEvent;
import dev.sluice.model.StoredPipe;
import dev.sluice.store.HookEvents;
import dev.sluice.store.HookEvents.NewEvent;
import dev.sluice.store.HookStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Accepted webhook events: stored with ids from the insert, bodies byte for byte, a repeated
 * delivery id or (without one) a repeated body within the window stored once — also when the
 * repeats race — read newest first, and deleted in batches by age, beyond the newest N, or all.
 */
@BothDialects
class HookEventsContractTest extends StoreContract {
    static final Duration WINDOW = Duration.ofMinutes(10);

    static NewEvent event(String hook, Instant at, String body, String deliveryId) {
        return event(hook, at, body.getBytes(StandardCharsets.UTF_8), deliveryId);
    }

    static NewEvent event(String hook, Instant at, byte[] body, String deliveryId) {
        return new NewEvent(hook, at, "application/json", body, sha256(body), deliveryId);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyByteOfABodyComesBackAsSentWithItsTypeAndTime() {
        HookEvents events = stores.hookEvents();
        byte[] body = new byte[512];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i; // every byte value, NUL and invalid UTF-8 included
        }
        long id = events.store(new NewEvent("h", T0, "application/octet-stream", body, sha256(body), null), WINDOW)
                .orElseThrow();
        long empty = events.store(new NewEvent("h", T0.plusSeconds(1), "", new byte[0], sha256(new byte[0]), null), WINDOW)
                .orElseThrow();
        assertThat(empty).isGreaterThan(id);

        List<HookEvent> stored = events.recent("h", 10);
        assertThat(stored).extracting(HookEvent::id).containsExactly(empty, id);
        assertThat(stored.get(1).body()).isEqualTo(body);
        assertThat(stored.get(1).contentType()).isEqualTo("application/octet-stream");
        assertThat(stored.get(1).receivedAt()).isEqualTo(T0);
        assertThat(stored.get(0).body()).isEmpty();
    }

    @Test
    void aRepeatedDeliveryIdIsStoredOncePerHook() {
        HookEvents events = stores.hookEvents();
        assertThat(events.store(event("h", T0, "{\"n\":1}", "d-1"), WINDOW)).isPresent();
        assertThat(events.store(event("h", T0.plus(Duration.ofDays(2)), "{\"n\":2}", "d-1"), WINDOW))
                .as("same delivery, even much later and with another body").isEmpty();
        assertThat(events.store(event("other", T0, "{\"n\":1}", "d-1"), WINDOW)).as("another hook").isPresent();
        assertThat(events.store(event("h", T0, "{\"n\":1}", "d-2"), WINDOW))
                .as("a new delivery id with the same body is a new event").isPresent();
        assertThat(events.recent("h", 10)).hasSize(2);
    }

    @Test
    void aRepeatedBodyWithoutDeliveryIdIsStoredOnceWithinTheWindow() {
        HookEvents events = stores.hookEvents();
        assertThat(events.store(event("h", T0, "same", null), WINDOW)).isPresent();
        assertThat(events.store(event("h", T0.plus(Duration.ofMinutes(9)), "same", null), WINDOW)).isEmpty();
        assertThat(events.store(event("other", T0.plus(Duration.ofMinutes(1)), "same", null), WINDOW)).isPresent();
        assertThat(events.store(event("h", T0.plus(Duration.ofMinutes(1)), "different", null), WINDOW)).isPresent();
        assertThat(events.store(event("h", T0.plus(Duration.ofMinutes(11)), "same", null), WINDOW))
                .as("after the window").isPresent();
        assertThat(events.recent("h", 10)).hasSize(3);
    }

    @Test
    void racingRepeatsAreStoredOnce() throws Exception {
        HookEvents events = stores.hookEvents();
        for (int round = 0; round < 10; round++) { // a race lost once in a while must still show
            Instant at = T0.plus(Duration.ofHours(round));
            String delivery = "d-" + round;
            String body = "b" + round;
            List<OptionalLong> byDelivery = race(times(6, () -> events.store(event("h", at, "a", delivery), WINDOW)));
            List<OptionalLong> byBody = race(times(6, () -> events.store(event("h", at, body, null), WINDOW)));
            assertThat(byDelivery).as("round %d by delivery id", round).filteredOn(OptionalLong::isPresent).hasSize(1);
            assertThat(byBody).as("round %d by body", round).filteredOn(OptionalLong::isPresent).hasSize(1);
        }
        assertThat(events.recent("h", 100)).hasSize(20);
    }

    @Test
    void recentEventsComeNewestFirstUpToTheLimit() {
        HookEvents events = stores.hookEvents();
        for (int minute : new int[] {3, 1, 4, 2}) {
            events.store(event("h", T0.plus(Duration.ofMinutes(minute)), "m" + minute, null), WINDOW);
        }
        events.store(event("other", T0.plus(Duration.ofMinutes(9)), "x", null), WINDOW);
        assertThat(events.recent("h", 3)).extracting(e -> new String(e.body(), StandardCharsets.UTF_8))
                .containsExactly("m4", "m3", "m2");
        assertThat(events.recent("none", 3)).isEmpty();
    }

    @Test
    void hooksWithEventsSayWhetherASavedPipeStillHasThem() {
        HookEvents events = stores.hookEvents();
        HookStore hooks = stores.hooks();
        StoredPipe p = pipe(user("jo@example.org"), "p");
        hooks.replace(p.id(), List.of(new HookStore.Row("kept", p.id(), "")));
        events.store(event("kept", T0, "a", null), WINDOW);
        events.store(event("kept", T0.plusSeconds(1), "b", null), WINDOW);
        events.store(event("orphan", T0, "a", null), WINDOW);
        assertThat(events.hooksWithEvents()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("kept", true, "orphan", false));
    }

    @Test
    void oldEventsAreDeletedInBatches() {
        HookEvents events = stores.hookEvents();
        for (int minute = 0; minute < 7; minute++) {
            events.store(event("h", T0.plus(Duration.ofMinutes(minute)), "m" + minute, null), WINDOW);
        }
        events.store(event("other", T0, "x", null), WINDOW);
        Instant cutoff = T0.plus(Duration.ofMinutes(5));
        assertThat(events.deleteOlderThan("h", cutoff, 2)).isEqualTo(2);
        assertThat(events.deleteOlderThan("h", cutoff, 2)).isEqualTo(2);
        assertThat(events.deleteOlderThan("h", cutoff, 2)).isEqualTo(1);
        assertThat(events.deleteOlderThan("h", cutoff, 2)).isZero();
        assertThat(events.recent("h", 10)).extracting(e -> new String(e.body(), StandardCharsets.UTF_8))
                .containsExactly("m6", "m5");
        assertThat(events.recent("other", 10)).hasSize(1);
    }

    @Test
    void eventsBeyondTheNewestAreDeletedInBatchesTiesByArrival() {
        HookEvents events = stores.hookEvents();
        for (int i = 0; i < 6; i++) {
            // two events a minute: ties on the time are broken by the order of arrival
            events.store(event("h", T0.plus(Duration.ofMinutes(i / 2)), "e" + i, null), WINDOW);
        }
        assertThat(events.deleteBeyondNewest("h", 3, 2)).isEqualTo(2);
        assertThat(events.deleteBeyondNewest("h", 3, 2)).isEqualTo(1);
        assertThat(events.deleteBeyondNewest("h", 3, 2)).isZero();
        assertThat(events.recent("h", 10)).extracting(e -> new String(e.body(), StandardCharsets.UTF_8))
                .containsExactly("e5", "e4", "e3");
    }

    @Test
    void allEventsOfAGoneHookAreDeletedInBatches() {
        HookEvents events = stores.hookEvents();
        for (int i = 0; i < 5; i++) {
            events.store(event("gone", T0.plusSeconds(i), "e" + i, null), WINDOW);
        }
        events.store(event("kept", T0, "k", null), WINDOW);
        assertThat(events.deleteAllOf("gone", 3)).isEqualTo(3);
        assertThat(events.deleteAllOf("gone", 3)).isEqualTo(2);
        assertThat(events.deleteAllOf("gone", 3)).isZero();
        assertThat(events.hooksWithEvents()).containsOnlyKeys("kept");
    }
}
