package dev.sluice.block.integration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds requests to a feed gateway from its configured base URL and user-typed values. Every
 * value is percent-encoded, so a keyword such as {@code a b&c} cannot add or change parameters
 * (Pipes CE pasted keywords into the URL as typed).
 */
final class GatewayUrl {
    private GatewayUrl() {
    }

    /** {@code base} plus a query of {@code nameValuePairs} (names are ours, values the user's). */
    static String withQuery(String base, String... nameValuePairs) {
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (i > 0) {
                url.append('&');
            }
            url.append(nameValuePairs[i]).append('=').append(encode(nameValuePairs[i + 1]));
        }
        return url.toString();
    }

    /** {@code base} with {@code path} appended as one more segment (rssbox's service endpoints). */
    static String withPath(String base, String path) {
        return (base.endsWith("/") ? base : base + "/") + path;
    }

    /** Percent-encoding for a query value: spaces as {@code %20}, which every server reads the same way. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
