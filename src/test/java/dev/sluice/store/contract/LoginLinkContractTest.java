package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.LoginLinkStore;
import dev.sluice.store.LoginLinkStore.Unusable;
import dev.sluice.store.LoginLinkStore.Used;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Login links: used once (of racing clicks exactly one signs in), told apart when unusable
 * (unknown, expired, used), and purged a while after expiring.
 */
@BothDialects
class LoginLinkContractTest extends StoreContract {

    @Test
    void aLinkSignsInOnceWithItsAddressAndNextPage() {
        LoginLinkStore links = stores.loginLinks();
        links.issue("t1", "jo@example.org", "/pipes/abc", 1_000, 2_000, 0);
        links.issue("t2", "ann@example.org", null, 1_000, 2_000, 0);

        assertThat(links.use("t1", 1_500)).contains(new Used("jo@example.org", "/pipes/abc"));
        assertThat(links.use("t1", 1_600)).as("a second use").isEmpty();
        assertThat(links.whyUnusable("t1")).isEqualTo(Unusable.USED);
        assertThat(links.use("t2", 1_500)).as("no next page is kept as none").contains(new Used("ann@example.org", null));
    }

    @Test
    void anExpiredOrUnknownLinkIsToldApart() {
        LoginLinkStore links = stores.loginLinks();
        links.issue("t1", "jo@example.org", null, 1_000, 2_000, 0);
        assertThat(links.use("t1", 2_000)).as("not usable at its expiry time").isEmpty();
        assertThat(links.whyUnusable("t1")).isEqualTo(Unusable.EXPIRED);
        assertThat(links.use("never-issued", 1_500)).isEmpty();
        assertThat(links.whyUnusable("never-issued")).isEqualTo(Unusable.UNKNOWN);
    }

    @Test
    void ofEightRacingClicksExactlyOneSignsIn() throws Exception {
        LoginLinkStore links = stores.loginLinks();
        links.issue("t1", "jo@example.org", "/", 1_000, 60_000, 0);
        List<Optional<Used>> results = race(times(8, () -> links.use("t1", 2_000)));
        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
    }

    @Test
    void issuingALinkPurgesLinksExpiredBeforeTheCutOff() {
        LoginLinkStore links = stores.loginLinks();
        links.issue("old", "jo@example.org", null, 1_000, 2_000, 0);
        links.issue("recent", "jo@example.org", null, 4_000, 5_000, 0);
        links.issue("new", "jo@example.org", null, 8_000, 9_000, 3_000);

        assertThat(links.whyUnusable("old")).as("expired before the cut-off: gone").isEqualTo(Unusable.UNKNOWN);
        assertThat(links.whyUnusable("recent")).as("expired after the cut-off: still told expired").isEqualTo(Unusable.EXPIRED);
        assertThat(links.use("new", 8_500)).isPresent();
    }
}
