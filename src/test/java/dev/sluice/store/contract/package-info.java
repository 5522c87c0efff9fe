/**
 * The store contract suite: every store's behaviour that callers rely on (round trips,
 * uniqueness, races decided by conditional updates and constraints, expiry, ordering, exact
 * bytes, retention sweeps, account deletion), each test class run against SQLite and against a
 * real PostgreSQL ({@link dev.sluice.store.contract.BothDialects}); the PostgreSQL runs are skipped
 * with a notice where its packages are missing.
 */
package dev.sluice.store.contract;
