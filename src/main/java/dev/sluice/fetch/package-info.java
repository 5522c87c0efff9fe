/**
 * The downloader shared by every block: SSRF guard checked at DNS on every hop, size and time
 * caps, a byte-weighted cache with conditional revalidation and stale copies, single-flight per
 * URL, and politeness per upstream host. Outcomes are typed values, never magic strings.
 */
package dev.sluice.fetch;
