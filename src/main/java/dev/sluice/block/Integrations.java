package dev.sluice.block;

import java.util.Optional;

/**
 * The outside services some blocks stand on, as configured on this server (SPEC §16): an
 * RSS-Bridge instance (Reddit, Soundcloud), an rssbox instance (Dailymotion, Mixcloud, …) and a
 * browser binary for JavaScript rendering. A null component means "not configured".
 *
 * @param rssBridgeUrl the RSS-Bridge base URL ({@code SLUICE_RSSBRIDGE_URL}), e.g. {@code https://bridge.example/}
 * @param rssBoxUrl    the rssbox base URL ({@code SLUICE_RSSBOX_URL})
 * @param chromium     the headless browser binary ({@code SLUICE_CHROMIUM})
 */
public record Integrations(String rssBridgeUrl, String rssBoxUrl, String chromium) {
    /** Nothing configured: integration blocks explain what is missing. */
    public static final Integrations NONE = new Integrations(null, null, null);

    public Integrations {
        rssBridgeUrl = blankToNull(rssBridgeUrl);
        rssBoxUrl = blankToNull(rssBoxUrl);
        chromium = blankToNull(chromium);
    }

    public Optional<String> rssBridge() {
        return Optional.ofNullable(rssBridgeUrl);
    }

    public Optional<String> rssBox() {
        return Optional.ofNullable(rssBoxUrl);
    }

    public Optional<String> browser() {
        return Optional.ofNullable(chromium);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
