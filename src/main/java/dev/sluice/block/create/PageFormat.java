package dev.sluice.block.create;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How a downloaded document is read: as HTML, as XML or as JSON. */
enum PageFormat {
    HTML, XML, JSON;

    /** How much of the body is looked at when the content type does not say. */
    private static final int SNIFF_BYTES = 512;

    /**
     * The format a document is in: by its content type when that is specific, else by its first
     * characters (servers often send JSON and feeds as text/plain or octet-stream).
     */
    static PageFormat of(String contentType, byte[] body) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return JSON;
        }
        if (type.contains("html")) {
            return HTML;
        }
        if (type.contains("xml")) {
            return XML;
        }
        String start = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            return JSON;
        }
        String lower = start.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<?xml") && !lower.contains("<html") && !lower.contains("<!doctype html")) {
            return XML;
        }
        return HTML;
    }
}
