package dev.sluice.output;

/**
 * Identifies one output of a pipe independent of format: the pipe, its saved version (so a save
 * makes old entries unreachable) and its declared parameters in canonical form.
 */
public record RunKey(String pipeId, int version, String paramsKey) {
}
