package dev.sluice.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.PipeRepository;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code /mypipes.opml}: one's own feeds as a subscription list a feed reader can import. */
class OpmlTest {
    AccountFixture f;

    @BeforeEach
    void start() {
        f = new AccountFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void listsEachOwnPipeFeedEscapedWithTheKeyOfPrivatePipes() throws Exception {
        User me = f.user("me@example.org");
        StoredPipe shared = create(me, "Rust & Java <news> \"daily\"\u0001", true);
        StoredPipe secret = create(me, "", false);
        create(f.user("other@example.org"), "Not mine", true);

        HttpResponse<String> r = f.get("/mypipes.opml", f.server.session("me@example.org"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/x-opml");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;").contains(".opml");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList outlines = doc.getElementsByTagName("outline");
        assertThat(outlines.getLength()).isEqualTo(2);
        Element first = find(outlines, shared.id());
        assertThat(first.getAttribute("text")).isEqualTo("Rust & Java <news> \"daily\"");
        assertThat(first.getAttribute("type")).isEqualTo("rss");
        assertThat(first.getAttribute("xmlUrl")).isEqualTo(AccountFixture.BASE + "/feed/" + shared.id() + ".rss");
        Element second = find(outlines, secret.id());
        assertThat(second.getAttribute("xmlUrl")).isEqualTo(AccountFixture.BASE + "/feed/" + secret.id() + ".rss?key=" + secret.feedKey());
        assertThat(second.getAttribute("title")).isEqualTo("Pipe " + secret.id());
        assertThat(r.body()).doesNotContain("Not mine");
    }

    private static Element find(NodeList outlines, String pipeId) {
        for (int i = 0; i < outlines.getLength(); i++) {
            Element e = (Element) outlines.item(i);
            if (e.getAttribute("xmlUrl").contains("/feed/" + pipeId + ".")) {
                return e;
            }
        }
        throw new AssertionError("no outline for " + pipeId);
    }

    private StoredPipe create(User owner, String title, boolean isPublic) {
        try {
            return f.server.sluice.pipes().create(owner, new PipeRepository.Draft(title, "", Pipes.EMPTY, isPublic, List.of()));
        } catch (dev.sluice.pipe.PipeFormatException e) {
            throw new AssertionError(e);
        }
    }
}
