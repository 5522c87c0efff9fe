/**
 * Persistence: the database (SQLite with WAL, or PostgreSQL; Flyway migrations) and one store
 * interface per table group, all built by {@link dev.sluice.store.Stores#on}. The stores read and
 * write the records of {@code dev.sluice.model}; their SQL lives in {@code store.jdbc} (what both
 * dialects accept) and {@code store.sqlite} / {@code store.postgres} (what differs).
 */
package dev.sluice.store;
