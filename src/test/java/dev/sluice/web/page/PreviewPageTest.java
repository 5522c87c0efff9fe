package dev.sluice.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preview page beyond plain feeds: parameters, stale output after a failed run, and data pipes. */
class PreviewPageTest {
    MockWebServer upstream;
    /** path → {content type, body}; a missing path is a 404. */
    final Map<String, String[]> files = new ConcurrentHashMap<>();
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String[] file = files.get(request.getRequestUrl().encodedPath());
                return file == null ? new MockResponse().setResponseCode(404)
                        : new MockResponse().setHeader("Content-Type", file[0]).setBody(file[1]);
            }
        });
        upstream.start(InetAddress.getByName("127.0.0.1"), 0);
        server = Visitor.server();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        upstream.shutdown();
    }

    String url(String path) {
        return "http://127.0.0.1:" + upstream.getPort() + path;
    }

    static String rss(String title) {
        return "<rss version=\"2.0\"><channel><title>c</title><item><title>" + title + "</title><guid>" + title
                + "</guid></item></channel></rss>";
    }

    @Test
    void textInputsBecomeAParametersFormWhoseValuesReachThePipe() {
        files.put("/a.xml", new String[] {"application/rss+xml", rss("From A")});
        files.put("/b.xml", new String[] {"application/rss+xml", rss("From B")});
        String json = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"f\",\"from_output_slot\":0}]},"
                + "{\"id\":\"f\",\"type\":\"FeedBlock\",\"userinputs\":[\"\"],\"textinputs\":[{\"from\":\"t\",\"from_output_slot\":0}]},"
                + "{\"id\":\"t\",\"type\":\"TextinputBlock\",\"userinputs\":[\"source\",\"" + url("/a.xml") + "\"]}]}";
        StoredPipe pipe = server.save("pat@example.org", "Chooser", json, true);
        Visitor anonymous = Visitor.anonymous(server);

        String page = anonymous.get("/pipe/" + pipe.id()).body();
        assertThat(page).contains("<form class=\"params\" method=\"get\" action=\"/preview/" + pipe.id() + "\">")
                .contains("<label for=\"param-0\">source</label>").contains("name=\"source\"");
        assertThat(anonymous.get("/preview/" + pipe.id()).body()).contains("From A");
        String chosen = anonymous.get("/preview/" + pipe.id() + "?source=" + url("/b.xml")).body();
        assertThat(chosen).contains("From B").doesNotContain("From A").contains("value=\"" + url("/b.xml") + "\"");
    }

    @Test
    void aFailedRunShowsTheLastGoodOutputMarkedStaleWithItsErrors() {
        files.put("/news.xml", new String[] {"application/rss+xml", rss("Older news")});
        StoredPipe pipe = server.save("pat@example.org", "News", PipePagesTest.feedPipe(url("/news.xml")), true);
        Visitor owner = Visitor.loggedIn(server, "pat@example.org");
        String fresh = owner.get("/preview/" + pipe.id()).body();
        assertThat(fresh).contains("Older news").doesNotContain("Stale:").doesNotContain("Errors");

        // a body that is no feed: the fetch works, the run fails (a 404 would be bridged by the downloader's own stale copy)
        files.put("/news.xml", new String[] {"application/rss+xml", "this is not a feed"});
        server.clock.advance(Duration.ofMinutes(11));
        String stale = owner.get("/preview/" + pipe.id()).body();
        assertThat(stale).contains("Older news").contains("<strong>Stale:</strong>").contains("11 min ago")
                .contains("<h2>Errors</h2>").contains("Feed (f)");
        assertThat(owner.get("/mypipes").body()).contains("Last run: stale (last run failed)");
    }

    @Test
    void aDataPipeIsShownAsIndentedEscapedJson() {
        files.put("/talks.json", new String[] {"application/json",
                "{\"talks\":[{\"title\":\"<script>alert(1)</script>Streams\",\"room\":\"B\"}]}"});
        String json = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"dl\",\"from_output_slot\":0}]},"
                + "{\"id\":\"dl\",\"type\":\"WateredDownloadBlock\",\"userinputs\":[\"" + url("/talks.json") + "\"]}]}";
        StoredPipe pipe = server.save("pat@example.org", "Talks", json, true);
        String html = Visitor.anonymous(server).get("/preview/" + pipe.id()).body();
        assertThat(html).contains("Data (JSON source, shown as JSON)").contains("&quot;room&quot; : &quot;B&quot;")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;Streams").doesNotContain("<script>alert")
                .doesNotContain("items</h2>");
        HostileContentTest.assertInert("data preview", html);
    }
}
