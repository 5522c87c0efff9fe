package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accounts: one per address whatever its case or spacing, even when sign-ups race; ids from the database. */
@BothDialects
class UserContractTest extends StoreContract {

    @Test
    void theSameAddressTwiceIsOneAccount() {
        User jo = users.findOrCreate("Jo@Example.org");
        assertThat(jo.email()).isEqualTo("jo@example.org");
        assertThat(jo.plan()).isEqualTo("free");
        assertThat(users.findOrCreate("  jo@example.ORG ")).isEqualTo(jo);
        assertThat(users.findByEmail("JO@example.org")).contains(jo);
        assertThat(users.find(jo.id())).contains(jo);
        assertThat(count("users")).isEqualTo(1);
    }

    @Test
    void eachAccountGetsItsOwnId() {
        User jo = users.findOrCreate("jo@example.org");
        User ann = users.findOrCreate("ann@example.org");
        assertThat(ann.id()).isNotEqualTo(jo.id());
        assertThat(users.find(ann.id()).orElseThrow().email()).isEqualTo("ann@example.org");
        assertThat(users.find(Math.max(jo.id(), ann.id()) + 1000)).isEmpty();
        assertThat(users.findByEmail("nobody@example.org")).isEmpty();
    }

    @Test
    void racingSignUpsOfOneAddressMakeOneAccount() throws Exception {
        List<User> made = race(times(8, () -> users.findOrCreate("jo@example.org")));
        assertThat(made).containsOnly(made.get(0));
        assertThat(count("users")).isEqualTo(1);
    }

    @Test
    void aPlanIsSetByAddress() {
        User jo = users.findOrCreate("jo@example.org");
        assertThat(users.setPlan("JO@example.org", "pro")).isTrue();
        assertThat(users.find(jo.id()).orElseThrow().plan()).isEqualTo("pro");
        assertThat(users.setPlan("nobody@example.org", "pro")).isFalse();
    }
}
