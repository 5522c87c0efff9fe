package dev.sluice.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request forgery protection by a strict origin check: a
 * state-changing request (POST, PUT, PATCH, DELETE) that a session cookie authenticates must
 * come from this site — its {@code Origin}, or when a browser sends none its {@code Referer},
 * must be the origin of {@code SLUICE_BASE_URL}. Neither header: refused, since every current
 * browser sends one of them on such a request.
 *
 * <p>Exempt: requests authenticated by an API token (a browser never adds one by itself, so a
 * forged request cannot carry it); anonymous requests (they act with no one's authority — the
 * login form and webhooks), except anonymous runs of the editor's inspector, which
 * {@link RunApi} puts through {@link #checkOrigin} itself: they spend the server's fetches and the
 * visitor's run budget, so another site must not start them from a visitor's browser; {@code /hook/*}, whose senders are other servers that sign
 * their requests instead; the WebSub hub {@code /websub}, which acts for nobody's account (a
 * subscription is made by its callback's confirmation, not by a cookie); and Portier's verify endpoint, which the broker posts to from its own
 * origin by design (the OpenID Connect form_post), proven instead by the signed id_token and
 * its single-use nonce.
 */
final class Csrf {
    private final String origin;

    Csrf(String baseUrl) {
        this.origin = originOf(baseUrl).orElseThrow(() -> new IllegalArgumentException("Not an http(s) URL: " + baseUrl));
    }

    /** Before-handler, after {@link Authentication}: throws a 403 for a forged request. */
    void check(Context ctx) {
        if (!unsafe(ctx.method()) || ctx.path().startsWith("/hook/") || ctx.path().equals(dev.sluice.websub.WebSub.PATH)
                || ctx.path().equals(dev.sluice.auth.PortierLogin.VERIFY_PATH)) {
            return;
        }
        boolean bySessionCookie = Caller.of(ctx).map(c -> !c.viaToken()).orElse(false);
        if (bySessionCookie) {
            checkOrigin(ctx);
        }
    }

    /** Throws a 403 unless the request's Origin (or Referer) is this site's. */
    void checkOrigin(Context ctx) {
        String claimed = ctx.header("Origin");
        if (claimed == null || claimed.isBlank()) {
            claimed = ctx.header("Referer");
        }
        if (claimed == null || claimed.isBlank()) {
            throw new ApiError(403, "Refused: this request names no origin (Origin or Referer header), "
                    + "so it cannot be told apart from a forged one");
        }
        if (!originOf(claimed).map(origin::equals).orElse(false)) {
            throw new ApiError(403, "Refused: this request comes from another site (" + claimed.strip()
                    + "), not " + origin);
        }
    }

    private static boolean unsafe(HandlerType method) {
        return method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH
                || method == HandlerType.DELETE;
    }

    /**
     * "scheme://host[:port]" of an http(s) URL, lower-cased, the default port left out — the
     * form browsers send in {@code Origin}. Empty for anything else, "null" included.
     */
    static Optional<String> originOf(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            if (!web || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int defaultPort = scheme.equals("http") ? 80 : 443;
            int port = uri.getPort();
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(scheme + "://" + host + (port == -1 || port == defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
