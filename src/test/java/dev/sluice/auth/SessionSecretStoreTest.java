package dev.sluice.auth;

import dev.sluice.store.Stores;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.Database;
import dev.sluice.testing.TestClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets are made once and kept: the same after a restart, never per boot. */
class SessionSecretStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSecretIsGeneratedOnceAndKeptAcrossRestarts() {
        byte[] first;
        byte[] other;
        try (Database db = Database.open(dir)) {
            ServerSecrets store = new ServerSecrets(Stores.on(db).secrets(), new TestClock());
            first = store.get(ServerSecrets.TOKEN_PEPPER);
            other = store.get("another");
            assertThat(first).hasSize(32).isEqualTo(store.get(ServerSecrets.TOKEN_PEPPER));
            assertThat(other).isNotEqualTo(first);
        }
        try (Database db = Database.open(dir)) {
            assertThat(new ServerSecrets(Stores.on(db).secrets(), new TestClock()).get(ServerSecrets.TOKEN_PEPPER)).isEqualTo(first);
        }
    }

    @Test
    void twoStoresOnOneDatabaseAgree() {
        try (Database db = Database.open(dir)) {
            byte[] a = new ServerSecrets(Stores.on(db).secrets(), new TestClock()).get(ServerSecrets.TOKEN_PEPPER);
            byte[] b = new ServerSecrets(Stores.on(db).secrets(), new TestClock()).get(ServerSecrets.TOKEN_PEPPER);
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void aCallerCannotChangeTheStoredSecretThroughTheReturnedArray() {
        try (Database db = Database.open(dir)) {
            ServerSecrets store = new ServerSecrets(Stores.on(db).secrets(), new TestClock());
            byte[] given = store.get(ServerSecrets.TOKEN_PEPPER);
            byte[] copy = given.clone();
            given[0] ^= 1;
            assertThat(store.get(ServerSecrets.TOKEN_PEPPER)).isEqualTo(copy);
        }
    }
}
