package dev.sluice.block.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.TestContext;
import dev.sluice.block.TestFeeds;
import dev.sluice.block.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The data Filter on the talks fixtures: which entries it removes, and the errors users see. */
class WateredFilterBlockTest {

    static Value.Data run(Value.Data input, TestContext ctx, String target, String field, String value, String op) {
        BlockCall call = new BlockCall("f", "Filter data", TestFeeds.options(target, field, value, op), List.of(input));
        return (Value.Data) WateredFilterBlock.TYPE.block().run(call, ctx);
    }

    static Value.Data run(Value.Data input, String target, String field, String value, String op) {
        return run(input, new TestContext(), target, field, value, op);
    }

    static List<String> titles(JsonNode entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.get("title").asText()));
        return out;
    }

    @ParameterizedTest(name = "remove when {1} {3} \"{2}\" in {0}")
    @CsvSource(delimiter = '|', value = {
            "$.items|title|Java|contains|Virtual threads in practice;Pattern matching deep dive",
            "$.items|title|Java|misses|Rust for Java developers",
            "$.items|tags|java|contains|Rust for Java developers",
            "$.items|tags|java|misses|Virtual threads in practice;Pattern matching deep dive",
            "$.items|title|^[RP]|regexp|Virtual threads in practice",
            "$.items|title|/virtual/i|regexp|Rust for Java developers;Pattern matching deep dive",
            "$.items|title|virtual|contains|Virtual threads in practice;Rust for Java developers;Pattern matching deep dive",
            "$.items|title|/virtual/i|contains|Rust for Java developers;Pattern matching deep dive",
            "$.items|title|.|contains|Virtual threads in practice;Rust for Java developers;Pattern matching deep dive",
            "$.items|speaker.name|Bo|contains|Virtual threads in practice;Pattern matching deep dive",
            "$.items|@.speaker.name|Cy|contains|Virtual threads in practice;Rust for Java developers",
            "$.items|$.items[*].speaker.name|Ada|contains|Rust for Java developers;Pattern matching deep dive",
            "$.items|['title']|deep|contains|Virtual threads in practice;Rust for Java developers",
            "$.items[*]|title|Rust|contains|Virtual threads in practice;Pattern matching deep dive",
            "$.items[?(@.speaker.name != \"Ada\")]|tags|java|contains|Virtual threads in practice;Rust for Java developers",
            "$.items|nosuchfield|x|contains|Virtual threads in practice;Rust for Java developers;Pattern matching deep dive",
            "$.items|nosuchfield|x|misses|",
            "$.items||java|''|Rust for Java developers",
    })
    void removesTheEntriesWhoseFieldMeetsTheRule(String target, String field, String value, String op, String expected) {
        Value.Data out = run(DataFixtures.data("talks.json"), target, field == null ? "tags" : field, value, op);
        assertThat(titles(out.tree().get("items")))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.split(";")));
        assertThat(out.tree().get("conference").asText()).isEqualTo("JVM Days");
        assertThat(out.sourceFormat()).isEqualTo("json");
    }

    @Test
    void aTargetMatchingSeveralArraysFiltersEachOfThem() {
        Value.Data out = run(DataFixtures.data("talks.json"), "$.items[*].tags", "", "java", "contains");
        assertThat(out.tree().at("/items/0/tags").toString()).isEqualTo("[\"loom\"]");
        assertThat(out.tree().at("/items/1/tags").toString()).isEqualTo("[\"rust\"]");
        assertThat(out.tree().at("/items/2/tags")).isEmpty();
    }

    @Test
    void withAnEmptyFieldTheAddressedEntriesThemselvesAreRemoved() {
        Value.Data out = run(DataFixtures.data("talks.json"), "$.items[*].tags[*]", "", "/^l/", "contains");
        assertThat(out.tree().at("/items/0/tags").toString()).isEqualTo("[\"java\"]");
        assertThat(out.tree().at("/items/1/tags").toString()).isEqualTo("[\"rust\"]");
    }

    @Test
    void xmlEntriesAreFilteredAndStayXml() {
        Value.Data out = run(DataFixtures.data("talks.xml"), "$.rss.channel.item", "category", "rust", "contains");
        assertThat(out.sourceFormat()).isEqualTo("xml");
        assertThat(titles(out.tree().at("/rss/channel/item")))
                .containsExactly("Virtual threads in practice", "Pattern matching deep dive");
    }

    @Test
    void aLoneXmlElementCountsAsAListOfOne() {
        Value.Data lone = DataTrees.parse(DataFixtures.download("<rss><channel><item><title>Only</title></item></channel></rss>"));
        assertThat(run(lone, "$.rss.channel.item", "title", "Other", "contains").tree().at("/rss/channel/item/title").asText())
                .isEqualTo("Only");
        assertThat(run(lone, "$.rss.channel.item", "title", "Only", "contains").tree().at("/rss/channel/item")).isEmpty();
    }

    @Test
    void aWholeDocumentThatIsAnArrayIsFilteredAtTheRoot() {
        Value.Data out = run(DataFixtures.json("[{\"t\":\"a1\"},{\"t\":\"b2\"},{\"t\":\"a3\"}]"), "$", "t", "a", "contains");
        assertThat(out.tree().toString()).isEqualTo("[{\"t\":\"b2\"}]");
    }

    @Test
    void aFilterExpressionCanBeTheTarget() {
        Value.Data out = run(DataFixtures.data("talks.json"), "$.items[?(@.speaker.name != 'Bob')].tags", "", "loom", "misses");
        assertThat(out.tree().at("/items/0/tags").toString()).isEqualTo("[\"loom\"]");
        assertThat(out.tree().at("/items/1/tags").toString()).as("Bob's talk is not addressed").isEqualTo("[\"rust\"]");
        assertThat(out.tree().at("/items/2/tags")).isEmpty();
    }

    @Test
    void anEmptyValueFiltersNothing() {
        Value.Data in = DataFixtures.data("talks.json");
        assertThat(run(in, "$.items", "title", "", "misses")).isSameAs(in);
    }

    @Test
    void theInputTreeIsNotChanged() {
        Value.Data in = DataFixtures.data("talks.json");
        String before = in.tree().toString();
        run(in, "$.items", "title", "Rust", "contains");
        assertThat(in.tree().toString()).isEqualTo(before);
    }

    @Test
    void aTargetThatMatchesNothingIsAWarningAndChangesNothing() {
        TestContext ctx = new TestContext();
        Value.Data in = DataFixtures.data("talks.json");
        Value.Data out = run(in, ctx, "$.talks", "title", "Rust", "contains");
        assertThat(out.tree()).isEqualTo(in.tree());
        assertThat(ctx.warnings()).singleElement().asString().contains("\"$.talks\"").contains("matches nothing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "invalid target path|$.items[*|title|contains|The target path \"$.items[*\" is not a valid JSONPath",
            "invalid field path|$.items|speaker name|contains|The field \"$.speaker name\" is not a valid JSONPath",
            "target is a text|$.conference|title|contains|The target path \"$.conference\" leads to a text, not to an array",
            "target is an object|$.items[0].speaker|name|contains|leads to an object, not to an array",
            "regex inside the path|$.items[?(@.title =~ /(a+)+$/)]|title|contains|regular expressions inside JSONPath are not supported",
            "unknown operator|$.items|title|equals|Unknown operator \"equals\"",
            "invalid regexp|$.items|title|regexp|not a valid regular expression",
    })
    void badOptionsAreClearErrors(String name, String target, String field, String op, String message) {
        String value = op.equals("regexp") ? "/(unclosed/" : "x";
        assertThatThrownBy(() -> run(DataFixtures.data("talks.json"), target, field, value, op))
                .isInstanceOf(BlockError.class).hasMessageContaining(message);
    }

    @Test
    void theDeadlineStopsALongFilter() {
        assertThatThrownBy(() -> run(DataFixtures.data("talks.json"), TestContext.expired(), "$.items", "title", "x", "contains"))
                .isInstanceOf(dev.sluice.block.DeadlineExceeded.class);
    }
}
