package dev.sluice.web;

import java.util.Map;
import java.util.Optional;

/**
 * A notice any page shows at its top when its URL says {@code ?notice=<key>}: for news that has
 * no page of its own to appear on (after deleting the account, the session is gone). Only these
 * fixed texts can be shown, so a crafted link cannot put words on the site.
 */
public enum SiteNotice {
    ACCOUNT_DELETED("account-deleted", "Your account and everything in it have been deleted. Thank you for using Sluice.");

    public static final String PARAMETER = "notice";
    private static final Map<String, SiteNotice> BY_KEY = Map.of(ACCOUNT_DELETED.key, ACCOUNT_DELETED);

    private final String key;
    private final String text;

    SiteNotice(String key, String text) {
        this.key = key;
        this.text = text;
    }

    public String key() {
        return key;
    }

    public String text() {
        return text;
    }

    /** The notice a request's query names, if it names one. */
    static Optional<SiteNotice> of(io.javalin.http.Context ctx) {
        String key = ctx.queryParam(PARAMETER);
        return key == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key));
    }
}
