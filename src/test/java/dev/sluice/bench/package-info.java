/**
 * The JMH benchmarks for the engine: warm runs (download cache warm, nothing else
 * cached), cold runs (new downloader and engine per run) and the deadline workloads, on the
 * shared bench feeds and pipes served by {@link dev.sluice.testing.BenchServer}. Run them with
 * {@code bench/engine.sh}; surefire leaves this package out of the unit tests.
 */
package dev.sluice.bench;
