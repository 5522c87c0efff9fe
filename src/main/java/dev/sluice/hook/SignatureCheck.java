package dev.sluice.hook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook request was signed with the hook's secret, in either form:
 * <ul>
 *   <li>GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>};</li>
 *   <li>{@code X-Sluice-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>},
 *       refused when {@code t} is more than {@link #WINDOW} from now, so a captured request cannot
 *       be replayed later. Several {@code v1} values may be sent (while rotating a secret).</li>
 * </ul>
 * Signatures are compared in constant time, so response times reveal nothing about the secret.
 */
public final class SignatureCheck {
    public static final String GITHUB_HEADER = "X-Hub-Signature-256";
    public static final String SLUICE_HEADER = "X-Sluice-Signature";
    /** How far a signed timestamp may be from the server's clock, either way. */
    public static final Duration WINDOW = Duration.ofSeconds(300);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String GITHUB_PREFIX = "sha256=";

    private SignatureCheck() {
    }

    /** A check's outcome: valid, or the reason it is not (said to the sender, never the secret). */
    public record Verdict(boolean valid, String problem) {
        static final Verdict VALID = new Verdict(true, "");

        static Verdict invalid(String problem) {
            return new Verdict(false, problem);
        }
    }

    /**
     * Verifies a request's body against the signature headers it carried (null when absent). A
     * request carrying both forms passes when either is valid.
     */
    public static Verdict verify(String secret, byte[] body, String githubHeader, String sluiceHeader, Instant now) {
        if (githubHeader == null && sluiceHeader == null) {
            return Verdict.invalid("This hook has a secret: sign requests with " + GITHUB_HEADER + " or " + SLUICE_HEADER);
        }
        Verdict github = githubHeader == null ? null : github(secret, body, githubHeader.strip());
        if (github != null && github.valid()) {
            return github;
        }
        Verdict sluice = sluiceHeader == null ? null : sluice(secret, body, sluiceHeader.strip(), now);
        return sluice != null ? sluice : github;
    }

    private static Verdict github(String secret, byte[] body, String header) {
        if (!header.toLowerCase(Locale.ROOT).startsWith(GITHUB_PREFIX)) {
            return Verdict.invalid(GITHUB_HEADER + " must be \"sha256=\" followed by the hex HMAC-SHA256 of the body");
        }
        return matches(hmac(secret, new byte[0], body), header.substring(GITHUB_PREFIX.length()))
                ? Verdict.VALID : Verdict.invalid("The " + GITHUB_HEADER + " signature does not match the body");
    }

    private static Verdict sluice(String secret, byte[] body, String header, Instant now) {
        String t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (key.equals("t")) {
                t = value;
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        long seconds;
        try {
            seconds = Long.parseLong(t == null ? "" : t);
        } catch (NumberFormatException e) {
            return Verdict.invalid(SLUICE_HEADER + " must be \"t=<unix seconds>,v1=<hex signature>\"");
        }
        long skew = Math.abs(now.getEpochSecond() - seconds);
        if (skew > WINDOW.toSeconds()) {
            return Verdict.invalid("The " + SLUICE_HEADER + " timestamp is " + skew + " s from the server's time; "
                    + "the limit is " + WINDOW.toSeconds() + " s (sign each request when sending it)");
        }
        byte[] expected = hmac(secret, (t + ".").getBytes(StandardCharsets.US_ASCII), body);
        for (String signature : signatures) {
            if (matches(expected, signature)) {
                return Verdict.VALID;
            }
        }
        return Verdict.invalid("The " + SLUICE_HEADER + " signature does not match the timestamp and body");
    }

    private static boolean matches(byte[] expected, String hex) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
