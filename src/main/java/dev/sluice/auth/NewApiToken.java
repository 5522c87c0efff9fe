package dev.sluice.auth;

/**
 * A token just created: {@code value} is what the owner sends as {@code Authorization: Bearer};
 * it is shown this once and cannot be recovered afterwards.
 */
public record NewApiToken(ApiToken token, String value) {
}
