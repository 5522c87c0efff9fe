package dev.sluice.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.InstantSource;
import java.util.Date;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a Portier id_token with Nimbus: RS256 signature by a key of the broker's JWKS, issuer =
 * the broker, audience = this server, not expired (a minute of clock skew allowed), and the
 * claims a login needs present. The nonce is only required here; {@link PortierLogin} matches it
 * against the logins it started.
 */
final class PortierTokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(PortierTokenVerifier.class);
    /** Clock difference tolerated between the broker and this server. */
    static final int MAX_CLOCK_SKEW_SECONDS = 60;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    PortierTokenVerifier(PortierBroker broker, String audience, InstantSource clock) {
        // Only RS256, the algorithm Portier brokers sign with: the algorithm is never taken from
        // the token itself, so "none" or an HMAC keyed with the public key cannot slip through.
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, broker));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(broker.issuer()).build(), Set.of("exp", "iat", "nonce")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The verified claims of {@code idToken}. */
    JWTClaimsSet verify(String idToken) {
        try {
            return processor.process(idToken, null);
        } catch (ParseException e) {
            throw new PortierRefused(PortierRefused.Reason.BAD_REQUEST, "The login answer is not a valid id_token");
        } catch (BadJOSEException e) {
            LOG.info("Portier id_token refused: {}", e.getMessage());
            throw new PortierRefused(PortierRefused.Reason.NOT_VERIFIED, "The login could not be verified: " + reason(e));
        } catch (JOSEException e) {
            LOG.warn("Portier broker keys unavailable: {}", e.getMessage());
            throw new PortierRefused(PortierRefused.Reason.BROKER_UNAVAILABLE,
                    "The login service cannot be reached right now; try again in a minute");
        }
    }

    /**
     * Nimbus's reason in words for the person logging in (the exact text goes to the log). Only
     * the wording depends on this; whether a token is refused is Nimbus's decision.
     */
    private static String reason(BadJOSEException e) {
        String detail = String.valueOf(e.getMessage());
        if (e instanceof BadJWSException || detail.startsWith("Signed JWT rejected") || detail.startsWith("Unsecured")) {
            return "it is not signed by the login service";
        } else if (detail.startsWith("Expired JWT")) {
            return "it has expired";
        } else if (detail.contains("audience")) {
            return "it was issued for another site";
        } else if (detail.contains("iss claim")) {
            return "it was issued by another login service";
        }
        return "it is incomplete or not valid yet";
    }
}
