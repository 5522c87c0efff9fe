package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns JMH's JSON result file into the Markdown table of bench/README.md: median, p99, min and
 * max of each benchmark (the baseline was reported as a median with its range), and the bytes
 * allocated per run when {@code -prof gc} was on.
 *
 * <p>Usage: {@code ResultTable target/bench/jmh-result.json}
 */
public final class ResultTable {
    private ResultTable() {
    }

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args.length > 0 ? args[0] : "target/bench/jmh-result.json").toFile());
        System.out.println("| benchmark | params | mode | runs | median | p99 | min | max | unit | alloc/run |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---|---:|");
        for (JsonNode r : results) {
            System.out.println(row(r));
        }
    }

    private static String row(JsonNode r) {
        String name = r.path("benchmark").asText().replaceFirst("^dev\\.sluice\\.bench\\.", "");
        String params = StreamSupport.stream(r.path("params").properties().spliterator(), false)
                .map(p -> p.getKey() + "=" + p.getValue().asText())
                .collect(Collectors.joining(" "));
        JsonNode primary = r.path("primaryMetric");
        JsonNode percentiles = primary.path("scorePercentiles");
        long runs = runs(primary);
        JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
        return String.join(" | ", "| " + name, params, r.path("mode").asText(), Long.toString(runs),
                number(percentiles.path("50.0")), number(percentiles.path("99.0")),
                number(percentiles.path("0.0")), number(percentiles.path("100.0")),
                primary.path("scoreUnit").asText(),
                alloc.isMissingNode() ? "" : kib(alloc.path("score").asDouble())) + " |";
    }

    /** Measured invocations: rawData holds one value per run; SampleTime keeps [value, count] pairs instead. */
    private static long runs(JsonNode primary) {
        long runs = 0;
        for (JsonNode fork : primary.path("rawData")) {
            runs += fork.size();
        }
        for (JsonNode fork : primary.path("rawDataHistogram")) {
            for (JsonNode iteration : fork) {
                for (JsonNode bucket : iteration) {
                    runs += bucket.path(1).asLong();
                }
            }
        }
        return runs;
    }

    private static String number(JsonNode n) {
        if (n.isMissingNode()) {
            return "";
        }
        double v = n.asDouble();
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String kib(double bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
    }
}
