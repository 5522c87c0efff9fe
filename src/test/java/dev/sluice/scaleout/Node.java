package dev.sluice.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Sluice server process ({@code sluice serve}) started as an operator would: the test JVM's
 * own java binary and classpath, configuration by environment only, a data directory and port of
 * its own. Its output goes to {@code target/scaleout/<name>.log}, to read when a test fails.
 */
final class Node implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private Node(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node with {@code env} added to the settings every test node has, and waits until it answers. */
    static Node start(String name, Map<String, String> env) {
        try {
            int port = freePort();
            Path dataDir = Files.createTempDirectory("sluice-node-" + name);
            Path log = Path.of("target", "scaleout", name + ".log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            Map<String, String> all = new HashMap<>();
            all.put("SLUICE_PORT", Integer.toString(port));
            all.put("SLUICE_DATA_DIR", dataDir.toString());
            all.put("SLUICE_BASE_URL", "http://127.0.0.1:" + port);
            all.put("SLUICE_ALLOW_PRIVATE_NETWORKS", "true");
            all.put("SLUICE_WARMUP", "false");
            all.putAll(env);
            ProcessBuilder pb = new ProcessBuilder(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                    "-Dlogback.configurationFile=" + productionLogging(),
                    "-cp", System.getProperty("java.class.path"), "dev.sluice.app.Main", "serve"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("SLUICE_"));
            pb.environment().putAll(all);
            Node node = new Node(name, port, log, pb.start());
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitHealthy() {
        long end = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/healthz")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Poll.sleep(Duration.ofMillis(100));
        }
        kill();
        throw new IllegalStateException("Node " + name + " did not answer /healthz within " + STARTUP + "; see " + log);
    }

    /** The server's own logging (INFO, one line a fetch) rather than the tests' quiet one, for the node's log file. */
    private static String productionLogging() {
        URL url = Node.class.getResource("/logback.xml");
        return url == null ? "logback-test.xml" : url.toString();
    }

    /** The binary running this JVM, so the nodes run on the same (21+) Java as the tests. */
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
