package dev.sluice.render;

import dev.sluice.block.BlockError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One headless Chromium with a fresh profile, for one render. Closing it kills the browser and
 * every process it started (Debian's {@code /usr/bin/chromium} is a shell script, so the real
 * browser is a child) and deletes the profile.
 */
final class ChromiumProcess implements AutoCloseable {
    private static final String LISTENING = "DevTools listening on ";

    /**
     * Besides headless operation: no background traffic of the browser's own, and a proxy that
     * does not exist, with loopback not exempt. Requests the DevTools interception does not see
     * (WebSockets, anything the browser starts by itself) then fail instead of reaching the
     * network; the intercepted ones are answered before a proxy is ever asked.
     */
    private static final List<String> FLAGS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--mute-audio",
            "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
            "--remote-debugging-port=0");

    private final Process process;
    private final Path profile;
    private final CompletableFuture<String> webSocketUrl = new CompletableFuture<>();

    private ChromiumProcess(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
        Thread.ofVirtual().name("chromium-stderr").start(this::readStderr);
    }

    /** Starts {@code binary}; throws {@link BlockError} when it cannot be started. */
    static ChromiumProcess start(String binary) {
        Path profile;
        try {
            profile = Files.createTempDirectory("sluice-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = Stream.concat(Stream.of(binary),
                Stream.concat(FLAGS.stream(), Stream.of("--user-data-dir=" + profile, "about:blank"))).toList();
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new ChromiumProcess(process, profile);
        } catch (IOException e) {
            deleteQuietly(profile);
            throw new BlockError("The browser for JavaScript rendering could not be started: " + e.getMessage());
        }
    }

    /** The browser's DevTools WebSocket URL, as it announces it on stderr. */
    String webSocketUrl(Duration wait) throws InterruptedException, TimeoutException {
        try {
            return webSocketUrl.get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new BlockError("The browser for JavaScript rendering " + e.getCause().getMessage());
        }
    }

    /** Reads stderr to the end, so the browser never blocks on a full pipe; picks out the DevTools URL. */
    private void readStderr() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                int at = line.indexOf(LISTENING);
                if (at >= 0) {
                    webSocketUrl.complete(line.substring(at + LISTENING.length()).strip());
                }
            }
        } catch (IOException e) {
            // The browser is gone; the future below says so.
        }
        webSocketUrl.completeExceptionally(new IllegalStateException("exited before it was ready"));
    }

    @Override
    public void close() {
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // Killed with SIGKILL: it will not linger; do not hold the run up for it.
            }
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp profile is harmless; the run's result matters more.
        }
    }
}
