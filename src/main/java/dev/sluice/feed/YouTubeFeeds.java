package dev.sluice.feed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * YouTube page URLs mapped to YouTube's own feed URLs, without touching the network. Channel,
 * legacy user and playlist pages map directly; {@code @handle} and {@code /c/name} pages do not
 * name the channel id, so they are left to autodiscovery on the fetched page.
 */
public final class YouTubeFeeds {

    private static final String FEEDS = "https://www.youtube.com/feeds/videos.xml";
    private static final Set<String> HOSTS = Set.of(
            "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be");
    /** Ids and names as YouTube makes them; anything else is not a page we understand. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{2,100}");

    private YouTubeFeeds() {
    }

    /** The feed URL for a YouTube channel, user or playlist page; empty for anything else. */
    public static Optional<String> feedUrlFor(String url) {
        HttpUrl page = url == null ? null : HttpUrl.parse(url.strip());
        if (page == null || !HOSTS.contains(page.host().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        List<String> path = page.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
        String first = path.isEmpty() ? "" : path.get(0);
        if (first.equals("feeds")) {
            return Optional.empty(); // already a feed URL: fetch it as it is
        }
        if (first.equals("channel") && path.size() > 1 && path.get(1).startsWith("UC")) {
            return feed("channel_id", path.get(1));
        }
        if (first.equals("user") && path.size() > 1) {
            return feed("user", path.get(1));
        }
        String list = page.queryParameter("list");
        if (list != null && (first.equals("playlist") || first.equals("watch") || page.host().equals("youtu.be"))) {
            return feed("playlist_id", list);
        }
        return Optional.empty();
    }

    private static Optional<String> feed(String parameter, String value) {
        if (!ID.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(HttpUrl.get(FEEDS).newBuilder().addQueryParameter(parameter, value).build().toString());
    }
}
