package dev.sluice.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.sluice.model.User;
import dev.sluice.store.UserRepository;
import java.net.URI;
import java.text.ParseException;
import java.time.InstantSource;
import java.util.regex.Pattern;

/**
 * Login through a Portier broker, the OpenID Connect implicit flow Pipes CE used:
 * {@link #start} remembers a nonce and names the broker page to send the browser to; the broker
 * posts back an id_token, and {@link #finish} verifies it, spends the nonce and finds or creates
 * the account of the e-mail address it vouches for. Starting the session is the caller's part.
 */
public final class PortierLogin {
    /** Where a login goes when it was not asked to go anywhere else (or asked to leave the site). */
    public static final String DEFAULT_NEXT = "/mypipes";
    public static final String VERIFY_PATH = "/login/portier/verify";
    static final int MAX_EMAIL_LENGTH = 254;
    /** Enough to catch typos and junk; the broker checks the address for real by mailing it. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final PortierBroker broker;
    private final String baseUrl;
    private final UserRepository users;
    private final PortierNonces nonces;
    private final PortierTokenVerifier verifier;

    /** @param baseUrl this server's public URL (SLUICE_BASE_URL): the client id and audience; Portier wants an origin */
    public PortierLogin(PortierBroker broker, String baseUrl, UserRepository users, InstantSource clock) {
        this.broker = broker;
        this.baseUrl = baseUrl;
        this.users = users;
        this.nonces = new PortierNonces(clock);
        this.verifier = new PortierTokenVerifier(broker, baseUrl, clock);
    }

    /** The broker's origin: the login page lets its form lead there (CSP form-action). */
    public String brokerOrigin() {
        return broker.issuer();
    }

    /** A login that went through: who, and the same-site path to go to now. */
    public record Completed(User user, String next) {
    }

    /** Starts a login for {@code email}; the answer is the broker URL to redirect the browser to. */
    public URI start(String email, String next) {
        String address = email == null ? "" : email.strip();
        if (address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches()) {
            throw new PortierRefused(PortierRefused.Reason.BAD_REQUEST, "Please enter a valid e-mail address");
        }
        String nonce = nonces.issue(sameSite(next));
        return broker.authorizationUrl(address, nonce, baseUrl, baseUrl + VERIFY_PATH);
    }

    /** Verifies the broker's id_token, spends its nonce and returns the (possibly new) account. */
    public Completed finish(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            throw new PortierRefused(PortierRefused.Reason.BAD_REQUEST, "The login answer has no id_token");
        }
        JWTClaimsSet claims = verifier.verify(idToken.strip());
        PortierNonces.Pending pending = nonces.take(text(claims, "nonce")).orElseThrow(() -> new PortierRefused(
                PortierRefused.Reason.NOT_VERIFIED, "This login was already used or has lapsed; please log in again"));
        String email = text(claims, "email");
        if (email == null) {
            email = claims.getSubject();
        }
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > MAX_EMAIL_LENGTH) {
            throw new PortierRefused(PortierRefused.Reason.NOT_VERIFIED, "The login service did not confirm an e-mail address");
        }
        return new Completed(users.findOrCreate(email), pending.next());
    }

    private static String text(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * {@code next} if it is a path on this site, else {@link #DEFAULT_NEXT}: never an absolute or
     * scheme-relative URL ({@code //evil.example}, {@code /\evil.example}), so a login link cannot
     * bounce the user to another site.
     */
    static String sameSite(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            return DEFAULT_NEXT;
        }
        return next;
    }
}
