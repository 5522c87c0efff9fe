package dev.sluice.block.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.TestContext;
import dev.sluice.block.TestFeeds;
import dev.sluice.block.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Replace in data on the talks fixture: where it replaces, what it leaves alone, the errors. */
class WateredReplaceBlockTest {

    static Value.Data run(Value.Data input, TestContext ctx, String pattern, String replacement, String target) {
        BlockCall call = new BlockCall("r", "Replace in data", TestFeeds.options(pattern, replacement, target), List.of(input));
        return (Value.Data) WateredReplaceBlock.TYPE.block().run(call, ctx);
    }

    static Value.Data run(String pattern, String replacement, String target) {
        return run(DataFixtures.data("talks.json"), new TestContext(), pattern, replacement, target);
    }

    @ParameterizedTest(name = "{0} → {1} at \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            // pattern | replacement | target | JSON pointer | expected there
            "Java|JVM|$.items[*].title|/items/1/title|Rust for JVM developers",
            "/java/i|JVM|$.items[*].title|/items/0/tags/0|java",
            "/java/i|JVM||/items/0/tags/0|JVM",
            "/java/i|JVM||/conference|JVM Days",
            "/(\\w+) threads/|\\1 fibres|$.items[0].title|/items/0/title|Virtual fibres in practice",
            "/^(?<first>\\w+)/|<$1>|$.items[*].speaker.name|/items/2/speaker/name|<Cy>",
            "Rust|Go|$.items[1]|/items/1/title|Go for Java developers",
            "Rust|Go|$.items[0]|/items/1/title|Rust for Java developers",
            "a|4|$.items[?(@.speaker.name == 'Ada')].title|/items/0/title|Virtu4l thre4ds in pr4ctice",
    })
    void replacesOnlyWhereTheTargetPathLeads(String pattern, String replacement, String target, String pointer, String expected) {
        Value.Data out = run(pattern, replacement, target == null ? "" : target);
        assertThat(out.tree().at(pointer).asText()).isEqualTo(expected);
    }

    @Test
    void xmlStaysXml() {
        Value.Data out = run(DataFixtures.data("talks.xml"), new TestContext(), "/^/", "Talk: ", "$.rss.channel.item[*].title");
        assertThat(out.sourceFormat()).isEqualTo("xml");
        assertThat(out.tree().at("/rss/channel/item/0/title").asText()).isEqualTo("Talk: Virtual threads in practice");
        assertThat(out.tree().at("/rss/channel/title").asText()).isEqualTo("JVM Days");
    }

    @Test
    void aWholeTreeThatIsOneTextIsReplacedToo() {
        Value.Data out = run(DataFixtures.json("\"hello world\""), new TestContext(), "world", "data", "$");
        assertThat(out.tree().asText()).isEqualTo("hello data");
    }

    @Test
    void numbersAndKeysAreLeftAlone() {
        Value.Data out = run(DataFixtures.json("{\"count\":12,\"12\":\"12\"}"), new TestContext(), "12", "x", "");
        assertThat(out.tree().toString()).isEqualTo("{\"count\":12,\"12\":\"x\"}");
    }

    @Test
    void theInputTreeIsNotChanged() {
        Value.Data in = DataFixtures.data("talks.json");
        String before = in.tree().toString();
        run(in, new TestContext(), "/./", "", "");
        assertThat(in.tree().toString()).isEqualTo(before);
    }

    @Test
    void anEmptyPatternReplacesNothing() {
        Value.Data in = DataFixtures.data("talks.json");
        assertThat(run(in, new TestContext(), "", "x", "$.items")).isSameAs(in);
    }

    @Test
    void aTargetThatMatchesNothingIsAWarning() {
        TestContext ctx = new TestContext();
        run(DataFixtures.data("talks.json"), ctx, "a", "b", "$.talks[*].title");
        assertThat(ctx.warnings()).singleElement().asString().contains("\"$.talks[*].title\"").contains("matches nothing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "invalid target path|a|b|$.items[*|The target path \"$.items[*\" is not a valid JSONPath",
            "invalid pattern|/(a/|b|$|/(a/",
            "missing named group|/a/|\\k<x>|$|<x>",
    })
    void badOptionsAreClearErrors(String name, String pattern, String replacement, String target, String message) {
        assertThatThrownBy(() -> run(pattern, replacement, target))
                .isInstanceOf(BlockError.class).hasMessageContaining(message);
    }

    @Test
    void theDeadlineStopsALongReplace() {
        assertThatThrownBy(() -> run(DataFixtures.data("talks.json"), TestContext.expired(), "a", "b", ""))
                .isInstanceOf(dev.sluice.block.DeadlineExceeded.class);
    }
}
