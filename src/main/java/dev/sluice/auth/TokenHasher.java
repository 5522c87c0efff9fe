package dev.sluice.auth;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How user-held secrets are stored: HMAC-SHA256 under a server pepper, hex. A copy of the
 * database alone (a backup, say) then yields nothing that opens a session or follows a link.
 */
public final class TokenHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public TokenHasher(byte[] pepper) {
        this.key = new SecretKeySpec(pepper.clone(), ALGORITHM);
    }

    public String hash(String token) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
