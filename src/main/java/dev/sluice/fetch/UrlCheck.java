package dev.sluice.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * First gate of every hop: only http/https, normalised by OkHttp's URL parser (lower-case host,
 * default port dropped, canonical escapes, no fragment), and hosts written as IP addresses judged
 * here, because OkHttp connects to literal addresses without asking our {@link GuardedDns}.
 * Host names are judged later, at DNS time, on every address they resolve to.
 */
final class UrlCheck {

    /** A checked URL, or why it is refused. Exactly one of the two is set. */
    record Verdict(HttpUrl url, FetchFailure.Refused refusal) {
        boolean allowed() {
            return url != null;
        }
    }

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final int QUOTED_URL_MAX = 200;

    /** Verdicts are pure functions of the text, so warm runs skip parsing; long texts are not kept. */
    private static final int MEMO_ENTRIES = 10_000;
    private static final int MEMO_MAX_LENGTH = 2048;

    private final AddressPolicy policy;
    private final Cache<String, Verdict> memo = Caffeine.newBuilder()
            .executor(Runnable::run).maximumSize(MEMO_ENTRIES).build();

    UrlCheck(AddressPolicy policy) {
        this.policy = policy;
    }

    /** Parses and checks a URL as the user wrote it. */
    Verdict check(String raw) {
        if (raw == null || raw.length() > MEMO_MAX_LENGTH) {
            return parseAndCheck(raw);
        }
        Verdict known = memo.getIfPresent(raw);
        if (known == null) {
            known = parseAndCheck(raw);
            memo.put(raw, known);
        }
        return known;
    }

    private Verdict parseAndCheck(String raw) {
        String trimmed = raw == null ? "" : raw.strip();
        if (trimmed.isEmpty()) {
            return refused("No URL given");
        }
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) {
            Matcher scheme = SCHEME.matcher(trimmed);
            if (scheme.find() && !isHttp(scheme.group(1))) {
                return refused("Only http and https URLs can be fetched, not " + scheme.group(1).toLowerCase(Locale.ROOT)
                        + ": " + quote(trimmed));
            }
            return refused("Not a valid http(s) URL: " + quote(trimmed));
        }
        return check(url);
    }

    /** Checks an already parsed URL (a redirect target). */
    Verdict check(HttpUrl url) {
        HttpUrl normalised = url.fragment() == null ? url : url.newBuilder().fragment(null).build();
        return hostRefusal(normalised.host())
                .map(reason -> refused(normalised + ": " + reason))
                .orElseGet(() -> new Verdict(normalised, null));
    }

    private Optional<String> hostRefusal(String host) {
        if (policy.allowsEverything()) {
            return Optional.empty();
        }
        if (host.indexOf(':') >= 0) {
            return literalRefusal(ipv6Literal(host));
        }
        byte[] quad = NumericHost.dottedQuad(host);
        if (quad != null) {
            return literalRefusal(address(quad));
        }
        if (NumericHost.looksNumeric(host)) {
            return Optional.of(unusualNumeric(host));
        }
        return Optional.empty();
    }

    private Optional<String> literalRefusal(InetAddress address) {
        return policy.refusedKind(address)
                .map(kind -> AddressPolicy.text(address) + " is " + kind.description() + ", refused");
    }

    /** Odd spellings are refused even for public addresses: resolvers disagree on what they mean. */
    private static String unusualNumeric(String host) {
        byte[] decoded = NumericHost.inetAton(host);
        if (decoded == null) {
            return host + " is not a valid IP address, refused";
        }
        InetAddress address = address(decoded);
        AddressKind kind = AddressPolicy.classify(address);
        String plain = address.getHostAddress();
        return kind == AddressKind.PUBLIC
                ? host + " is an unusual way of writing " + plain + "; write the address as " + plain
                : host + " is an unusual way of writing " + plain + ", " + kind.description() + ", refused";
    }

    private static InetAddress ipv6Literal(String host) {
        try {
            return InetAddress.getByName(host); // OkHttp has validated it as an IPv6 literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException("OkHttp accepted an invalid IPv6 literal " + host, e);
        }
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only thrown for a wrong array length
        }
    }

    private static boolean isHttp(String scheme) {
        return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
    }

    private static Verdict refused(String message) {
        return new Verdict(null, new FetchFailure.Refused(message));
    }

    /** User input in messages, cut so a megabyte "URL" does not become a megabyte message. */
    static String quote(String raw) {
        return raw.length() <= QUOTED_URL_MAX ? raw : raw.substring(0, QUOTED_URL_MAX) + "…";
    }
}
