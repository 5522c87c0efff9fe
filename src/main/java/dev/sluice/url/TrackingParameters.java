package dev.sluice.url;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Query parameters that say where a visitor came from and nothing about which page to show: a
 * link means the same page without them. Names match ignoring case; an entry ending in {@code *}
 * matches every name that starts with the rest ({@code utm_*}).
 *
 * <p>The standard list is deliberately short and sure: every entry is a click id, a campaign tag
 * or a share marker that no site needs to find the page. Parameters that are tracking on some
 * sites and content on others (a page number, a session id) stay out; users add what their
 * feeds need as extra names.
 */
public final class TrackingParameters {
    /** The built-in list; each line names whose parameters they are. The README lists them too. */
    static final List<String> STANDARD_NAMES = List.of(
            "utm_*", "mtm_*", // Google Analytics and Matomo campaign tags (utm_source, utm_medium, …)
            "pk_campaign", "pk_kwd", "pk_keyword", "pk_source", "pk_medium", "pk_content", // Piwik campaign tags
            "fbclid", // Facebook click id
            "gclid", "gclsrc", "dclid", "gbraid", "wbraid", // Google Ads and DoubleClick click ids
            "msclkid", // Microsoft Ads click id
            "mc_cid", "mc_eid", // Mailchimp campaign and subscriber ids
            "yclid", "ysclid", // Yandex click ids
            "igshid", "igsh", // Instagram share ids
            "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", // HubSpot email and CTA tracking
            "ref", "ref_src", "ref_url", // "came from" tags (ref_src, ref_url: Twitter embeds)
            "spm", // Alibaba's position tracking
            "si", // YouTube and Spotify share ids
            "__twitter_impression", "twclid", // Twitter impression and click ids
            "ttclid", // TikTok click id
            "li_fat_id", // LinkedIn click id
            "mkt_tok", // Marketo email tracking
            "_ga", "_gl", // Google Analytics cross-domain linker
            "oly_anon_id", "oly_enc_id", // Omeda
            "vero_id", "vero_conv", // Vero email tracking
            "s_cid", // Adobe Analytics campaign id
            "xtor", // AT Internet campaign tag (common in French news feeds)
            "wt_mc"); // Webtrends campaign tag (common in German news feeds)

    /** Enough for any real feed; a bound so a pasted wall of text cannot slow every link down. */
    static final int MAX_EXTRA = 100;
    static final int MAX_NAME_LENGTH = 100;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private static final TrackingParameters STANDARD = of(STANDARD_NAMES);

    private final Set<String> names;
    private final List<String> prefixes;

    private TrackingParameters(Set<String> names, List<String> prefixes) {
        this.names = Set.copyOf(names);
        this.prefixes = List.copyOf(prefixes);
    }

    /** The built-in list. */
    public static TrackingParameters standard() {
        return STANDARD;
    }

    /**
     * The built-in list plus the names in {@code extraNames}, separated by commas, semicolons or
     * white space; {@code name*} for a prefix.
     *
     * @throws IllegalArgumentException with a message for the user when a name is unusable
     */
    public static TrackingParameters standardPlus(String extraNames) {
        String text = extraNames == null ? "" : extraNames.strip();
        if (text.isEmpty()) {
            return STANDARD;
        }
        List<String> extra = new ArrayList<>();
        for (String name : SEPARATORS.split(text)) {
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("*")) {
                throw new IllegalArgumentException("\"*\" alone would remove every parameter; name the parameters"
                        + " (a name ending in * stands for all names starting so, like utm_*)");
            }
            if (name.length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("Parameter name \"" + name.substring(0, 40) + "…\" is longer than "
                        + MAX_NAME_LENGTH + " characters");
            }
            extra.add(name);
        }
        if (extra.size() > MAX_EXTRA) {
            throw new IllegalArgumentException("At most " + MAX_EXTRA + " extra parameter names, got " + extra.size());
        }
        List<String> all = new ArrayList<>(STANDARD_NAMES);
        all.addAll(extra);
        return of(all);
    }

    private static TrackingParameters of(List<String> entries) {
        Set<String> names = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.toLowerCase(Locale.ROOT);
            if (e.endsWith("*")) {
                prefixes.add(e.substring(0, e.length() - 1));
            } else {
                names.add(e);
            }
        }
        return new TrackingParameters(names, prefixes);
    }

    /** Whether the query parameter named {@code name} (decoded) is a tracking parameter. */
    public boolean matches(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (names.contains(n)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (n.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
