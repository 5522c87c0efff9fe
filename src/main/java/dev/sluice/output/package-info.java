/**
 * Serving pipe outputs: run-or-cache with single-flight of identical runs, stale-if-error from
 * the last complete output, error reporting into the feed, and rendering with ETag and
 * Last-Modified. The web layer turns these into HTTP; the CLI uses them directly.
 */
package dev.sluice.output;
