package dev.sluice.store.jdbc;

import dev.sluice.store.Database;
import dev.sluice.store.ExpiredRows;
import dev.sluice.store.Sweep;

/** {@link ExpiredRows} by the row address of the database's dialect. */
public final class JdbcExpiredRows implements ExpiredRows {
    private final Database db;

    public JdbcExpiredRows(Database db) {
        this.db = db;
    }

    @Override
    public int deleteBatch(Sweep sweep, long cutoffMillis, int batch) {
        return db.transaction(c -> Jdbc.update(c, sweep.deleteBatchSql(db.dialect()), cutoffMillis, batch));
    }
}
