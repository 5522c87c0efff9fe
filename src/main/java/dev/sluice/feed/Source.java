package dev.sluice.feed;

/** The feed an item came from, kept through Combine so readers can tell sources apart. */
public record Source(String title, String url) {
}
