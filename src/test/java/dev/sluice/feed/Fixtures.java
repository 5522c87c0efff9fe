package dev.sluice.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test fixtures from src/test/resources: this package's under /feed, the shared bench feeds under /bench. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] feed(String name) {
        return read("/feed/" + name);
    }

    static byte[] bench(String name) {
        return read("/bench/" + name);
    }

    private static byte[] read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
