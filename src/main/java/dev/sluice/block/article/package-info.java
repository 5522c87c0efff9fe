/**
 * The Full text block: each item's article, fetched from its link through the shared downloader
 * and reduced to its main content — by a site rule's CSS selector where one names the host, else
 * by Readability (Mozilla's algorithm, as Readability4J) — then made absolute and sanitised like
 * every other HTML Sluice writes. Extracted articles are cached per URL, so warm runs neither
 * fetch nor extract; fetches run in parallel, bounded per host and overall, within the run's
 * deadline, and an article that cannot be had leaves its item as it was, with a warning.
 */
package dev.sluice.block.article;
