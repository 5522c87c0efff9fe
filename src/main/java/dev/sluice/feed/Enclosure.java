package dev.sluice.feed;

/** A media file attached to an item (podcast audio, an image). Length is -1 when unknown. */
public record Enclosure(String url, long length, String type) {
}
