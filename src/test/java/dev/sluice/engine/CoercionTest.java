package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockError;
import dev.sluice.block.Blocks;
import dev.sluice.block.Value;
import dev.sluice.block.data.WateredFilterBlock;
import dev.sluice.block.output.OutputBlock;
import dev.sluice.feed.Feed;
import dev.sluice.fetch.Download;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a downloaded document becomes on its way into a block. */
class CoercionTest {
    private static final dev.sluice.block.Deadline SOON = dev.sluice.block.Deadline.in(java.time.Duration.ofMinutes(1));
    static final Download JSON_DOC = new Download("http://127.0.0.1/d", "http://127.0.0.1/d", 200, "application/json",
            "{\"items\":[1,2]}".getBytes(StandardCharsets.UTF_8), null, null, null);
    static final FeedDecoder NO_FEEDS = d -> {
        throw new BlockError("not a feed");
    };

    @Test
    void aDataBlockReceivesTheDocumentAsADataTree() {
        Value v = Coercion.forBlock(new Value.Document(JSON_DOC), WateredFilterBlock.TYPE, NO_FEEDS, SOON, 0);
        assertThat(v).isInstanceOfSatisfying(Value.Data.class, d -> {
            assertThat(d.sourceFormat()).isEqualTo("json");
            assertThat(d.tree().get("items")).hasSize(2);
        });
    }

    @Test
    void theOutputBlockTakesADocumentAsAFeedFirst() {
        Value v = Coercion.forBlock(new Value.Document(JSON_DOC), OutputBlock.TYPE, d -> Feed.EMPTY, SOON, 0);
        assertThat(v).isInstanceOf(Value.Items.class);
        assertThatThrownBy(() -> Coercion.forBlock(new Value.Document(JSON_DOC), OutputBlock.TYPE, NO_FEEDS, SOON, 0))
                .isInstanceOf(BlockError.class).hasMessageContaining("not a feed");
    }

    @Test
    void dataPassesThroughTheOutputBlockUnchanged() {
        Value.Data data = new Value.Data(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(), "json");
        assertThat(Coercion.forBlock(data, OutputBlock.TYPE, NO_FEEDS, SOON, 0)).isSameAs(data);
        assertThat(Blocks.registry().find("OutputBlock").orElseThrow().accepts())
                .contains(Value.Kind.FEED, Value.Kind.DATA);
    }
}
