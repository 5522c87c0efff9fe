package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.Backup;
import dev.sluice.store.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code sluice backup} copies the SQLite file (online, checked); a PostgreSQL database is not
 * copied but refused with a message pointing to pg_dump, writing nothing — and never showing
 * the database's password.
 */
@BothDialects
class BackupContractTest extends StoreContract {

    @Test
    void theSqliteFileIsCopiedAndAPostgresDatabaseIsReferredToPgDump() throws IOException {
        pipe(user("jo@example.org"), "p");
        Path target = dir.resolve("backups/copy.db");
        if (dialect == Dialect.SQLITE) {
            Backup.Result r = Backup.copy(url, target);
            assertThat(r.pipes()).isEqualTo(1);
            assertThat(r.users()).isEqualTo(1);
            assertThat(Files.size(target)).isEqualTo(r.bytes()).isPositive();
        } else {
            assertThatThrownBy(() -> Backup.copy(url, target)).isInstanceOf(IOException.class)
                    .hasMessageContaining("PostgreSQL").hasMessageContaining("pg_dump")
                    .satisfies(e -> {
                        if (url.password() != null) {
                            assertThat(e.getMessage()).doesNotContain(url.password());
                        }
                    });
            assertThat(target).doesNotExist();
        }
    }
}
