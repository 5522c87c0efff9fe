/**
 * Operations: what keeps a long-running server healthy and observable — the background jobs,
 * retention of expired rows in small batches, and the Prometheus metrics.
 */
package dev.sluice.ops;
