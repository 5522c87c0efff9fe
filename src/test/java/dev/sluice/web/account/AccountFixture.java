package dev.sluice.web.account;

import dev.sluice.auth.Sessions;
import dev.sluice.model.User;
import dev.sluice.store.Database;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.sqlite.SQLiteConfig;

/**
 * A Sluice server whose public URL is {@link #BASE} (so same-origin requests say
 * {@code Origin: http://sluice.test}, as a browser on that site would), with the steps a browser
 * takes on the settings page: form posts with the session cookie, file uploads, and a look into
 * the database file to check what a request changed.
 */
final class AccountFixture implements AutoCloseable {
    static final String BASE = "http://sluice.test";
    static final String FORM = "application/x-www-form-urlencoded";

    final TestServer server;
    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

    AccountFixture() {
        this(Map.of());
    }

    AccountFixture(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("SLUICE_BASE_URL", BASE);
        this.server = new TestServer(all);
    }

    User user(String email) {
        return server.sluice.users().findOrCreate(email);
    }

    HttpResponse<String> get(String path, String session) {
        return server.get(path, "Cookie", Sessions.COOKIE + "=" + session);
    }

    /** A form POST from this site, with the session cookie; {@code fields} as name, value pairs. */
    HttpResponse<String> post(String path, String session, String... fields) {
        return server.post(path, FORM, form(fields), "Cookie", Sessions.COOKIE + "=" + session, "Origin", BASE);
    }

    /** The same POST as a page on another site would send it. */
    HttpResponse<String> forged(String path, String session, String... fields) {
        return server.post(path, FORM, form(fields), "Cookie", Sessions.COOKIE + "=" + session, "Origin", "https://evil.example");
    }

    /** Uploads {@code content} as the import form's file. */
    Response upload(String session, String fileName, byte[] content) {
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart(ImportUpload.FIELD, fileName, RequestBody.create(content, MediaType.get("application/json")))
                .build();
        Request request = new Request.Builder().url(server.url("/settings/import")).post(body)
                .header("Cookie", Sessions.COOKIE + "=" + session).header("Origin", BASE).build();
        try {
            Response response = http.newCall(request).execute();
            response.body().bytes();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows a settings redirect: the page with its one-time message. */
    HttpResponse<String> follow(HttpResponse<String> redirect, String session) {
        return get(location(redirect.headers().firstValue("Location").orElseThrow()), session);
    }

    HttpResponse<String> follow(Response redirect, String session) {
        return get(location(redirect.header("Location")), session);
    }

    private static String location(String location) {
        String path = location.startsWith(BASE) ? location.substring(BASE.length()) : location;
        int hash = path.indexOf('#');
        return hash < 0 ? path : path.substring(0, hash);
    }

    /** Rows of a query on the server's database file, each a column → value map. */
    List<Map<String, Object>> query(String sql, Object... args) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setBusyTimeout(5000);
        try (Connection c = sqlite.createConnection("jdbc:sqlite:" + server.dataDir.resolve(Database.FILE_NAME));
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        // Blobs as text, so that rows compare by content.
                        row.put(rs.getMetaData().getColumnName(i), value instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    long count(String sql, Object... args) {
        return ((Number) query(sql, args).get(0).values().iterator().next()).longValue();
    }

    static String form(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return sb.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
