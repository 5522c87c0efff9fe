package dev.sluice.pipesce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.pipesce.PipesCeRig.Pipe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data › Filter as Pipes CE defines it — "remove when: [target] [control field]
 * [contains|misses|regexp] [value]" — through the editor's /api/run, on JSON and XML documents
 * served on loopback. Rows marked "differs" are where Sluice departs from Pipes CE on purpose (the
 * semantics table says why).
 */
class DataFilterSemanticsTest {
    static final String RELEASES = """
            {"items":[{"title":"Alpha launch","tags":["space"]},{"title":"Beta release","tags":["software","beta"]},
             {"title":"Gamma rays","tags":["physics"]},{"title":"Delta Beta mix","tags":["music","beta"]},
             {"title":"Epsilon","note":"no tags"}]}""";
    static final String CATALOG = """
            <?xml version="1.0"?>
            <catalog>
              <book id="1"><title>Learning XML</title><year>2001</year></book>
              <book id="2"><title>Java in a nutshell</title><year>2005</year></book>
              <book id="3"><title>XML Schema basics</title><year>2002</year></book>
              <book id="4"><title>Effective Java</title><year>2018</year></book>
            </catalog>""";

    static PipesCeRig rig;

    @BeforeAll
    static void start() {
        rig = new PipesCeRig();
        rig.serve("releases.json", "application/json", RELEASES);
        rig.serve("catalog.xml", "application/xml", CATALOG);
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    static JsonNode filter(String file, String target, String field, String value, String operator) {
        JsonNode answer = rig.run(new Pipe()
                .block("dl", "WateredDownloadBlock", List.of(rig.url(file)))
                .block("flt", "WateredFilterBlock", List.of(target, field, value, operator), "dl")
                .output("flt"));
        assertThat(PipesCeRig.errors(answer)).isEmpty();
        return answer.get("data");
    }

    static List<String> texts(JsonNode entries, String field) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(field.isEmpty() ? e.asText() : e.path(field).asText()));
        return out;
    }

    @ParameterizedTest(name = "{0}: remove when {2} {4} \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            // The example: the two Beta items go.
            "contains removes the matches|$.items|title|Beta|contains|Alpha launch;Gamma rays;Epsilon",
            "misses removes the others|$.items|title|Beta|misses|Beta release;Delta Beta mix",
            "regexp|$.items|title|^[AG]|regexp|Beta release;Delta Beta mix;Epsilon",
            "contains is case-sensitive|$.items|title|beta|contains|Alpha launch;Beta release;Gamma rays;Delta Beta mix;Epsilon",
            "an array field matches by any member|$.items|tags|beta|contains|Alpha launch;Gamma rays;Epsilon",
            "the entries themselves as target|$.items[*]|title|Gamma|contains|Alpha launch;Beta release;Delta Beta mix;Epsilon",
            "full path as field, as the autocomplete offers it|$.items|$.items[*].title|Alpha|contains|Beta release;Gamma rays;Delta Beta mix;Epsilon",
            // Differs: Pipes CE made contains a regex (\".\" matched every title and removed all).
            "differs: contains is literal|$.items|title|.|contains|Alpha launch;Beta release;Gamma rays;Delta Beta mix;Epsilon",
            // Differs: Pipes CE removed [software, beta] under \"misses beta\" (one member lacked it).
            "differs: misses means no member contains it|$.items|tags|beta|misses|Beta release;Delta Beta mix",
            // Differs: Pipes CE stopped the pipe with an error on an entry without the field.
            "differs: a missing field misses every value|$.items|tags|space|misses|Alpha launch",
            // Differs: Pipes CE removed every entry for an empty value.
            "differs: an empty value removes nothing|$.items|title|''|contains|Alpha launch;Beta release;Gamma rays;Delta Beta mix;Epsilon",
    })
    void jsonItems(String name, String target, String field, String value, String operator, String kept) {
        JsonNode data = filter("releases.json", target, field, value == null ? "" : value, operator);
        assertThat(texts(data.get("items"), "title")).containsExactly(kept.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // The example: the XML books go.
            "contains|$.catalog.book|title|XML|contains|Java in a nutshell;Effective Java",
            "misses|$.catalog.book|title|Java|misses|Java in a nutshell;Effective Java",
            "an attribute as the field|$.catalog.book|id|/^[13]$/|contains|Java in a nutshell;Effective Java",
            "regexp on a number|$.catalog.book|year|^200[12]$|regexp|Java in a nutshell;Effective Java",
    })
    void xmlBooks(String name, String target, String field, String value, String operator, String kept) {
        JsonNode data = filter("catalog.xml", target, field, value, operator);
        assertThat(texts(data.at("/catalog/book"), "title")).containsExactly(kept.split(";"));
    }

    @Test
    void textInputsFillTheTargetTheFieldAndTheValue() {
        JsonNode answer = rig.run(new Pipe()
                .block("dl", "WateredDownloadBlock", List.of(rig.url("releases.json")))
                .block("flt", "WateredFilterBlock", List.of("", "", "", "contains"), "dl")
                .block("t0", "TextinputBlock", List.of("target", "$.items"))
                .block("t1", "TextinputBlock", List.of("field", "title"))
                .block("t2", "TextinputBlock", List.of("word", "Beta"))
                .text("flt", 0, "t0").text("flt", 1, "t1").text("flt", 2, "t2")
                .output("flt"));
        assertThat(PipesCeRig.errors(answer)).isEmpty();
        assertThat(texts(answer.at("/data/items"), "title")).containsExactly("Alpha launch", "Gamma rays", "Epsilon");
    }

    /** All tags left in the document, in order. */
    @ParameterizedTest(name = "empty control field: {0}")
    @CsvSource(delimiter = '|', value = {
            "the addressed strings go|$.items[*].tags[*]|beta|contains|space;software;physics;music",
            "an array of strings as target|$.items[1].tags|soft|contains|space;beta;physics;music;beta",
    })
    void theAddressedElementItself(String name, String target, String value, String operator, String kept) {
        JsonNode data = filter("releases.json", target, "", value, operator);
        List<String> left = new ArrayList<>();
        data.get("items").forEach(i -> i.path("tags").forEach(t -> left.add(t.asText())));
        assertThat(String.join(";", left)).isEqualTo(kept);
    }
}
