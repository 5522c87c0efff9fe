package dev.sluice.starter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The starter templates shipped in the jar, read once: {@code /starters/index.txt} names them in
 * order, {@code /starters/<id>.json} holds each. A template that cannot be read, whose pipe does
 * not parse, or whose parameters name a block or option the pipe lacks stops start-up: it is a
 * bug in the build, not something a user can fix.
 */
public final class Starters {
    private static final String DIR = "/starters/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Starter> byId;

    private Starters(Map<String, Starter> byId) {
        this.byId = byId;
    }

    /** The templates in the jar. */
    public static Starters load() {
        Map<String, Starter> byId = new LinkedHashMap<>();
        for (String line : resource("index.txt").lines().toList()) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                byId.put(id, read(id));
            }
        }
        return new Starters(byId);
    }

    /** Every template, in the index's order. */
    public List<Starter> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Starter> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static Starter read(String id) {
        try {
            JsonNode node = JSON.readTree(resource(id + ".json"));
            List<String> tags = new ArrayList<>();
            node.path("tags").forEach(t -> tags.add(t.asText()));
            List<Starter.Param> params = new ArrayList<>();
            node.path("params").forEach(p -> params.add(new Starter.Param(p.path("block").asText(),
                    p.path("option").asInt(), p.path("label").asText(), p.path("hint").asText())));
            Starter starter = new Starter(id, node.path("title").asText(), node.path("description").asText(), tags,
                    params, node.get("pipe"));
            check(starter);
            return starter;
        } catch (IOException e) {
            throw new IllegalStateException("starter template " + id + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static void check(Starter starter) {
        if (starter.title().isBlank() || starter.pipe() == null || !starter.pipe().isObject()) {
            throw new IllegalStateException("starter template " + starter.id() + " lacks a title or a pipe");
        }
        try {
            PipeCodec.parse(starter.pipe().toString());
        } catch (PipeFormatException e) {
            throw new IllegalStateException("starter template " + starter.id() + ": " + e.getMessage(), e);
        }
        for (Starter.Param p : starter.params()) {
            JsonNode options = userinputs(starter.pipe(), p.block());
            if (options == null || p.option() < 0 || p.option() >= options.size()) {
                throw new IllegalStateException("starter template " + starter.id() + ": no option " + p.option()
                        + " in a block " + p.block());
            }
        }
    }

    private static JsonNode userinputs(JsonNode pipe, String blockId) {
        for (JsonNode b : pipe.path("blocks")) {
            if (b.path("id").asText().equals(blockId)) {
                return b.path("userinputs");
            }
        }
        return null;
    }

    private static String resource(String name) {
        try (InputStream in = Starters.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("starter template file " + DIR + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
