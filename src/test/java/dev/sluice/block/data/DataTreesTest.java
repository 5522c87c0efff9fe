package dev.sluice.block.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.Value;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading downloads into trees and writing them back: what data pipes' outputs are made of. */
class DataTreesTest {

    @Test
    void jsonIsReadAsItIs() {
        Value.Data data = DataFixtures.data("talks.json");
        assertThat(data.sourceFormat()).isEqualTo("json");
        assertThat(data.tree().at("/items/1/speaker/name").asText()).isEqualTo("Bob");
    }

    @Test
    void xmlKeepsItsRootElementAsTheTopLevelKey() {
        Value.Data data = DataFixtures.data("talks.xml");
        assertThat(data.sourceFormat()).isEqualTo("xml");
        assertThat(data.tree().at("/rss/channel/title").asText()).isEqualTo("JVM Days");
        assertThat(data.tree().at("/rss/channel/item")).hasSize(3);
        assertThat(data.tree().at("/rss/version").asText()).isEqualTo("2.0");
    }

    @Test
    void xmlWrittenBackHasTheSameShape() {
        String xml = new String(DataTrees.toXml(DataFixtures.data("talks.xml")), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml").contains("<rss>").endsWith("</rss>")
                .contains("<item><title>Rust for Java developers</title><category>rust</category></item>");
        assertThat(DataTrees.parse(DataFixtures.download(xml)).tree().at("/rss/channel/item/2/title").asText())
                .isEqualTo("Pattern matching deep dive");
    }

    @Test
    void elementTextBesideAttributesStaysTextAndIsEscaped() {
        Value.Data data = DataFixtures.json("{\"a\":{\"x\":\"1\",\"\":\"fish & chips <3\"}}");
        assertThat(new String(DataTrees.toXml(data), StandardCharsets.UTF_8))
                .endsWith("<a><x>1</x>fish &amp; chips &lt;3</a>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "several top-level keys|{\"a\":1,\"b\":2}|<data><a>1</a><b>2</b></data>",
            "top-level array|[1,{\"my key\":3}]|<data><item>1</item><item><my_key>3</my_key></item></data>",
            "array under the only key|{\"a\":[1,2]}|<data><a>1</a><a>2</a></data>",
            "key starting with a digit|{\"r\":{\"2024\":\"x\"}}|<r><_2024>x</_2024></r>",
            "a plain string|\"hi\"|<data>hi</data>",
    })
    void jsonWrittenAsXmlIsWellFormed(String name, String json, String expected) {
        String xml = new String(DataTrees.toXml(DataFixtures.json(json)), StandardCharsets.UTF_8);
        assertThat(xml).endsWith(expected);
        DataTrees.parse(DataFixtures.download(xml));
    }

    @Test
    void charactersXmlCannotHoldAreLeftOut() {
        String xml = new String(DataTrees.toXml(DataFixtures.json("{\"a\":\"bell\\u0007 nul\\u0000 ok\"}")), StandardCharsets.UTF_8);
        assertThat(xml).endsWith("<a>bell nul ok</a>");
    }

    @Test
    void jsonOutputIsCompactJson() {
        assertThat(new String(DataTrees.toJson(DataFixtures.json("{ \"a\" : [ 1, \"x\" ] }")), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":[1,\"x\"]}");
    }

    @Test
    void aByteOrderMarkAndLeadingBlanksAreNotContent() {
        byte[] body = ("\uFEFF  \n{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
        assertThat(DataTrees.parse(DataFixtures.download(body)).tree().get("ok").asBoolean()).isTrue();
    }

    @Test
    void aDoctypeIsSkippedButNeverProcessed() {
        String legacy = "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
                + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss><c>1</c></rss>";
        assertThat(DataTrees.parse(DataFixtures.download(legacy)).tree().at("/rss/c").asText()).isEqualTo("1");
        String xxe = "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>";
        assertThatThrownBy(() -> DataTrees.parse(DataFixtures.download(xxe)))
                .isInstanceOf(BlockError.class).hasMessageContaining("not well-formed XML");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "invalid JSON|{\"a\": [1, 2|is neither XML nor valid JSON",
            "plain text|hello world|is neither XML nor valid JSON",
            "broken XML|<a><b></a>|is not well-formed XML",
            "empty|'   '|is empty",
    })
    void unreadableDocumentsNameTheUrlAndTheProblem(String name, String body, String message) {
        assertThatThrownBy(() -> DataTrees.parse(DataFixtures.download(body)))
                .isInstanceOf(BlockError.class)
                .hasMessageContaining(DataFixtures.URL).hasMessageContaining(message);
    }
}
