package dev.sluice.websub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;

/**
 * A subscriber's request to the built-in hub ({@code hub.mode}, {@code hub.topic},
 * {@code hub.callback}, optional {@code hub.lease_seconds} and {@code hub.secret}), checked for
 * form; whether the topic and callback may be used is the {@link Hub}'s business.
 *
 * @param leaseSeconds the lease the hub grants: what was asked, within {@link #MIN_LEASE}..{@link #MAX_LEASE}
 * @param secret       the subscriber's signing secret, or null
 */
record HubRequest(Mode mode, String topic, String callback, long leaseSeconds, String secret) {
    enum Mode { SUBSCRIBE, UNSUBSCRIBE }

    static final Duration DEFAULT_LEASE = Duration.ofDays(10);
    static final Duration MIN_LEASE = Duration.ofHours(1);
    static final Duration MAX_LEASE = Duration.ofDays(30);
    /** WebSub: a secret must be less than 200 bytes. */
    static final int MAX_SECRET_BYTES = 199;
    static final int MAX_URL_LENGTH = 2000;

    /** A request, or what is wrong with it (in words for the subscriber's developer). */
    sealed interface Parsed {
        record Valid(HubRequest request) implements Parsed {
        }

        record Invalid(String problem) implements Parsed {
        }
    }

    /** Reads the form; {@code param} gives a field's value, null when absent. */
    static Parsed parse(UnaryOperator<String> param) {
        String mode = text(param.apply("hub.mode"));
        String topic = text(param.apply("hub.topic"));
        String callback = text(param.apply("hub.callback"));
        if (mode.isEmpty()) {
            return invalid("hub.mode is missing: it must be \"subscribe\" or \"unsubscribe\"");
        }
        Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "subscribe" -> Mode.SUBSCRIBE;
            case "unsubscribe" -> Mode.UNSUBSCRIBE;
            default -> null;
        };
        if (m == null) {
            return invalid("hub.mode must be \"subscribe\" or \"unsubscribe\", not \"" + cut(mode) + "\"");
        }
        if (topic.isEmpty()) {
            return invalid("hub.topic is missing: the URL of the feed to follow");
        }
        if (topic.length() > MAX_URL_LENGTH) {
            return invalid("hub.topic is longer than " + MAX_URL_LENGTH + " characters");
        }
        if (callback.isEmpty()) {
            return invalid("hub.callback is missing: the URL the hub sends the feed's updates to");
        }
        if (callback.length() > MAX_URL_LENGTH) {
            return invalid("hub.callback is longer than " + MAX_URL_LENGTH + " characters");
        }
        if (HttpUrl.parse(callback) == null) {
            return invalid("hub.callback must be an absolute http or https URL, not \"" + cut(callback) + "\"");
        }
        String lease = text(param.apply("hub.lease_seconds"));
        long leaseSeconds = DEFAULT_LEASE.toSeconds();
        if (!lease.isEmpty()) {
            if (!lease.matches("[0-9]{1,12}") || Long.parseLong(lease) == 0) {
                return invalid("hub.lease_seconds must be a whole number of seconds, at least 1, not \"" + cut(lease) + "\"");
            }
            leaseSeconds = Math.max(MIN_LEASE.toSeconds(), Math.min(MAX_LEASE.toSeconds(), Long.parseLong(lease)));
        }
        String secret = param.apply("hub.secret");
        if (secret != null && secret.isEmpty()) {
            secret = null;
        }
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
            return invalid("hub.secret must be less than 200 bytes long");
        }
        return new Parsed.Valid(new HubRequest(m, topic, callback, leaseSeconds, secret));
    }

    private static Parsed invalid(String problem) {
        return new Parsed.Invalid(problem);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Subscriber input in messages, cut so a huge field does not become a huge answer. */
    private static String cut(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
