package dev.sluice.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where Redis is ({@code SLUICE_REDIS_URL}): {@code redis://[[user]:password@]host[:port][/db]},
 * or {@code rediss://} for TLS. {@link #toString()} leaves the password out, so the address can be
 * logged and put in messages.
 */
public record RedisAddress(RedisURI uri, String shown) {

    static final String FORM = "redis://[:password@]host[:port][/db] or rediss://…";

    /** @throws IllegalArgumentException saying what is wrong, without the password */
    public static RedisAddress parse(String url) {
        String shown = withoutPassword(url);
        String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("must look like " + FORM + ", got \"" + shown + "\"");
        }
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL (" + e.getReason() + "): \"" + shown + "\"");
        }
        if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
            throw new IllegalArgumentException("names no host: \"" + shown + "\"");
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        if (!path.isEmpty() && !path.matches("/\\d{0,5}")) {
            throw new IllegalArgumentException("may only name a database number after the host (/0, /1, …): \""
                    + shown + "\"");
        }
        try {
            return new RedisAddress(RedisURI.create(url), shown);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot be used (" + e.getMessage() + "): \"" + shown + "\"");
        }
    }

    /** The URL with any user and password replaced by {@code ***}. */
    static String withoutPassword(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1***@");
    }

    @Override
    public String toString() {
        return shown;
    }
}
