package dev.sluice.feed;

/**
 * A document that could not be read as a feed. The message names the problem in plain words
 * ("not a feed: the document is HTML", "XML error at line 3: …") because blocks show it to the
 * user next to the URL.
 */
public class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
