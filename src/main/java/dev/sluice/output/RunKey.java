package dev.sluice.output;

/**
 * Identifies one output of a pipe independent of format: the pipe, its saved version (so a save
 * makes old entries unreachable), its generation (bumped when its content changes without a save,
 * e.g. a webhook event arrived) and its declared parameters in canonical form.
 */
public record RunKey(String pipeId, int version, long generation, String paramsKey) {
}
