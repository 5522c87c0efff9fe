package dev.sluice.model;

/** A stored mail attachment's description; {@code kept} is false when only its name, type and size were kept. */
public record StoredAttachment(String id, String fileName, String contentType, String contentId, long size, boolean kept) {
}
