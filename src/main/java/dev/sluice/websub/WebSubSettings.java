package dev.sluice.websub;

import java.time.Duration;

/**
 * How WebSub is set up.
 *
 * @param externalHub      an external hub's URL ({@code SLUICE_WEBSUB_HUB}) that feeds name and
 *                         Sluice pings on changes; null for the built-in hub
 * @param maxPerFeed       subscriptions one pipe may have (all its formats and parameters together)
 * @param maxSubscriptions subscriptions the built-in hub keeps at most
 * @param refreshEvery     how often subscribed pipes are looked at (run when their output is no
 *                         longer fresh) and expired subscriptions removed
 */
public record WebSubSettings(String externalHub, int maxPerFeed, int maxSubscriptions, Duration refreshEvery) {
    public static final WebSubSettings DEFAULTS = new WebSubSettings(null, 100, 10_000, Duration.ofSeconds(60));

    public WebSubSettings {
        if (maxPerFeed < 1 || maxSubscriptions < 1 || refreshEvery.isNegative() || refreshEvery.isZero()) {
            throw new IllegalArgumentException("WebSub limits must be positive");
        }
    }

    public boolean builtIn() {
        return externalHub == null;
    }
}
