package dev.sluice.block.create;

import dev.sluice.block.Value;
import dev.sluice.fetch.Download;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Documents for Create block tests, as the Download block would hand them over. */
final class Fixtures {
    /** Where the fixtures pretend to come from: the base for relative links. */
    static final String PAGE_URL = "https://harbour.example.org/today/index.html";

    private Fixtures() {
    }

    static Value.Document document(String name, String contentType) {
        return new Value.Document(new Download(PAGE_URL, PAGE_URL, 200, contentType, bytes(name),
                Instant.parse("2024-06-30T12:00:00Z"), null, null));
    }

    static Value.Document html(String name) {
        return document(name, "text/html; charset=utf-8");
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/create/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
