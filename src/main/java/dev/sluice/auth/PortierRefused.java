package dev.sluice.auth;

/** A Portier login that cannot go ahead; the message is meant for the person logging in. */
public final class PortierRefused extends RuntimeException {
    /** Why, so the web layer can pick the status. */
    public enum Reason {
        /** The request itself is malformed (no e-mail address, no id_token, not a JWT). */
        BAD_REQUEST,
        /** The id_token failed verification: signature, issuer, audience, nonce or expiry. */
        NOT_VERIFIED,
        /** The broker's keys could not be fetched. */
        BROKER_UNAVAILABLE
    }

    private final Reason reason;

    PortierRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
