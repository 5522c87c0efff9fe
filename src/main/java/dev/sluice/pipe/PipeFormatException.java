package dev.sluice.pipe;

import java.util.List;

/**
 * A pipe that cannot be stored or run, with every problem found. Each problem names the block
 * it is about (or none, for whole-pipe problems such as size).
 */
public final class PipeFormatException extends Exception {
    private final List<Problem> problems;

    public PipeFormatException(List<Problem> problems) {
        super(summary(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public PipeFormatException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's block id, or null: the {@code "block"} of the API's error JSON. */
    public String firstBlockId() {
        return problems.isEmpty() ? null : problems.get(0).blockId();
    }

    private static String summary(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(p.message());
        }
        return sb.toString();
    }

    /** One problem. {@code blockId} is null for whole-pipe problems. */
    public record Problem(String blockId, String message) {
        public static Problem ofPipe(String message) {
            return new Problem(null, message);
        }

        public static Problem ofBlock(BlockSpec block, String message) {
            return new Problem(block.id(), "Block " + block.label() + ": " + message);
        }
    }
}
