/**
 * Redis for what several Sluice nodes share (optional, {@code SLUICE_REDIS_URL}): downloads and
 * the lease on fetching each URL, per-host politeness, login and webhook rate limits, and the
 * announcement of changed pipes. Every part falls back to this node alone, with a warning, while
 * Redis does not answer. Built on Lettuce (and bucket4j for the rate limits).
 */
package dev.sluice.redis;
