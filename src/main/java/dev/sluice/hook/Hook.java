package dev.sluice.hook;

/**
 * One webhook: a Webhook block of a saved pipe.
 *
 * @param hookId the block's id, which is the last segment of the hook URL
 * @param pipeId the saved pipe the block is part of
 * @param secret the block's secret; "" when requests need no signature
 */
public record Hook(String hookId, String pipeId, String secret) {
    public boolean signed() {
        return !secret.isEmpty();
    }
}
