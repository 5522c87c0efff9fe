package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * What the stores build on: the readiness probe writes, a transaction that fails leaves nothing
 * behind, and a duplicate key is recognised as such in either dialect.
 */
@BothDialects
class DatabaseContractTest extends StoreContract {

    @Test
    void aMigratedDatabaseIsWritable() {
        assertThat(db.writable()).isTrue();
        assertThat(db.writable()).as("twice: the probe cleans up after itself").isTrue();
        assertThat(db.dialect()).isEqualTo(dialect);
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> db.transaction(c -> {
            insertUser(c, "jo@example.org");
            throw new IllegalStateException("then something went wrong");
        })).hasMessageContaining("something went wrong");
        assertThat(users.findByEmail("jo@example.org")).isEmpty();
        assertThat(count("users")).isZero();
    }

    @Test
    void aDuplicateKeyIsRecognisedAndNotBusy() {
        user("jo@example.org");
        StoreException e = (StoreException) org.assertj.core.api.Assertions.catchThrowable(
                () -> db.transaction(c -> insertUser(c, "jo@example.org")));
        assertThat(e).isNotNull();
        assertThat(dialect.uniqueViolation((SQLException) e.getCause())).isTrue();
        assertThat(e.busy()).isFalse();
        assertThat(count("users")).isEqualTo(1);
    }

    private static int insertUser(java.sql.Connection c, String email) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO users (email, plan, created_at) VALUES (?, 'free', 0)")) {
            st.setString(1, email);
            return st.executeUpdate();
        }
    }
}
