package dev.sluice.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Webhook secrets stay with the owner; copies get their own hook addresses. */
class WebhookBlocksTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Output ← Combine ← (Webhook a, Webhook b); a Text Input feeds Webhook a's text connector; unknown keys everywhere. */
    static final String PIPE = """
            {"blocks":[
              {"id":"output","type":"OutputBlock","userinputs":[""],"inputs":[{"from":"c0c0c0c0c0","from_output_slot":0}],"textinputs":[]},
              {"id":"c0c0c0c0c0","type":"CombineBlock","userinputs":[],"inputs":[{"from":"aaaaaaaaaa","from_output_slot":0},{"from":"bbbbbbbbbb","from_output_slot":0},{}],"textinputs":[]},
              {"id":"aaaaaaaaaa","type":"WebhookBlock","userinputs":["github","top-secret-a"],"inputs":[],"textinputs":[{"from":"tttttttttt","from_output_slot":0}],"colour":"red"},
              {"id":"bbbbbbbbbb","type":"WebhookBlock","userinputs":["stripe","top-secret-b"],"inputs":[],"textinputs":[]},
              {"id":"tttttttttt","type":"TextinputBlock","userinputs":["name","top-secret-a"],"inputs":[],"textinputs":[]}
            ],"version":3,"note":"kept"}""";

    static ObjectNode pipe() throws Exception {
        return (ObjectNode) JSON.readTree(PIPE);
    }

    @Test
    void othersSeeWebhookBlocksWithoutTheirSecret() throws Exception {
        ObjectNode original = pipe();
        ObjectNode seen = WebhookBlocks.withoutSecrets(original);
        assertThat(seen.get("blocks").get(2).get("userinputs")).containsExactly(JSON.readTree("\"github\""), JSON.readTree("\"\""));
        assertThat(seen.get("blocks").get(3).get("userinputs").get(1).asText()).isEmpty();
        assertThat(seen.get("blocks").get(2).get("id").asText()).as("the owner's view keeps ids").isEqualTo("aaaaaaaaaa");
        assertThat(seen.get("blocks").get(4).get("userinputs").get(1).asText())
                .as("only Webhook blocks' second option is a secret").isEqualTo("top-secret-a");
        assertThat(seen.get("note").asText()).isEqualTo("kept");
        assertThat(original).as("the stored pipe is not touched").isEqualTo(pipe());
    }

    @Test
    void aCopyGetsFreshWebhookIdsFollowedByItsLinksAndNoSecret() throws Exception {
        ObjectNode copy = WebhookBlocks.renewed(pipe());
        JsonNode blocks = copy.get("blocks");
        String a = blocks.get(2).get("id").asText();
        String b = blocks.get(3).get("id").asText();
        assertThat(a).matches("[0-9a-f]{10}").isNotEqualTo("aaaaaaaaaa");
        assertThat(b).matches("[0-9a-f]{10}").isNotEqualTo("bbbbbbbbbb").isNotEqualTo(a);
        assertThat(blocks.get(1).get("inputs").get(0).get("from").asText()).isEqualTo(a);
        assertThat(blocks.get(1).get("inputs").get(1).get("from").asText()).isEqualTo(b);
        assertThat(blocks.get(1).get("inputs").get(2).isEmpty()).as("an empty slot stays empty").isTrue();
        assertThat(blocks.get(2).get("textinputs").get(0).get("from").asText()).isEqualTo("tttttttttt");
        assertThat(copy.toString()).doesNotContain("top-secret-b").doesNotContain("aaaaaaaaaa").doesNotContain("bbbbbbbbbb");
        assertThat(blocks.get(2).get("colour").asText()).isEqualTo("red");
        assertThat(blocks.get(0).get("id").asText()).isEqualTo("output");
        assertThat(blocks.get(1).get("id").asText()).isEqualTo("c0c0c0c0c0");
        assertThat(copy.get("version").asInt()).isEqualTo(3);
    }

    @Test
    void everyCopyHasItsOwnAddresses() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(WebhookBlocks.renewed(pipe()).get("blocks").get(2).get("id").asText());
        }
        assertThat(ids).hasSize(50);
    }

    @Test
    void aPipeWithoutWebhooksIsCopiedAsItIs() throws Exception {
        ObjectNode plain = (ObjectNode) JSON.readTree("{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\"}],\"x\":1}");
        assertThat(WebhookBlocks.renewed(plain)).isEqualTo(plain);
        assertThat(WebhookBlocks.withoutSecrets(plain)).isEqualTo(plain);
    }
}
