/**
 * Persistence: the SQLite database (WAL, Flyway migrations) and one repository per table group.
 * Repositories speak plain JDBC over a DataSource so the same code can later run on PostgreSQL.
 */
package dev.sluice.store;
