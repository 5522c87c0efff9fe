package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.block.BlockType;
import dev.sluice.block.Blocks;
import dev.sluice.testing.TestServer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /api/blocks} lists every registered block with what the editor needs to draw it. */
class BlocksApiTest {
    @Test
    void integrationsAppearOnceTheirGatewayIsConfigured() throws Exception {
        try (TestServer server = new TestServer(java.util.Map.of("SLUICE_RSSBRIDGE_URL", "http://127.0.0.1:9/bridge",
                "SLUICE_RSSBOX_URL", "http://127.0.0.1:9/box"))) {
            JsonNode list = new ObjectMapper().readTree(server.get("/api/blocks").body());
            Set<String> offered = new HashSet<>();
            list.forEach(b -> {
                if (b.get("palette").asBoolean()) {
                    offered.add(b.get("type").asText());
                }
            });
            assertThat(offered).contains("RedditBlock", "SoundcloudBlock", "VimeoBlock").doesNotContain("TwitterBlock");
        }
    }

    @Test
    void everyBlockTypeIsListedWithItsOptionsAndPorts() throws Exception {
        try (TestServer server = TestServer.standard()) {
            JsonNode list = new ObjectMapper().readTree(server.get("/api/blocks").body());
            Set<String> listed = new HashSet<>();
            Set<String> offered = new HashSet<>();
            for (JsonNode b : list) {
                listed.add(b.get("type").asText());
                if (b.get("palette").asBoolean()) {
                    offered.add(b.get("type").asText());
                }
                assertThat(b.get("label").asText()).isNotBlank();
                assertThat(b.get("category").asText()).isIn("Inputs", "Integrations", "Manipulate", "Control", "Create", "Data", "Output");
                assertThat(b.get("help").asText()).as(b.get("type").asText()).hasSizeGreaterThan(10);
                assertThat(b.get("output").asText()).isIn("feed", "text", "document", "data");
            }
            Set<String> registered = new HashSet<>();
            Blocks.registry().all().forEach((BlockType t) -> registered.add(t.name()));
            // Without RSS-Bridge or rssbox configured, their blocks and the dead services are not offered;
            // without an SMTP receiver, the Inbox.
            Set<String> hidden = Set.of("RedditBlock", "SoundcloudBlock", "DailymotionBlock", "MixcloudBlock",
                    "SpeedrunBlock", "SvtplayBlock", "VimeoBlock", "TwitchBlock", "TwitterBlock", "PeriscopeBlock", "UstreamBlock",
                    "InboxBlock");
            Set<String> expected = new HashSet<>(registered);
            expected.removeAll(hidden);
            assertThat(listed).as("every block is listed, so old pipes can be drawn").isEqualTo(registered);
            assertThat(offered).isEqualTo(expected);
            assertThat(registered).containsAll(hidden);
            JsonNode filter = null;
            for (JsonNode b : list) {
                if (b.get("type").asText().equals("FilterBlock")) {
                    filter = b;
                }
            }
            assertThat(filter.get("options").get(0).get("textPort").asBoolean()).isTrue();
            assertThat(filter.get("options").get(2).get("choices")).isNotEmpty();
            assertThat(filter.get("accepts").get(0).asText()).isEqualTo("feed");
        }
    }
}
