package dev.sluice.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the database is: the SQLite file in the data directory (the default), or a PostgreSQL
 * server named by {@code SLUICE_DATABASE_URL} in the usual {@code postgresql://user:password@host:port/name}
 * form (the one libpq, Heroku and docker-compose files use), turned here into a JDBC URL with the
 * credentials kept apart so they are never logged with it.
 *
 * @param dialect  which database
 * @param jdbcUrl  the JDBC URL without credentials
 * @param user     the user name, or null
 * @param password the password, or null
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, String user, String password) {

    /** The SQLite file {@code sluice.db} in {@code dataDir}. */
    public static DatabaseUrl sqlite(Path dataDir) {
        return new DatabaseUrl(Dialect.SQLITE,
                "jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME).toAbsolutePath(), null, null);
    }

    /** The SQLite file, when this is one. */
    public java.util.Optional<Path> sqliteFile() {
        return dialect == Dialect.SQLITE ? java.util.Optional.of(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))
                : java.util.Optional.empty();
    }

    /**
     * Parses a {@code postgresql://} (or {@code postgres://}) URL; query parameters such as
     * {@code sslmode} pass through to the driver. Throws IllegalArgumentException saying what is wrong.
     */
    public static DatabaseUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("SLUICE_DATABASE_URL is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new IllegalArgumentException("SLUICE_DATABASE_URL must start with postgresql:// (leave it unset"
                    + " for the SQLite file in the data directory)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("SLUICE_DATABASE_URL names no host");
        }
        String name = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("SLUICE_DATABASE_URL names no database (…/name at the end)");
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        String jdbc = "jdbc:postgresql://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/" + name
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new DatabaseUrl(Dialect.POSTGRESQL, jdbc, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return jdbcUrl + (user == null ? "" : " as " + user);
    }
}
