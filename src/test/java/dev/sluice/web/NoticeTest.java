package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.TestServer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A notice named in the URL appears once, on any page; an unknown code shows nothing. */
class NoticeTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/pipes", "/login"})
    void aKnownNoticeIsShownOnceOnAnyPage(String path) {
        String html = server.get(path + "?notice=" + Notice.ACCOUNT_DELETED.code()).body();
        assertThat(Jsoup.parse(html).select("[role=status]:contains(" + Notice.ACCOUNT_DELETED.text().substring(0, 20) + ")"))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "Your account was hacked, call 555-0100", ""})
    void aCraftedLinkCannotPutWordsOnTheSite(String code) {
        String html = server.get("/pipes?notice=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(Jsoup.parse(html).select("p.flash")).isEmpty();
        assertThat(html).doesNotContain("call 555-0100").doesNotContain("<script>alert(1)");
    }
}
