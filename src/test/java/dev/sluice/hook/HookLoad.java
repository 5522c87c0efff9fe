package dev.sluice.hook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of {@code scripts/webhook-durability.sh}: POSTs unique JSON events to one
 * hook at a steady rate and writes the id of every event the server answered 202 to a file, one
 * per line, so the script can check each of them is in the database. Only ever talks to the URL
 * it is given (the script gives 127.0.0.1). Uses nothing but the JDK.
 *
 * <p>Usage: {@code HookLoad <hook URL> <requests per second> <seconds> <accepted-ids file>}
 */
public final class HookLoad {
    /** Requests waiting for an answer at most; beyond it a tick is skipped (and counted). */
    static final int MAX_IN_FLIGHT = 512;

    private HookLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: HookLoad <hook URL> <requests per second> <seconds> <accepted-ids file>");
            System.exit(2);
        }
        URI hook = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path acceptedFile = Path.of(args[3]);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        Queue<String> accepted = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int sent = 0;
        for (long due = start; due < end; due += interval) {
            LockSupport.parkNanos(due - System.nanoTime());
            if (!inFlight.tryAcquire()) {
                count(outcomes, "skipped (too many waiting)");
                continue;
            }
            String id = UUID.randomUUID().toString();
            String body = "{\"title\":\"load event " + sent + "\",\"id\":\"" + id + "\"}";
            HttpRequest request = HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Idempotency-Key", id)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            sent++;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (response != null && response.statusCode() == 202) {
                    accepted.add(id);
                }
                count(outcomes, response != null ? "HTTP " + response.statusCode() : "no answer (" + reason(failure) + ")");
                inFlight.release();
            });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 30, TimeUnit.SECONDS)) {
            System.err.println("HookLoad: some requests never finished");
        }
        double took = (System.nanoTime() - start) / 1e9;
        write(acceptedFile, accepted);
        System.out.printf(Locale.ROOT, "HookLoad: sent %d in %.1f s (%.0f/s); accepted %d; %s%n", sent, took,
                sent / took, accepted.size(), new TreeMap<>(outcomes));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getClass().getSimpleName();
    }

    private static void count(Map<String, AtomicInteger> outcomes, String key) {
        outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void write(Path file, Queue<String> ids) throws IOException {
        Files.write(file, ids);
    }
}
