package dev.sluice.websub;

import dev.sluice.feed.OutputFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A topic URL read as one of this server's feed URLs: {@code <base URL>/feed/<pipe id>[.ext]}
 * with the pipe's parameters in the query, as {@code GET /feed/...} reads them.
 *
 * @param query the first value of each query parameter (the pipe keeps those it declares)
 */
record FeedTopic(String pipeId, OutputFormat format, Map<String, String> query) {
    FeedTopic {
        query = Map.copyOf(query);
    }

    /** The feed {@code url} names on the server at {@code baseUrl}; empty when it names none. */
    static Optional<FeedTopic> parse(String url, String baseUrl) {
        URI topic = uri(url);
        URI base = uri(baseUrl);
        if (topic == null || base == null || topic.getHost() == null || !origin(topic).equals(origin(base))
                || topic.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String prefix = (basePath.endsWith("/") ? basePath : basePath + "/") + "feed/";
        String path = topic.getRawPath() == null ? "" : topic.getRawPath();
        if (!path.startsWith(prefix) || path.indexOf('/', prefix.length()) >= 0 || path.length() == prefix.length()) {
            return Optional.empty();
        }
        String file = path.substring(prefix.length());
        int dot = file.lastIndexOf('.');
        String id = dot < 0 ? file : file.substring(0, dot);
        Optional<OutputFormat> format = dot < 0 ? Optional.of(OutputFormat.RSS) : OutputFormat.fromExtension(file.substring(dot + 1));
        if (id.isEmpty() || format.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FeedTopic(id, format.get(), query(topic.getRawQuery())));
    }

    private static URI uri(String text) {
        try {
            return text == null ? null : new URI(text.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** scheme://host:port, lower-cased, with the scheme's default port written out. */
    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name != null && value != null && !name.isEmpty()) {
                out.putIfAbsent(name, value);
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // a malformed escape: the parameter is left out
        }
    }
}
