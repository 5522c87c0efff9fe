package dev.sluice.block.data;

import dev.sluice.block.Value;
import dev.sluice.fetch.Download;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The data fixtures of src/test/resources/block/data, as bytes, downloads and parsed trees. */
final class DataFixtures {
    static final String URL = "http://127.0.0.1/data";

    private DataFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = DataFixtures.class.getResourceAsStream("/block/data/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Download download(byte[] body) {
        return new Download(URL, URL, 200, "", body, null, null, null);
    }

    static Download download(String body) {
        return download(body.getBytes(StandardCharsets.UTF_8));
    }

    static Value.Data data(String fixture) {
        return DataTrees.parse(download(bytes(fixture)));
    }

    static Value.Data json(String json) {
        return DataTrees.parse(download(json));
    }
}
