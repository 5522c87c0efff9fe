package dev.sluice.hook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs requests the way senders do (GitHub; Sluice's timestamped form), for tests. */
public final class Signatures {
    private Signatures() {
    }

    public static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code X-Hub-Signature-256}'s value. */
    public static String github(String secret, String body) {
        return "sha256=" + hmacHex(secret, body);
    }

    /** {@code X-Sluice-Signature}'s value for a request signed at {@code unixSeconds}. */
    public static String sluice(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
    }
}
