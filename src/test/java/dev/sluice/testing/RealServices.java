package dev.sluice.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.store.DatabaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL and Redis on loopback for the tests that need them, started once per test JVM
 * by {@code scripts/services.sh} in a temporary folder and stopped when the JVM exits. Where
 * Debian's packages are missing (a developer's machine), the tests that ask are skipped with a
 * notice; CI installs them, so there they run.
 */
public final class RealServices {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Map<String, String> started;
    private static String missing;

    private RealServices() {
    }

    /** A new, empty PostgreSQL database of its own (the test is skipped where PostgreSQL is missing). */
    public static DatabaseUrl freshPostgres() {
        DatabaseUrl server = DatabaseUrl.parse(env().get("SLUICE_TEST_DATABASE_URL"));
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (var c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database: " + e.getMessage(), e);
        }
        return DatabaseUrl.parse(postgresUrl(name));
    }

    /** {@code postgresql://} URL of database {@code name} on the test server, as an operator would write it. */
    public static String postgresUrl(String name) {
        return env().get("SLUICE_TEST_DATABASE_URL").replaceFirst("/[^/]*$", "/" + name);
    }

    /** The {@code redis://} URL of the test Redis (the test is skipped where Redis is missing). */
    public static String redisUrl() {
        return env().get("SLUICE_TEST_REDIS_URL");
    }

    private static synchronized Map<String, String> env() {
        if (started == null && missing == null) {
            start();
        }
        assumeTrue(missing == null, () -> "Skipped: " + missing);
        return started;
    }

    private static void start() {
        try {
            Path dir = Files.createTempDirectory("sluice-services");
            Path script = Path.of("scripts/services.sh").toAbsolutePath();
            Process p = new ProcessBuilder(script.toString(), "start", dir.toString())
                    .redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("scripts/services.sh start did not finish in 60 s");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, dir)));
            if (p.exitValue() == 3) {
                missing = err.strip();
                System.err.println("[RealServices] " + missing + " — PostgreSQL/Redis tests are skipped here");
                return;
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("scripts/services.sh start failed: " + err);
            }
            Map<String, String> vars = new HashMap<>();
            out.lines().filter(l -> l.contains("=")).forEach(l -> vars.put(l.substring(0, l.indexOf('=')),
                    l.substring(l.indexOf('=') + 1)));
            started = vars;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run scripts/services.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop(Path script, Path dir) {
        try {
            new ProcessBuilder(script.toString(), "stop", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        } catch (IOException e) {
            System.err.println("[RealServices] could not stop the test services: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
