package dev.sluice.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.plan.PlanLimitExceeded;
import dev.sluice.store.PipeRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Importing pipes from a Pipes CE account export (one pipe JSON per line), a Sluice
 * export ({@link PipeExport}), a JSON array of export entries, or a single pipe JSON. Every pipe
 * goes through the same validation as a save, one at a time, each stored whole or not at all;
 * the outcome of each is reported. The settings page imports as the user, within their plan's
 * pipe limit; the operator's {@code sluice import} is not capped.
 */
public final class PipeImport {
    /** Longest title and description a pipe may have (as the JSON API allows). */
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    /** Strict about trailing content, so a file of several JSON lines is not read as its first line. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final PipeService pipes;

    public PipeImport(PipeService pipes) {
        this.pipes = pipes;
    }

    /**
     * One pipe to import, with where it came from for messages.
     *
     * @param isPublic whether the file says the pipe is shared; false when it does not say
     */
    public record Entry(String where, String title, String description, List<String> tags, boolean isPublic, String json) {
    }

    /** What became of one entry (or of an unreadable part of the file). */
    public sealed interface Outcome {
        String where();

        /** Stored as {@code pipe}. */
        record Imported(String where, StoredPipe pipe) implements Outcome {
        }

        /** Not stored; {@code reason} says why. */
        record Refused(String where, String title, String reason) implements Outcome {
        }
    }

    /** The entries of a file, and the parts of it that could not be read as JSON. */
    public record Parsed(List<Entry> entries, List<Outcome.Refused> unreadable) {
    }

    /** Imports as {@code owner} would save: each pipe counts against their plan's pipe limit. */
    public List<Outcome> asOwner(User owner, Parsed parsed) {
        return run(parsed, entry -> pipes.create(owner, draft(entry, entry.isPublic())));
    }

    /** The operator's import: no plan limit; {@code share} shares every pipe. */
    public List<Outcome> asOperator(User owner, Parsed parsed, boolean share) {
        return run(parsed, entry -> pipes.create(owner.id(), draft(entry, share || entry.isPublic())));
    }

    private interface Store {
        StoredPipe store(Entry entry) throws PipeFormatException;
    }

    private static List<Outcome> run(Parsed parsed, Store store) {
        List<Outcome> outcomes = new ArrayList<>(parsed.unreadable());
        for (Entry e : parsed.entries()) {
            try {
                outcomes.add(new Outcome.Imported(e.where(), store.store(e)));
            } catch (PipeFormatException | PlanLimitExceeded | IllegalArgumentException ex) {
                outcomes.add(new Outcome.Refused(e.where(), e.title(), ex.getMessage()));
            }
        }
        return outcomes;
    }

    private static PipeRepository.Draft draft(Entry e, boolean isPublic) {
        if (e.title().codePointCount(0, e.title().length()) > MAX_TITLE) {
            throw new IllegalArgumentException("the title is longer than " + MAX_TITLE + " characters");
        }
        if (e.description().codePointCount(0, e.description().length()) > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("the description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return new PipeRepository.Draft(e.title(), e.description(), e.json(), isPublic, Tags.normalise(e.tags()));
    }

    /** Splits a file into entries; the parts that are not JSON are reported as refused. */
    public static Parsed read(String text) {
        List<Entry> entries = new ArrayList<>();
        try {
            JsonNode whole = JSON.readTree(text);
            if (whole != null && whole.isArray()) {
                addAll(whole, entries);
                return new Parsed(entries, List.of());
            }
            if (whole != null && whole.isObject() && whole.path("pipes").isArray()) {
                addAll(whole.get("pipes"), entries);
                return new Parsed(entries, List.of());
            }
            if (whole != null && whole.isObject()) {
                entries.add(entry("file", whole));
                return new Parsed(entries, List.of());
            }
        } catch (IOException e) {
            // Not one JSON document: one pipe per line (Pipes CE export).
        }
        List<Outcome.Refused> unreadable = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (node == null || !node.isObject()) {
                    unreadable.add(new Outcome.Refused("line " + lineNo, "", "not a pipe (a JSON object)"));
                } else {
                    entries.add(entry("line " + lineNo, node));
                }
            } catch (IOException e) {
                unreadable.add(new Outcome.Refused("line " + lineNo, "", "not valid JSON"));
            }
        }
        return new Parsed(entries, unreadable);
    }

    private static void addAll(JsonNode array, List<Entry> entries) {
        int i = 0;
        for (JsonNode n : array) {
            entries.add(entry("entry " + (++i), n));
        }
    }

    /** A pipe JSON ({"blocks": …}) or a Sluice export entry ({"title", "pipe": …}). */
    private static Entry entry(String where, JsonNode n) {
        if (n.has("pipe")) {
            JsonNode pipe = n.get("pipe");
            List<String> tags = new ArrayList<>();
            n.path("tags").forEach(t -> tags.add(t.asText()));
            return new Entry(where, n.path("title").asText(""), n.path("description").asText(""), tags,
                    n.path("public").asBoolean(false), pipe.isTextual() ? pipe.asText() : pipe.toString());
        }
        return new Entry(where, "", "", List.of(), false, n.toString());
    }
}
