package dev.sluice.block.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the site rules option is read: one rule per line or per ';', subdomains, the most specific host, bad rules. */
class SiteRulesTest {
    static final SiteRules RULES = SiteRules.parse("""
            # comments and blank lines are skipped

            example.org: article .post-body
            news.example.org: .story ; https://blog.example.net/posts: div.entry-content p
            """);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "example.org          | article .post-body",
            "www.example.org      | article .post-body",
            "news.example.org     | .story",
            "live.news.example.org| .story",
            "blog.example.net     | div.entry-content p",
            "NEWS.Example.ORG     | .story",
            "badexample.org       | ''",
            "example.org.evil.com | ''",
            "example.net          | ''",
    })
    void aHostTakesTheMostSpecificRuleThatCoversIt(String host, String selector) {
        assertThat(RULES.forHost(host).map(SiteRules.Rule::selector).orElse("")).isEqualTo(selector);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "example.org article           | has no colon",
            ": article                     | does not start with a host name",
            "exa mple.org: article         | does not start with a host name",
            "example.org:                  | has no selector",
            "example.org: div[unclosed     | is not a CSS selector",
            "example.org: ::before:has(    | is not a CSS selector",
    })
    void aRuleThatIsNotOneSaysWhichAndWhy(String text, String why) {
        assertThatThrownBy(() -> SiteRules.parse(text)).isInstanceOf(BlockError.class).hasMessageContaining(why)
                .hasMessageContaining(text.strip());
    }

    @Test
    void noRulesAtAll() {
        assertThat(SiteRules.parse("  \n ; # nothing\n")).isEqualTo(SiteRules.NONE);
        assertThat(SiteRules.NONE.forHost("example.org")).isEmpty();
    }
}
