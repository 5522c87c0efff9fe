package dev.sluice.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark feeds and pipes of {@code src/test/resources/bench} (copied from the shared bench
 * folder; T1.xml is stored gzipped). Pipes are returned with their upstream ports rewritten to
 * the ports of a running {@link BenchServer}.
 */
public final class BenchFeeds {
    private BenchFeeds() {
    }

    public static Path dir() {
        String configured = System.getProperty("sluice.bench.dir");
        Path p = configured != null ? Path.of(configured) : Path.of("src/test/resources/bench");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("Bench files not found at " + p.toAbsolutePath());
        }
        return p;
    }

    /** A bench feed's bytes by file name, e.g. "F1.xml" or "T1.xml". */
    public static byte[] feed(String name) {
        try {
            Path plain = dir().resolve(name);
            if (Files.exists(plain)) {
                return Files.readAllBytes(plain);
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir().resolve(name + ".gz")))) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bench pipe's JSON ("P1", "P2", "P3", "PE", …) pointing at {@code server}. */
    public static String pipe(String name, BenchServer server) {
        try {
            String json = Files.readString(dir().resolve("pipes").resolve(name + ".json"), StandardCharsets.UTF_8);
            return server.rewrite(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
