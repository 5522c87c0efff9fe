package dev.sluice.block.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The outline the inspector offers as path autocomplete. */
class DataOutlineTest {

    @Test
    void arraysAreMergedIntoOneWildcard() {
        assertThat(DataOutline.of(DataFixtures.data("talks.json").tree())).containsExactly(
                "$.conference", "$.items", "$.items[*]", "$.items[*].title", "$.items[*].speaker",
                "$.items[*].speaker.name", "$.items[*].tags", "$.items[*].tags[*]");
    }

    @Test
    void xmlPathsStartAtTheRootElement() {
        assertThat(DataOutline.of(DataFixtures.data("talks.xml").tree()))
                .contains("$.rss.channel.item[*].title", "$.rss.channel.item[*].category", "$.rss.version");
    }

    @Test
    void keysThatAreNotNamesAreQuoted() {
        assertThat(DataOutline.of(DataFixtures.json("{\"my key\":{\"it's\":1}}").tree()))
                .containsExactly("$['my key']", "$['my key']['it\\'s']");
    }

    @Test
    void theOutlineIsCapped() {
        ObjectNode wide = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < 1000; i++) {
            wide.put("k" + i, i);
        }
        assertThat(DataOutline.of(wide)).hasSize(DataOutline.MAX_PATHS);
        ObjectNode deep = JsonNodeFactory.instance.objectNode();
        ObjectNode at = deep;
        for (int i = 0; i < 50; i++) {
            at = at.putObject("d");
        }
        assertThat(DataOutline.of(deep)).hasSize(DataOutline.MAX_DEPTH);
    }
}
