package dev.sluice.url;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * What identifies the page a link points to, for telling whether two links are the same story:
 * tracking parameters, the fragment (a place on the page) and the difference between http and
 * https are ignored; scheme and host compare without case (an international host by its ASCII
 * form), a default port is the same as none, a trailing slash on the path is ignored
 * ({@code /story/} is {@code /story}), percent-encoding compares by what it encodes, and the
 * remaining query parameters compare in name order. The path keeps its case: servers tell
 * {@code /About} from {@code /about}.
 */
public final class LinkKey {
    private final TrackingParameters tracking;

    public LinkKey(TrackingParameters tracking) {
        this.tracking = tracking;
    }

    /** A query parameter, decoded. */
    private record Parameter(String name, String value) {
    }

    /**
     * The key of {@code link}: an http(s) link in canonical form, any other non-blank text as it
     * is (two equal mailto: links are equal); null for a blank link, which identifies nothing.
     */
    public String of(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String s = link.strip();
        HttpUrl url = HttpUrl.parse(s);
        if (url == null) {
            return s;
        }
        // Ported to https as it stands: an explicit port that was the scheme's default stays default.
        int port = url.port() == HttpUrl.defaultPort(url.scheme()) ? HttpUrl.defaultPort("https") : url.port();
        HttpUrl.Builder key = new HttpUrl.Builder().scheme("https").host(url.host()).port(port)
                .username(url.username()).password(url.password());
        List<String> segments = url.pathSegments();
        int last = segments.size() - 1;
        if (last > 0 && segments.get(last).isEmpty()) {
            last--; // a trailing slash
        }
        for (int i = 0; i <= last; i++) {
            key.addPathSegment(segments.get(i)); // decoded segments, encoded again one way
        }
        List<Parameter> kept = new ArrayList<>();
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            if (!name.isEmpty() && !tracking.matches(name)) {
                kept.add(new Parameter(name, url.queryParameterValue(i)));
            }
        }
        // By name only, and stably: repeated parameters (tag=a&tag=b) keep their order, which may mean something.
        kept.sort(Comparator.comparing(Parameter::name));
        for (Parameter p : kept) {
            key.addQueryParameter(p.name(), p.value());
        }
        return key.build().toString();
    }
}
