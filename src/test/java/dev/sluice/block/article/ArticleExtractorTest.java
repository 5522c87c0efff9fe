package dev.sluice.block.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.fetch.Download;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Extraction quality on pages written like real ones (news, blog, WordPress, Medium, docs, forum,
 * an old table layout, a site needing a rule, images and relative links, a long read): the
 * table {@code src/test/resources/fulltext/cases.json} names per page the sentences that must
 * survive, the boilerplate that must not (navigation, banners, ads, comments, footers) and the
 * URLs that must come out absolute. Nothing executable may survive on any page.
 */
class ArticleExtractorTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : JSON.readTree(resource("cases.json"))) {
            out.add(Arguments.of(c.path("file").asText(), c));
        }
        return out.stream();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/fulltext/" + name)) {
            return in.readAllBytes();
        }
    }

    static Download page(String url, String contentType, byte[] body) {
        return new Download(url, url, 200, contentType, body, Instant.EPOCH, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keepsTheArticleAndDropsTheBoilerplate(String file, JsonNode c) throws IOException {
        SiteRules rules = SiteRules.parse(c.path("rules").asText(""));
        String url = c.path("url").asText();
        Download page = page(url, c.path("contentType").asText("text/html; charset=utf-8"), resource(file));

        Extraction result = ArticleExtractor.extract(page, rules.forHost(okhttp3.HttpUrl.parse(url).host()));

        assertThat(result).isInstanceOf(Extraction.Found.class);
        String html = ((Extraction.Found) result).html();
        assertThat(((Extraction.Found) result).note()).isEmpty();
        Document doc = Jsoup.parseBodyFragment(html);
        String text = doc.text();
        c.path("keep").forEach(s -> assertThat(text).as("kept").contains(s.asText()));
        c.path("drop").forEach(s -> assertThat(text).as("dropped").doesNotContain(s.asText()));
        assertThat(doc.select("script, style, iframe, form, input, button, noscript")).as("executable or interactive").isEmpty();
        assertThat(doc.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                .map(a -> a.getKey().toLowerCase(java.util.Locale.ROOT)))
                .as("attributes").noneMatch(k -> k.startsWith("on") || k.equals("style"));
        assertThat(html).doesNotContainIgnoringCase("javascript:");
        List<String> urls = new ArrayList<>();
        doc.select("[href], [src], [srcset]").forEach(e -> {
            for (String name : new String[] {"href", "src", "srcset"}) {
                if (e.hasAttr(name)) {
                    urls.add(e.attr(name));
                }
            }
        });
        assertThat(urls).as("every URL absolute").allSatisfy(u -> assertThat(u).matches("(https?://|mailto:).*"));
        c.path("links").forEach(l -> assertThat(urls).contains(l.asText()));
    }

    @Test
    void withoutItsRuleTheGazettesLettersWouldPassForTheStory() throws IOException {
        Download page = page("https://www.rules.example.org/local/lighthouse-cottage", "text/html", resource("site-rule.html"));
        Extraction result = ArticleExtractor.extract(page, Optional.empty());
        assertThat(result).isInstanceOfSatisfying(Extraction.Found.class,
                f -> assertThat(Jsoup.parseBodyFragment(f.html()).text()).contains("Readers' letters"));
    }

    @Test
    void aSiteRuleThatMatchesNothingFallsBackToReadabilityAndSaysSo() throws IOException {
        String url = "https://courier.example.com/local/ferry";
        Download page = page(url, "text/html", resource("news.html"));
        Extraction result = ArticleExtractor.extract(page, SiteRules.parse("example.com: .no-such-class").forHost("courier.example.com"));
        assertThat(result).isInstanceOfSatisfying(Extraction.Found.class, f -> {
            assertThat(f.html()).contains("rebuild the old ferry pier");
            assertThat(f.note()).contains(url).contains(".no-such-class").contains("matched nothing");
        });
    }

    @Test
    void pagesThatAreNotHtmlOrHaveNoTextAreNoArticles() {
        String url = "https://files.example.org/report";
        assertThat(ArticleExtractor.extract(page(url, "application/pdf", "%PDF-1.7 ...".getBytes()), Optional.empty()))
                .isEqualTo(new Extraction.Missing(url + ": not a web page (application/pdf)"));
        assertThat(ArticleExtractor.extract(page(url, "application/json; charset=utf-8", "{\"a\":1}".getBytes()), Optional.empty()))
                .isEqualTo(new Extraction.Missing(url + ": not a web page (application/json)"));
        assertThat(ArticleExtractor.extract(page(url, "", "%PDF-1.7".getBytes()), Optional.empty()))
                .isEqualTo(new Extraction.Missing(url + ": not a web page (no content type)"));
        assertThat(ArticleExtractor.extract(page(url, "text/html", "<html><body><script>x()</script></body></html>".getBytes()),
                Optional.empty())).isEqualTo(new Extraction.Missing(url + ": found no article text on the page"));
    }

    @Test
    void aPageOfTooManyElementsIsNotScored() {
        String url = "https://dump.example.org/all";
        String body = "<html><body>" + "<div><span>x</span></div>".repeat(ArticleExtractor.MAX_ELEMENTS / 2 + 10) + "</body></html>";
        assertThat(ArticleExtractor.extract(page(url, "text/html", body.getBytes()), Optional.empty()))
                .isInstanceOfSatisfying(Extraction.Missing.class, m -> assertThat(m.message()).startsWith(url + ": the page has"));
    }
}
