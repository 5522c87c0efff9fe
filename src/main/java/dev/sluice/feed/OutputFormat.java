package dev.sluice.feed;

import java.util.Locale;
import java.util.Optional;

/** The formats a pipe's output can be read in, with their extension and media type. */
public enum OutputFormat {
    RSS("rss", "application/rss+xml; charset=utf-8"),
    ATOM("atom", "application/atom+xml; charset=utf-8"),
    JSON("json", "application/feed+json; charset=utf-8"),
    TEXT("txt", "text/plain; charset=utf-8");

    private final String extension;
    private final String contentType;

    OutputFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The canonical file extension, without a dot: "rss", "atom", "json", "txt". */
    public String extension() {
        return extension;
    }

    /** The Content-Type header value, charset included. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format for a URL extension ("rss", "xml", "atom", "json", "txt"; case and a leading
     * dot ignored); empty for anything else.
     */
    public static Optional<OutputFormat> fromExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String ext = extension.strip().toLowerCase(Locale.ROOT);
        if (ext.startsWith(".")) {
            ext = ext.substring(1);
        }
        return switch (ext) {
            case "rss", "xml" -> Optional.of(RSS);
            case "atom" -> Optional.of(ATOM);
            case "json" -> Optional.of(JSON);
            case "txt" -> Optional.of(TEXT);
            default -> Optional.empty();
        };
    }
}
