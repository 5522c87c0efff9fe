package dev.sluice.block;

import java.util.Optional;

/**
 * The outside services some blocks stand on, as configured on this server: an
 * RSS-Bridge instance (Reddit, Soundcloud), an rssbox instance (Dailymotion, Mixcloud, …), a
 * browser binary for JavaScript rendering and the mail domain of the SMTP receiver (Inbox). A
 * null component means "not configured".
 *
 * @param rssBridgeUrl the RSS-Bridge base URL ({@code SLUICE_RSSBRIDGE_URL}), e.g. {@code https://bridge.example/}
 * @param rssBoxUrl    the rssbox base URL ({@code SLUICE_RSSBOX_URL})
 * @param chromium     the headless browser binary ({@code SLUICE_CHROMIUM})
 * @param mailDomain   the domain Inbox blocks receive mail at ({@code SLUICE_MAIL_DOMAIN}), only
 *                     while the SMTP receiver is on ({@code SLUICE_SMTP_LISTEN})
 */
public record Integrations(String rssBridgeUrl, String rssBoxUrl, String chromium, String mailDomain) {
    /** Nothing configured: integration blocks explain what is missing. */
    public static final Integrations NONE = new Integrations(null, null, null);

    public Integrations {
        rssBridgeUrl = blankToNull(rssBridgeUrl);
        rssBoxUrl = blankToNull(rssBoxUrl);
        chromium = blankToNull(chromium);
        mailDomain = blankToNull(mailDomain);
    }

    /** Gateways and a browser, no mail receiver. */
    public Integrations(String rssBridgeUrl, String rssBoxUrl, String chromium) {
        this(rssBridgeUrl, rssBoxUrl, chromium, null);
    }

    /** The domain Inbox blocks receive mail at; empty when this server receives no mail. */
    public Optional<String> mail() {
        return Optional.ofNullable(mailDomain);
    }

    /** These services, with Inbox blocks receiving mail at {@code domain} (null: none). */
    public Integrations withMailDomain(String domain) {
        return new Integrations(rssBridgeUrl, rssBoxUrl, chromium, domain);
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
