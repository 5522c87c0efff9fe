package dev.sluice.output;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pipe parameters from a request: only the names the pipe declares (its Text Inputs) count, so
 * other query parameters (trackers, cache busters) neither change the output nor split the cache.
 */
final class Params {
    /** Longest parameter value accepted; longer values are cut (they end up in URLs and cache keys). */
    static final int MAX_VALUE = 2000;

    private Params() {
    }

    static Map<String, String> declared(Map<String, String> query, List<String> names) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String name : names) {
            String v = query.get(name);
            if (v != null) {
                out.put(name, v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v);
            }
        }
        return out;
    }

    /** Canonical form: sorted, URL-encoded {@code name=value} pairs joined by {@code &}. */
    static String key(Map<String, String> declared) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(declared).forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }
}
