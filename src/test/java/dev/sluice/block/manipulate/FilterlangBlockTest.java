package dev.sluice.block.manipulate;

import static dev.sluice.block.TestFeeds.call;
import static dev.sluice.block.TestFeeds.feed;
import static dev.sluice.block.TestFeeds.feedOf;
import static dev.sluice.block.TestFeeds.guids;
import static dev.sluice.block.TestFeeds.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterlangBlockTest {

    private static Item item(String guid, String title, String description) {
        return Item.builder().guid(guid).title(title).description(description).build();
    }

    private static final Item EN = item("en", "Release notes",
            "<p>The new version of the library is faster and uses less memory. We would like to thank everyone"
                    + " who reported problems and helped us to fix them over the last months.</p>");
    private static final Item DE = item("de", "Versionshinweise",
            "<p>Die neue Version der Bibliothek ist schneller und braucht weniger Speicher. Wir danken allen,"
                    + " die uns in den letzten Monaten Fehler gemeldet und bei der Behebung geholfen haben.</p>");
    private static final Item FR = item("fr", "Notes de version",
            "La nouvelle version de la bibliothèque est plus rapide et utilise moins de mémoire. Nous remercions"
                    + " toutes les personnes qui nous ont signalé des problèmes au cours des derniers mois.");
    private static final Item ES = item("es", "Notas de la versión",
            "La nueva versión de la biblioteca es más rápida y usa menos memoria. Queremos agradecer a todas las"
                    + " personas que nos informaron de problemas y nos ayudaron a resolverlos en los últimos meses.");
    private static final Item EMPTY = item("empty", "", "");

    private static final Feed FEED = feed(EN, DE, FR, ES, EMPTY);

    @ParameterizedTest(name = "[{index}] {0}, block {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "en      | false | en",
            "de      | false | de",
            "DE      | false | de",
            "deu     | false | de",
            "German  | false | de",
            "english | false | en",
            "fr      | false | fr",
            "es      | false | es",
            "it      | false | ''",
            "en      | true  | de fr es empty",
            "de      | true  | en fr es empty",
    })
    void keepsOrBlocksItemsByDetectedLanguage(String language, boolean block, String expected) {
        Value out = FilterlangBlock.TYPE.block().run(call(FEED, language, block, "all"), new TestContext());
        assertThat(guids(out)).containsExactlyElementsOf(list(expected));
    }

    @Test
    void readsOnlyTheChosenField() {
        // a German title over an English text: the title alone is German
        Item mixed = item("mixed", "Die neue Version der Bibliothek ist schneller und braucht weniger Speicher als je zuvor",
                EN.description());
        Feed one = feed(mixed);
        assertThat(guids(FilterlangBlock.TYPE.block().run(call(one, "de", false, "title"), new TestContext())))
                .containsExactly("mixed");
        assertThat(guids(FilterlangBlock.TYPE.block().run(call(one, "en", false, "description"), new TestContext())))
                .containsExactly("mixed");
        assertThat(guids(FilterlangBlock.TYPE.block().run(call(one, "en", false, "content"), new TestContext())))
                .as("no content: no language").isEmpty();
    }

    @Test
    void reportsTheDetectedLanguageOfDroppedItems() {
        TestContext ctx = new TestContext();
        FilterlangBlock.TYPE.block().run(call(feed(DE, EMPTY), "en", false, ""), ctx);
        assertThat(ctx.rules()).containsExactly("written in German (de), not English (en)", FilterlangBlock.UNKNOWN);
    }

    @Test
    void anEmptyLanguageLetsEverythingThrough() {
        assertThat(feedOf(FilterlangBlock.TYPE.block().run(call(FEED, " ", false, "all"), new TestContext()))).isSameAs(FEED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "klingon | all   | Unknown language \"klingon\"",
            "en      | links | Unknown field \"links\"",
    })
    void badOptionsAreClearErrors(String language, String field, String message) {
        assertThatThrownBy(() -> FilterlangBlock.TYPE.block().run(call(FEED, language, false, field), new TestContext()))
                .isInstanceOf(BlockError.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource({"OK", "12345 678", "Hello", "Release 2.0", "''"})
    void textsTooShortToTellHaveNoLanguage(String text) {
        assertThat(LanguageDetector.detect(text)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource({"en, en", "eng, en", "English, en", "nld, nl", "Dutch, nl", "zho, zh", "Chinese, zh", "' fr ', fr"})
    void languagesAreNamedByCodeOrEnglishName(String name, String code) {
        assertThat(LanguageDetector.code(name)).isEqualTo(code);
    }

    @Test
    void stopsAtTheDeadline() {
        assertThatThrownBy(() -> FilterlangBlock.TYPE.block().run(call(FEED, "en", false, "all"), TestContext.expired()))
                .isInstanceOf(DeadlineExceeded.class);
    }
}
