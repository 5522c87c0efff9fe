package dev.sluice.web;

import java.nio.ByteBuffer;

/**
 * What answering a feed request needs of the request and the response, so that Javalin's feed
 * route and the fast path in front of it ({@link CachedFeeds}) answer with the same code.
 */
interface FeedExchange {
    /** A request header, or null when it was not sent. */
    String requestHeader(String name);

    boolean isHead();

    void header(String name, String value);

    void status(int code);

    /** Hands the bytes, final and already compressed when asked, to the server. */
    void send(ByteBuffer body);
}
