package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTML policy byte for byte, on the inputs where a new jsoup could change it: what the
 * sanitiser removes stays removed, and what readers saw stays as they saw it.
 */
class FeedHtmlTest {

    @BeforeEach
    void forget() {
        FeedHtml.forgetCleaned();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
            <p>Before</p><script>alert(1)</script><p>After</p> => <p>Before</p><p>After</p>
            <img src=x onerror=alert(1)><img src="https://a.example/a.png" onload="alert(2)" alt="A &amp; B"> => <img><img src="https://a.example/a.png" alt="A &amp; B">
            <a href="java&#x09;script:alert(1)">tab</a><a href=" javascript:alert(1)">space</a><a href="&#x2028;javascript:alert(1)">ls</a> => <a>tab</a><a>space</a><a>ls</a>
            <img src="data:image/png;base64,AAAA" alt=d><img src="data:text/html,x"><a href="data:image/png;base64,AAAA">a</a> => <img src="data:image/png;base64,AAAA" alt="d"><img><a>a</a>
            <img srcset="javascript:alert(1) 1x" src="https://a.example/1.png"> => <img src="https://a.example/1.png">
            <div style="position:fixed" id=i><form><input value=x><button>Go</button></form><iframe src=https://e.example></iframe></div> => <div></div>
            <svg></p><style><a id="</style><img src=1 onerror=alert(1)>"> => <p></p><img>"&gt;
            <b><noscript><a alt="</noscript><img src=x onerror=alert(1)>"></noscript> => <b></b>
            <math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;"> => ~~
            <p title='5 < 6 &amp; "quoted"'>Entities</p> => <p title="5 &lt; 6 &amp; &quot;quoted&quot;">Entities</p>
            <p>caf&eacute; &copy; &nbsp;&#x1F600;</p> => <p>café © &nbsp;😀</p>
            <![CDATA[Wrapped twice]]> => Wrapped twice
            <p>Intro</p><![CDATA[<b>not markup</b> & more]]><p>End</p> => <p>Intro</p>&lt;b&gt;not markup&lt;/b&gt; &amp; more<p>End</p>
            <xmp><b>code</b></xmp> => &lt;b&gt;code&lt;/b&gt;
            """)
    void keepsWhatReadersSawAndRemovesTheRest(String html, String clean) {
        assertThat(FeedHtml.clean(html)).isEqualTo(clean);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
            <![CDATA[Double wrapped]]> => Double wrapped
            <b>Bold</b> <![CDATA[and <i>literal</i>]]> => Bold and <i>literal</i>
            """)
    void titlesWrappedInCdataTwiceKeepTheirText(String title, String text) {
        assertThat(Titles.text(title, null, false)).isEqualTo(text);
    }
}
