/**
 * The stores in SQL that SQLite and PostgreSQL both accept (plain JDBC, {@code ?} placeholders);
 * the contract tests run every one of them on both. What differs per dialect subclasses these in
 * {@code store.sqlite} and {@code store.postgres}.
 */
package dev.sluice.store.jdbc;
