package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.app.Sluice;
import dev.sluice.feed.OutputFormat;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.StoredPipe;
import dev.sluice.store.User;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import dev.sluice.app.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice import <file>}: stores the pipes of a Pipes CE account export (one pipe JSON per
 * line), of a Sluice export, or a single pipe JSON file, printing {@code id, title, feed URL}
 * per stored pipe. Invalid entries are reported and skipped; the exit code is then 2.
 */
@Command(name = "import", description = "Import pipes from a Pipes CE export, a Sluice export or a pipe JSON file.")
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    /** Strict about trailing content, so a file of several JSON lines is not read as its first line. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--owner", defaultValue = "admin@localhost", description = "Owner's e-mail (default: ${DEFAULT-VALUE}).")
    String owner;

    @Option(names = "--public", description = "Share the imported pipes publicly.")
    boolean isPublic;

    @Spec
    CommandSpec spec;

    /** One pipe to import, with where it came from for messages. */
    record Entry(String where, String title, String description, List<String> tags, String json) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Entry> entries = new ArrayList<>();
        int failures = read(Files.readString(file, StandardCharsets.UTF_8), entries, err);
        try (Sluice sluice = Sluice.open(main.config())) {
            User user = sluice.users().findOrCreate(owner);
            for (Entry e : entries) {
                try {
                    StoredPipe p = sluice.pipes().create(user.id(),
                            new PipeRepository.Draft(e.title(), e.description(), e.json(), isPublic, e.tags()));
                    out.println(p.id() + "\t" + p.title() + "\t" + sluice.outputs().feedUrl(p, OutputFormat.RSS));
                } catch (PipeFormatException ex) {
                    err.println("sluice import: " + e.where() + ": " + ex.getMessage());
                    failures++;
                }
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 2;
    }

    /** Splits the file into entries; returns how many parts could not be read. */
    static int read(String text, List<Entry> entries, PrintWriter err) {
        try {
            JsonNode whole = JSON.readTree(text);
            if (whole != null && whole.isArray()) {
                int i = 0;
                for (JsonNode n : whole) {
                    entries.add(entry("entry " + (++i), n));
                }
                return 0;
            }
            if (whole != null && whole.isObject()) {
                entries.add(entry("file", whole));
                return 0;
            }
        } catch (IOException e) {
            // Not one JSON document: one pipe per line (Pipes CE export).
        }
        int failures = 0;
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(entry("line " + lineNo, JSON.readTree(line)));
            } catch (IOException e) {
                err.println("sluice import: line " + lineNo + " is not valid JSON");
                failures++;
            }
        }
        return failures;
    }

    /** A pipe JSON ({"blocks": …}) or a Sluice export entry ({"title", "pipe": …}). */
    private static Entry entry(String where, JsonNode n) {
        if (n.has("pipe")) {
            JsonNode pipe = n.get("pipe");
            List<String> tags = new ArrayList<>();
            n.path("tags").forEach(t -> tags.add(t.asText()));
            return new Entry(where, n.path("title").asText(""), n.path("description").asText(""), tags,
                    pipe.isTextual() ? pipe.asText() : pipe.toString());
        }
        return new Entry(where, "", "", List.of(), n.toString());
    }
}
