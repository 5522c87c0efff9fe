package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PickerSanitizerTest {
    static final String PAGE = "https://news.example/list";
    static final String FRAME = "https://sluice.example/static/editor/picker-frame.js";

    static String sanitise(String html) {
        Document page = Jsoup.parse(html, PAGE);
        return PickerSanitizer.sanitise(page, PAGE, FRAME, "https://sluice.example");
    }

    /** Each hostile fragment, and a marker of it that must not survive. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            script element                  | <script>document.title='pwned'</script>                         | pwned
            script with src                 | <script src="https://evil.example/x.js"></script>               | evil.example
            svg script                      | <svg><script>alert(1)</script></svg>                            | alert
            onerror handler                 | <img src="a.png" onerror="alert(1)">                            | onerror
            onload on body                  | <body onload="alert(1)"><p>x</p></body>                         | onload
            upper-case handler              | <div ONCLICK="alert(1)">x</div>                                 | alert
            javascript link                 | <a href="javascript:alert(1)">x</a>                             | javascript
            javascript link with whitespace | <a href=" java&#x09;script:alert(1)">x</a>                      | script:
            vbscript link                   | <a href="vbscript:msgbox(1)">x</a>                              | vbscript
            data html link                  | <a href="data:text/html,<script>alert(1)</script>">x</a>        | data:text/html
            javascript form action          | <form action="javascript:alert(1)"><button formaction="javascript:alert(2)">b</button></form> | javascript
            iframe                          | <iframe src="https://evil.example/"></iframe>                   | evil.example
            iframe srcdoc                   | <iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe> | srcdoc
            object                          | <object data="https://evil.example/x.swf"></object>             | evil.example
            embed                           | <embed src="https://evil.example/x.swf">                        | evil.example
            frameset                        | <frameset><frame src="https://evil.example/"></frameset>        | evil.example
            meta refresh                    | <meta http-equiv="refresh" content="0;url=https://evil.example/"> | evil.example
            page's own base                 | <base href="https://evil.example/">                              | evil.example
            prefetch link                   | <link rel="prefetch" href="https://evil.example/next">           | evil.example
            noscript                        | <noscript><img src="https://evil.example/pixel"></noscript>     | evil.example
            """)
    void hostileMarkupDoesNotSurvive(String what, String html, String marker) {
        String out = sanitise("<html><head></head><body><ul id='list'><li class='item'>One</li></ul>" + html + "</body></html>");
        String withoutOurs = out.replace(FRAME, "");
        assertThat(withoutOurs).as(what).doesNotContain(marker);
        assertThat(out).as("the structure stays").contains("<ul id=\"list\"><li class=\"item\">One</li></ul>");
    }

    @Test
    void keepsStructureIdsClassesAndStyleSheetsAndAddsBaseAndOurScriptOnly() {
        String out = sanitise("<html><head><link rel='stylesheet' href='/site.css'><style>li{color:red}</style></head>"
                + "<body><main id='content' class='wide'><article class='post first' data-id='7'><a href='/p/1' title='t'>One</a>"
                + "<img src='/i.png' srcset='/i2.png 2x'></article></main></body></html>");
        Document doc = Jsoup.parse(out);
        assertThat(doc.select("base").attr("href")).isEqualTo(PAGE);
        assertThat(doc.select("link[rel=stylesheet]").attr("href")).isEqualTo("/site.css");
        assertThat(doc.select("style").html()).contains("color:red");
        assertThat(doc.select("main#content.wide > article.post.first[data-id=7] > a[href=/p/1]")).hasSize(1);
        assertThat(doc.select("img").attr("srcset")).isEqualTo("/i2.png 2x");
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("script").attr("src")).isEqualTo(FRAME);
        assertThat(doc.select("script").attr("data-parent-origin")).isEqualTo("https://sluice.example");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            javascript:alert(1)            | true
            JaVaScRiPt:alert(1)            | true
            '  javascript:alert(1)'        | true
            'java\tscript:alert(1)'        | true
            data:text/html;base64,PHNjcmlwdD4= | true
            'a.png 1x, javascript:x 2x'    | true
            https://example.org/a.png      | false
            /relative/path                 | false
            data:image/png;base64,iVBOR    | false
            """)
    void recognisesUrlsThatRunCode(String url, boolean dangerous) {
        assertThat(PickerSanitizer.dangerous(url)).isEqualTo(dangerous);
    }
}
