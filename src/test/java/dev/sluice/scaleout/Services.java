package dev.sluice.scaleout;

import dev.sluice.app.Main;
import dev.sluice.testing.RealServices;
import io.lettuce.core.RedisClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * What the nodes of one installation share, set up as an operator would: a new PostgreSQL
 * database, an emptied Redis database, and an API token made with {@code sluice token create}.
 * Where PostgreSQL or Redis is not installed, {@link RealServices} skips the calling test.
 */
final class Services {
    /** The Redis database these tests use; the per-class Redis tests take 1–15. */
    private static final int REDIS_DB = 0;

    private Services() {
    }

    /** The {@code postgresql://} URL of a new, empty database. */
    static String freshDatabase() {
        String jdbc = RealServices.freshPostgres().jdbcUrl();
        return RealServices.postgresUrl(jdbc.substring(jdbc.lastIndexOf('/') + 1));
    }

    /** The {@code redis://} URL of an emptied database. */
    static String freshRedis() {
        String url = RealServices.redisUrl() + "/" + REDIS_DB;
        RedisClient client = RedisClient.create(url);
        try (var connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
        return url;
    }

    /** A new API token for {@code email} on the installation at {@code databaseUrl}, from the CLI. */
    static String apiToken(String databaseUrl, String email) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            Map<String, String> env = Map.of("SLUICE_DATABASE_URL", databaseUrl,
                    "SLUICE_DATA_DIR", Files.createTempDirectory("sluice-cli").toString());
            int code = Main.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "token", "create", email, "--name", "scale-out test");
            if (code != 0) {
                throw new IllegalStateException("sluice token create failed: " + err.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
