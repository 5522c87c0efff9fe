package dev.sluice.web.page;

import dev.sluice.auth.Sessions;
import dev.sluice.testing.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone using the site with a plain HTTP client, as a browser without JavaScript would: with a
 * session cookie when logged in, and the site's own {@code Origin} on form posts.
 */
final class Visitor {
    static final String BASE = "http://sluice.test";
    private static final Pattern PIPE_LINK = Pattern.compile("<h3><a href=\"/pipe/([A-Za-z0-9]+)\">");

    private final TestServer server;
    private final String session;

    private Visitor(TestServer server, String session) {
        this.server = server;
        this.session = session;
    }

    /** A server whose public URL is {@link #BASE}, so forms posted "from" it pass the origin check. */
    static TestServer server() {
        return new TestServer(java.util.Map.of("SLUICE_BASE_URL", BASE));
    }

    static Visitor anonymous(TestServer server) {
        return new Visitor(server, null);
    }

    static Visitor loggedIn(TestServer server, String email) {
        return new Visitor(server, server.session(email));
    }

    HttpResponse<String> get(String path) {
        return session == null ? server.get(path) : server.get(path, "Cookie", Sessions.COOKIE + "=" + session);
    }

    /** A form post from the site itself. */
    HttpResponse<String> post(String path, String... fields) {
        return postFrom(BASE, path, fields);
    }

    /** A form post whose page came from {@code origin} (another site: a forgery). */
    HttpResponse<String> postFrom(String origin, String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        List<String> headers = new ArrayList<>(List.of("Origin", origin));
        if (session != null) {
            headers.addAll(List.of("Cookie", Sessions.COOKIE + "=" + session));
        }
        return server.post(path, "application/x-www-form-urlencoded", body.toString(), headers.toArray(String[]::new));
    }

    /** The pipe ids a gallery or landing page lists, in order. */
    static List<String> listedPipes(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = PIPE_LINK.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }
}
