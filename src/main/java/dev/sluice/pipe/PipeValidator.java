package dev.sluice.pipe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.block.BlockRegistry;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.Value;
import dev.sluice.pipe.PipeFormatException.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a pipe before it is saved and before every run: known types, a root, links to
 * existing blocks of the right kind, option types, no cycles (also through Pipe blocks, across
 * pipes), and Pipe blocks that reference pipes the owner may read. Every problem names its block.
 */
public final class PipeValidator {
    /** The block type that embeds another stored pipe; its {@code userinputs[0]} is the pipe id. */
    public static final String PIPE_BLOCK = "PipeBlock";

    private final BlockRegistry registry;

    public PipeValidator(BlockRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param selfId the stored id of the pipe being checked, or null for an unsaved pipe
     */
    public void validate(PipeDoc doc, String selfId, PipeReferences refs) throws PipeFormatException {
        List<Problem> problems = structuralProblems(doc);
        if (problems.isEmpty()) {
            new PipeReferenceCheck(refs).check(doc, selfId, problems);
        }
        if (!problems.isEmpty()) {
            throw new PipeFormatException(problems);
        }
    }

    /**
     * Everything but following Pipe blocks into other pipes: what a sub-pipe is checked with at
     * run time, where the engine follows the references itself.
     */
    public void validateStructure(PipeDoc doc) throws PipeFormatException {
        List<Problem> problems = structuralProblems(doc);
        if (!problems.isEmpty()) {
            throw new PipeFormatException(problems);
        }
    }

    private List<Problem> structuralProblems(PipeDoc doc) {
        List<Problem> problems = new ArrayList<>();
        Map<String, BlockSpec> byId = doc.byId();
        if (byId.size() != doc.blocks().size()) {
            Set<String> seen = new HashSet<>();
            for (BlockSpec b : doc.blocks()) {
                if (!seen.add(b.id())) {
                    problems.add(Problem.ofBlock(b, "the id is used by more than one block"));
                }
            }
        }
        if (doc.root().isEmpty()) {
            problems.add(Problem.ofPipe("Pipe has no Output block (a block with id \"output\")"));
        }
        for (BlockSpec b : doc.blocks()) {
            BlockType type = registry.find(b.type()).orElse(null);
            if (type == null) {
                problems.add(Problem.ofBlock(b, "unknown block type \"" + b.type() + "\""));
                continue;
            }
            checkOptions(b, type, problems);
            checkLinks(b, type, byId, problems);
        }
        if (problems.isEmpty()) {
            new CycleCheck(byId).firstCycle().ifPresent(cycle -> problems.add(new Problem(cycle.get(0),
                    "Pipe has a cycle: " + String.join(" → ", cycle))));
        }
        return problems;
    }

    private static void checkOptions(BlockSpec b, BlockType type, List<Problem> problems) {
        List<OptionSpec> specs = type.options();
        for (int i = 0; i < Math.min(specs.size(), b.userinputs().size()); i++) {
            String wrong = OptionCheck.problem(specs.get(i), b.userinputs().get(i));
            if (wrong != null) {
                problems.add(Problem.ofBlock(b, "option " + (i + 1) + " (" + specs.get(i).label() + ") " + wrong));
            }
        }
    }

    private void checkLinks(BlockSpec b, BlockType type, Map<String, BlockSpec> byId, List<Problem> problems) {
        if (type.feedInputs() != BlockType.GROWING && countConnected(b.inputs()) > type.feedInputs()) {
            problems.add(Problem.ofBlock(b, "has " + countConnected(b.inputs()) + " connected inputs; "
                    + type.label() + " takes " + type.feedInputs()));
        }
        for (int slot = 0; slot < b.inputs().size(); slot++) {
            checkLink(b, b.inputs().get(slot), "input " + (slot + 1), type.accepts(), byId, problems);
        }
        for (int slot = 0; slot < b.textinputs().size(); slot++) {
            checkLink(b, b.textinputs().get(slot), "text input " + (slot + 1), java.util.Set.of(Value.Kind.TEXT), byId, problems);
        }
    }

    private void checkLink(BlockSpec b, Link link, String port, java.util.Set<Value.Kind> expected,
                           Map<String, BlockSpec> byId, List<Problem> problems) {
        if (!link.connected()) {
            return;
        }
        BlockSpec from = byId.get(link.from());
        if (from == null) {
            problems.add(Problem.ofBlock(b, port + " refers to a missing block \"" + link.from() + "\""));
            return;
        }
        registry.find(from.type()).ifPresent(fromType -> {
            if (!Value.Kind.connects(expected, fromType.output())) {
                problems.add(Problem.ofBlock(b, port + " expects " + describe(expected) + " but block "
                        + from.label() + " gives " + describe(fromType.output())));
            }
        });
    }

    private static int countConnected(List<Link> links) {
        int n = 0;
        for (Link l : links) {
            if (l.connected()) {
                n++;
            }
        }
        return n;
    }

    private static String describe(java.util.Set<Value.Kind> kinds) {
        return kinds.stream().sorted().map(PipeValidator::describe).reduce((a, b) -> a + " or " + b).orElse("nothing");
    }

    private static String describe(Value.Kind kind) {
        return switch (kind) {
            case FEED -> "a feed";
            case TEXT -> "text";
            case DOCUMENT -> "a document";
            case DATA -> "data";
        };
    }

    /** Option type checks, lenient where Pipes CE stored values as strings. */
    static final class OptionCheck {
        private OptionCheck() {
        }

        /** Why {@code value} does not fit {@code spec}, or null when it does. */
        static String problem(OptionSpec spec, JsonNode value) {
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isContainerNode()) {
                return "must be a single value, not " + (value.isArray() ? "a list" : "an object");
            }
            String text = value.asText().strip();
            return switch (spec.kind()) {
                case TEXT -> null;
                case FLAG -> value.isBoolean() || value.isNumber() || Set.of("", "true", "false", "on", "off", "0", "1")
                        .contains(text.toLowerCase(java.util.Locale.ROOT)) ? null : "must be true or false, got \"" + text + "\"";
                case NUMBER -> value.isNumber() || text.isEmpty() || isNumber(text) ? null
                        : "must be a number, got \"" + text + "\"";
                case CHOICE -> text.isEmpty() || spec.choices().contains(text) ? null
                        : "must be one of " + String.join(", ", spec.choices()) + ", got \"" + text + "\"";
            };
        }

        private static boolean isNumber(String s) {
            try {
                Double.parseDouble(s);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
