/**
 * Operations: the background work that keeps a long-running server small and healthy —
 * retention of expired rows in small batches — and, later, metrics.
 */
package dev.sluice.ops;
