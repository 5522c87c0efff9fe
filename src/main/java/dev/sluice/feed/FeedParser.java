package dev.sluice.feed;

/**
 * Reads a downloaded document as a feed: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF (JDOM trees), JSON
 * Feed 1.0/1.1 (Jackson). Every item comes out with a GUID ({@link GuidPolicy}), absolute URLs and
 * dates or null; at most {@link #MAX_ITEMS} items are kept. Stateless and thread-safe.
 */
public final class FeedParser {

    /** Items kept per feed; the rest of a longer feed is ignored. */
    public static final int MAX_ITEMS = 10_000;

    /**
     * @param body        the document bytes, in any encoding
     * @param contentType the HTTP Content-Type (its charset is honoured), or "" / null
     * @param documentUrl the URL the document came from (after redirects): the base for relative URLs
     * @throws FeedParseException with a message for the user when it is not a readable feed
     */
    public Feed parse(byte[] body, String contentType, String documentUrl) throws FeedParseException {
        int first = firstSignificantByte(body);
        if (first < 0) {
            throw new FeedParseException("not a feed: the document is empty");
        }
        if (body[first] == '{' || body[first] == '[') {
            return JsonFeedParser.parse(body, documentUrl);
        }
        if (FeedDiscovery.looksLikeHtml(body, contentType)) {
            throw new FeedParseException("not a feed: the document is HTML");
        }
        if (!startsLikeXml(body[first])) {
            throw new FeedParseException("not a feed: the document is neither XML nor JSON");
        }
        return XmlFeedParser.parse(body, contentType, documentUrl);
    }

    /** Index of the first byte that is not whitespace or a UTF-8 byte order mark; -1 if none. */
    static int firstSignificantByte(byte[] body) {
        if (body == null) {
            return -1;
        }
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i < body.length ? i : -1;
    }

    /** '<', or the start of a UTF-16/UTF-32 document (a BOM or a zero byte), which FeedCharset decodes. */
    private static boolean startsLikeXml(byte b) {
        int v = b & 0xFF;
        return v == '<' || v == 0xFE || v == 0xFF || v == 0x00;
    }
}
