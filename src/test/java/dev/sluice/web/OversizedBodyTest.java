package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route that takes a body refuses one over the limit with 413 and a clear message — with a
 * Content-Length and, where a client streams it chunked, without one — and stores nothing.
 * The routes are read from the server's own route table, so a new route is covered at once.
 */
@Tag("security")
class OversizedBodyTest {
    static final int SIZE = 3 * 1024 * 1024;
    /** The import upload has a limit of its own (16 MiB). */
    static final int IMPORT_SIZE = 17 * 1024 * 1024;
    static TestServer server;
    static String token;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
        token = server.token("ada@example.org");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> routesTakingABody() {
        TestServer probe = TestServer.standard();
        try {
            List<String> routes = probe.sluice.routes();
            return routes.stream().filter(r -> r.startsWith("POST ") || r.startsWith("PUT ") || r.startsWith("PATCH "))
                    .map(r -> r.replace("{id}", "p0000000000").replace("{hookId}", "h0000000000")
                            .replaceAll("\\{[a-zA-Z]+}", "x")).distinct().toList().stream();
        } finally {
            probe.close();
        }
    }

    @ParameterizedTest(name = "{0} with Content-Length")
    @MethodSource("routesTakingABody")
    void aDeclaredOversizedBodyIsRefused(String route) throws Exception {
        HttpResponse<String> r = send(route, HttpRequest.BodyPublishers.ofByteArray(new byte[sizeFor(route)]));
        assertThat(r.statusCode()).as(route + ": " + r.body()).isEqualTo(413);
        assertThat(r.body()).containsIgnoringCase("limit");
    }

    @ParameterizedTest(name = "{0} chunked")
    @MethodSource("routesTakingABody")
    void aChunkedOversizedBodyIsRefused(String route) throws Exception {
        // No Content-Length: the server learns the size only by reading.
        HttpResponse<String> r = send(route, HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(sizeFor(route))));
        assertThat(r.statusCode()).as(route + ": " + r.body()).isEqualTo(413);
    }

    @org.junit.jupiter.api.Test
    void aChunkedBodyWithinTheLimitIsReadWhole() throws Exception {
        String pipe = "{\"title\":\"Streamed\",\"pipe\":{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\","
                + "\"userinputs\":[\"\"],\"inputs\":[{}],\"textinputs\":[]}]}" + " ".repeat(500_000) + "}";
        byte[] bytes = pipe.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = send("POST /api/pipes",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("Streamed");
    }

    private static int sizeFor(String route) {
        return route.endsWith(dev.sluice.web.account.ImportUpload.PATH) ? IMPORT_SIZE : SIZE;
    }

    private static HttpResponse<String> send(String route, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        String[] parts = route.split(" ", 2);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(parts[1])))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(parts[0], body).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code size} zero bytes, streamed. */
    static final class Zeros extends InputStream {
        private int left;

        Zeros(int size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
