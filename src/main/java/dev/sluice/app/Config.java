package dev.sluice.app;

import dev.sluice.auth.SmtpSettings;
import dev.sluice.block.Integrations;
import dev.sluice.hook.HookLimits;
import dev.sluice.inbox.InboxSettings;
import dev.sluice.redis.RedisAddress;
import dev.sluice.store.DatabaseUrl;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Settings, from environment variables (SPEC §16) and, beneath them, an optional properties file
 * named by {@code SLUICE_CONFIG} using the same keys. A malformed value stops start-up with a
 * message naming the variable.
 */
public record Config(
        int port,
        Path dataDir,
        String baseUrl,
        boolean allowPrivateNetworks,
        Duration hostSpacing,
        long cacheBytes,
        Duration runLimitOverride,
        Path plansFile,
        int maxConcurrentRuns,
        int maxColdRunsPerUser,
        Duration outputFreshFor,
        String portierBroker,
        SmtpSettings smtp,
        HookLimits hooks,
        Integrations integrations,
        String metricsToken,
        boolean warmup,
        boolean anonymousRuns,
        dev.sluice.health.AlertLimits alerts,
        InboxSettings inbox,
        dev.sluice.websub.WebSubSettings webSub,
        RedisAddress redis,
        DatabaseUrl database,
        Role role,
        Duration jobsDelay) {

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        Map<String, String> values = new HashMap<>(fileValues(env.get("SLUICE_CONFIG")));
        env.forEach((k, v) -> {
            if (k.startsWith("SLUICE_") && v != null) {
                values.put(k, v);
            }
        });
        Reader r = new Reader(values);
        int port = r.integer("SLUICE_PORT", 8080);
        String baseUrl = r.text("SLUICE_BASE_URL", "http://localhost:" + port);
        String baseHost = hostOf(baseUrl);
        String runLimit = r.text("SLUICE_RUN_LIMIT_MS", "");
        String plans = r.text("SLUICE_PLANS_FILE", "");
        InboxSettings inbox = inbox(r);
        Path dataDir = Path.of(r.text("SLUICE_DATA_DIR", "./data"));
        return new Config(
                port,
                dataDir,
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                r.bool("SLUICE_ALLOW_PRIVATE_NETWORKS", false),
                Duration.ofMillis(r.integer("SLUICE_HOST_SPACING_MS", 500)),
                r.integer("SLUICE_CACHE_MB", 256) * 1024L * 1024L,
                runLimit.isEmpty() ? null : Duration.ofMillis(r.integer("SLUICE_RUN_LIMIT_MS", 0)),
                plans.isEmpty() ? null : Path.of(plans),
                r.integer("SLUICE_MAX_RUNS", 64),
                r.integer("SLUICE_MAX_COLD_RUNS_PER_USER", 4),
                Duration.ofSeconds(r.integer("SLUICE_OUTPUT_FRESH_SECONDS", 600)),
                portierBroker(r.text("SLUICE_PORTIER_BROKER", "")),
                smtp(r, baseHost),
                hookLimits(r),
                new Integrations(httpUrl(r, "SLUICE_RSSBRIDGE_URL"), httpUrl(r, "SLUICE_RSSBOX_URL"),
                        r.text("SLUICE_CHROMIUM", ""), inbox.receivingDomain()),
                r.text("SLUICE_METRICS_TOKEN", ""),
                r.bool("SLUICE_WARMUP", true),
                // Visitors without an account may try pipes in the editor's inspector (anonymous plan).
                r.bool("SLUICE_ANONYMOUS_RUNS", true),
                // Pipe health and alerts: failed runs in a row that make a pipe failing; mails per owner and hour.
                new dev.sluice.health.AlertLimits(
                        r.positive("SLUICE_ALERT_FAILURES", dev.sluice.health.AlertLimits.DEFAULTS.failuresToAlert()),
                        r.positive("SLUICE_ALERT_MAILS_PER_HOUR", dev.sluice.health.AlertLimits.DEFAULTS.mailsPerHour())),
                inbox,
                webSub(r),
                redis(r.text("SLUICE_REDIS_URL", "")),
                database(r.text("SLUICE_DATABASE_URL", ""), dataDir),
                role(r.text("SLUICE_ROLE", "all")),
                // The first run of every background job, this long after start; unset: each job's own delay.
                r.text("SLUICE_JOBS_DELAY_SECONDS", "").isEmpty() ? null
                        : Duration.ofSeconds(r.integer("SLUICE_JOBS_DELAY_SECONDS", 0)));
    }

    /** PostgreSQL when SLUICE_DATABASE_URL names it; else the SQLite file in the data directory. */
    private static DatabaseUrl database(String url, Path dataDir) {
        if (url.isEmpty()) {
            return DatabaseUrl.sqlite(dataDir);
        }
        try {
            return DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SLUICE_ROLE must be all, web or jobs, got \"" + name + "\"");
        }
    }

    /** Newsletter inboxes: the SMTP receiver (off unless SLUICE_SMTP_LISTEN is set), its domain and limits. */
    private static InboxSettings inbox(Reader r) {
        InboxSettings d = InboxSettings.OFF;
        String listen = r.text("SLUICE_SMTP_LISTEN", "");
        String domain = r.text("SLUICE_MAIL_DOMAIN", "");
        if (!listen.isEmpty() && !domain.matches("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new ConfigException("SLUICE_MAIL_DOMAIN must name the domain inbox addresses are at (e.g. "
                    + "inbox.example.org) when SLUICE_SMTP_LISTEN is set, got \"" + domain + "\"");
        }
        InboxSettings.Listen at;
        try {
            at = listen.isEmpty() ? null : InboxSettings.Listen.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SLUICE_SMTP_LISTEN " + e.getMessage());
        }
        return new InboxSettings(at, domain,
                // at most 1 GiB: beyond it the byte counts would not fit an int (and no newsletter is that large)
                Math.min(r.positive("SLUICE_INBOX_MAX_MAIL_KB", d.maxMailBytes() / 1024), 1024 * 1024) * 1024,
                Math.min(r.integer("SLUICE_INBOX_MAX_ATTACHMENT_KB", d.maxAttachmentBytes() / 1024), 1024 * 1024) * 1024,
                r.positive("SLUICE_INBOX_MAILS_PER_HOUR", d.mailsPerHour()),
                r.positive("SLUICE_INBOX_MAILS_PER_IP_PER_HOUR", d.mailsPerIpPerHour()),
                r.positive("SLUICE_INBOX_KEEP_MAILS", d.keepMails()),
                Duration.ofDays(r.positive("SLUICE_INBOX_KEEP_DAYS", (int) d.keepFor().toDays())));
    }

    /** WebSub: an external hub, or the built-in one with its limits. */
    private static dev.sluice.websub.WebSubSettings webSub(Reader r) {
        dev.sluice.websub.WebSubSettings d = dev.sluice.websub.WebSubSettings.DEFAULTS;
        String hub = httpUrl(r, "SLUICE_WEBSUB_HUB");
        return new dev.sluice.websub.WebSubSettings(hub.isEmpty() ? null : hub,
                r.positive("SLUICE_WEBSUB_MAX_PER_FEED", d.maxPerFeed()),
                r.positive("SLUICE_WEBSUB_MAX_SUBSCRIPTIONS", d.maxSubscriptions()),
                Duration.ofSeconds(r.positive("SLUICE_WEBSUB_REFRESH_SECONDS", (int) d.refreshEvery().toSeconds())));
    }

    /** Where the nodes share state (several nodes), or null: this node alone keeps it in memory. */
    private static RedisAddress redis(String url) {
        if (url.isEmpty()) {
            return null;
        }
        try {
            return RedisAddress.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SLUICE_REDIS_URL " + e.getMessage());
        }
    }

    /** An optional service URL; it must be http(s) so a typo stops start-up instead of every run. */
    private static String httpUrl(Reader r, String key) {
        String value = r.text(key, "");
        if (!value.isEmpty() && !value.startsWith("https://") && !value.startsWith("http://")) {
            throw new ConfigException(key + " must be an http(s) URL, got \"" + value + "\"");
        }
        return value;
    }

    /** The Portier broker's origin without a trailing slash, or null when Portier login is off. */
    private static String portierBroker(String value) {
        if (value.isEmpty()) {
            return null;
        }
        String broker = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        if (!broker.startsWith("https://") && !broker.startsWith("http://")) {
            throw new ConfigException("SLUICE_PORTIER_BROKER must be an http(s) URL, got \"" + value + "\"");
        }
        return broker;
    }

    /** The host of the base URL, which must be an http(s) URL: links and the CSRF check are built on it. */
    private static String hostOf(String baseUrl) {
        try {
            java.net.URI uri = new java.net.URI(baseUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.getHost();
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new ConfigException("SLUICE_BASE_URL must be an http:// or https:// URL, got \"" + baseUrl + "\"");
    }

    /** Login mail ({@code SLUICE_SMTP_*}); no host means links go to the log. */
    private static SmtpSettings smtp(Reader r, String baseHost) {
        String host = r.text("SLUICE_SMTP_HOST", "");
        if (host.isEmpty()) {
            return SmtpSettings.none();
        }
        String mode = r.text("SLUICE_SMTP_TLS", "starttls").toLowerCase(java.util.Locale.ROOT);
        SmtpSettings.Tls tls = switch (mode) {
            case "starttls" -> SmtpSettings.Tls.STARTTLS;
            case "tls", "ssl", "smtps" -> SmtpSettings.Tls.IMPLICIT;
            case "none", "off", "false" -> SmtpSettings.Tls.NONE;
            default -> throw new ConfigException("SLUICE_SMTP_TLS must be starttls, tls or none, got \"" + mode + "\"");
        };
        return new SmtpSettings(host, r.integer("SLUICE_SMTP_PORT", tls.defaultPort()),
                r.text("SLUICE_SMTP_USER", ""), r.text("SLUICE_SMTP_PASSWORD", ""),
                r.text("SLUICE_SMTP_FROM", "Sluice <sluice@" + baseHost + ">"), tls);
    }

    /** Webhooks (SPEC §14): rate per hook and retention. */
    private static HookLimits hookLimits(Reader r) {
        HookLimits d = HookLimits.DEFAULTS;
        return new HookLimits(
                r.positive("SLUICE_HOOK_RATE_PER_MIN", d.ratePerMinute()),
                r.positive("SLUICE_HOOK_BURST", d.burst()),
                r.positive("SLUICE_HOOK_KEEP_EVENTS", d.keepEvents()),
                Duration.ofDays(r.positive("SLUICE_HOOK_KEEP_DAYS", (int) d.keepFor().toDays())));
    }

    private static Map<String, String> fileValues(String file) {
        Map<String, String> out = new HashMap<>();
        if (file == null || file.isBlank()) {
            return out;
        }
        Properties p = new Properties();
        try (java.io.Reader in = Files.newBufferedReader(Path.of(file))) {
            p.load(in);
        } catch (IOException e) {
            throw new ConfigException("SLUICE_CONFIG names " + file + ", which cannot be read: " + e.getMessage());
        }
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).strip()));
        return out;
    }

    /** A setting that cannot be used. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }

    /** Typed reads of the merged settings, each failure naming its variable. */
    private record Reader(Map<String, String> values) {
        String text(String key, String fallback) {
            String v = values.get(key);
            return v == null || v.isBlank() ? fallback : v.strip();
        }

        int integer(String key, int fallback) {
            String v = text(key, "");
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(key + " must be a whole number ≥ 0, got \"" + v + "\"");
            }
        }

        int positive(String key, int fallback) {
            int n = integer(key, fallback);
            if (n < 1) {
                throw new ConfigException(key + " must be a whole number ≥ 1, got \"" + n + "\"");
            }
            return n;
        }

        boolean bool(String key, boolean fallback) {
            String v = text(key, "").toLowerCase(java.util.Locale.ROOT);
            return switch (v) {
                case "" -> fallback;
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new ConfigException(key + " must be true or false, got \"" + v + "\"");
            };
        }
    }
}
