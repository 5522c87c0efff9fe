package dev.sluice.block.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.BenchServer;
import dev.sluice.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The integration blocks in whole pipes through /api/run, against a stand-in RSS-Bridge/rssbox
 * on loopback: the exact request each block sends, the feed it returns, and the errors of a
 * server without gateways and of dead services.
 */
class IntegrationBlocksTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static GatewayStandIn gateway;
    static TestServer configured;
    static TestServer bare;

    @BeforeAll
    static void start() {
        gateway = new GatewayStandIn();
        configured = new TestServer(Map.of("SLUICE_RSSBRIDGE_URL", gateway.url("/bridge/"),
                "SLUICE_RSSBOX_URL", gateway.url("/box")));
        bare = TestServer.standard();
    }

    @AfterAll
    static void stop() {
        configured.close();
        bare.close();
        gateway.close();
    }

    /** Output ← one block of {@code type} with {@code userinputs} (a JSON array), as Pipes CE saves it. */
    static JsonNode run(TestServer on, String type, String userinputs) throws Exception {
        String pipe = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"i\",\"from_output_slot\":0}]},"
                + "{\"id\":\"i\",\"type\":\"" + type + "\",\"name\":\"Service\",\"userinputs\":" + userinputs
                + ",\"inputs\":[],\"textinputs\":[{}]}]}";
        return JSON.readTree(on.send("POST", "/api/run", on.token("i@example.org"), "{\"pipe\":" + pipe + "}").body());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "RedditBlock|'[\"rust\"]'|/bridge/?action=display&bridge=Reddit&context=single&r=rust&format=Atom",
            "RedditBlock|'[\"a b&c\"]'|/bridge/?action=display&bridge=Reddit&context=single&r=a%20b%26c&format=Atom",
            "RedditBlock|'[\"/r/java\"]'|/bridge/?action=display&bridge=Reddit&context=single&r=java&format=Atom",
            "RedditBlock|'[\"rust, java\"]'|/bridge/?action=display&bridge=Reddit&context=multi&rs=rust%2Cjava&format=Atom",
            "SoundcloudBlock|'[\"some user\"]'|/bridge/?action=display&bridge=Soundcloud&u=some%20user&t=all&format=Atom",
            "SoundcloudBlock|'[\"dj\", \"tracks\"]'|/bridge/?action=display&bridge=Soundcloud&u=dj&t=tracks&format=Atom",
            "DailymotionBlock|'[\"a b&c=d\"]'|/box/dailymotion?q=a%20b%26c%3Dd",
            "MixcloudBlock|'[\"dj\"]'|/box/mixcloud?q=dj",
            "SpeedrunBlock|'[\"sm64\"]'|/box/speedrun?q=sm64",
            "SvtplayBlock|'[\"https://www.svtplay.se/x?y=1\"]'|/box/svtplay?q=https%3A%2F%2Fwww.svtplay.se%2Fx%3Fy%3D1",
            "VimeoBlock|'[\"user1\"]'|/box/vimeo?q=user1",
            "TwitchBlock|'[\"streamer\"]'|/box/twitch?q=streamer",
    })
    void eachBlockSendsExactlyItsGatewayRequestAndReturnsTheFeed(String type, String userinputs, String expected)
            throws Exception {
        JsonNode r = run(configured, type, userinputs);
        assertThat(r.get("errors")).isEmpty();
        assertThat(gateway.paths()).contains(expected);
        assertThat(r.get("channel").get("title").asText()).isEqualTo("Gateway " + expected);
        assertThat(r.get("items")).hasSize(2);
        assertThat(r.get("items").get(0).get("title").asText()).isEqualTo("First post");
        assertThat(r.get("items").get(0).get("link").asText()).isEqualTo("https://example.org/post/1");
    }

    @Test
    void aTextInputCanNameTheSubreddit() throws Exception {
        String pipe = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"r\",\"from_output_slot\":0}]},"
                + "{\"id\":\"r\",\"type\":\"RedditBlock\",\"userinputs\":[\"ignored\"],\"inputs\":[],"
                + "\"textinputs\":[{\"from\":\"t\",\"from_output_slot\":0}]},"
                + "{\"id\":\"t\",\"type\":\"TextinputBlock\",\"userinputs\":[\"sub\",\"default\"]}]}";
        JsonNode r = JSON.readTree(configured.send("POST", "/api/run", configured.token("i@example.org"),
                "{\"pipe\":" + pipe + ",\"params\":{\"sub\":\"kotlin\"}}").body());
        assertThat(r.get("errors")).isEmpty();
        assertThat(gateway.paths()).contains("/bridge/?action=display&bridge=Reddit&context=single&r=kotlin&format=Atom");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "bare|RedditBlock|'[\"rust\"]'|Reddit needs an RSS-Bridge instance (SLUICE_RSSBRIDGE_URL)",
            "bare|SoundcloudBlock|'[\"dj\"]'|Soundcloud needs an RSS-Bridge instance (SLUICE_RSSBRIDGE_URL)",
            "bare|VimeoBlock|'[\"user1\"]'|Vimeo needs an rssbox instance (SLUICE_RSSBOX_URL)",
            "configured|RedditBlock|'[\" , \"]'|No subreddit given",
            "configured|SoundcloudBlock|'[\"\"]'|No Soundcloud user given",
            "configured|TwitchBlock|'[]'|Nothing to look up on Twitch: give a name or URL",
            "configured|TwitterBlock|'[\"@someone\"]'|Twitter is a discontinued service; this block can no longer fetch anything",
            "configured|PeriscopeBlock|'[\"someone\"]'|Periscope is a discontinued service; this block can no longer fetch anything",
            "configured|UstreamBlock|'[\"channel\"]'|Ustream is a discontinued service; this block can no longer fetch anything",
    })
    void failuresSayWhatIsMissing(String server, String type, String userinputs, String message) throws Exception {
        int before = gateway.paths().size();
        JsonNode r = run(server.equals("bare") ? bare : configured, type, userinputs);
        assertThat(r.get("items")).isEmpty();
        assertThat(r.get("errors").get(0).get("block").asText()).isEqualTo("i");
        assertThat(r.get("errors").get(0).get("message").asText()).isEqualTo(message);
        assertThat(gateway.paths()).hasSize(before);
    }

    @Test
    void anOldPipeWithADeadServiceStillRunsItsOtherBranches() throws Exception {
        try (BenchServer upstream = new BenchServer()) {
            String pipe = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"inputs\":[{\"from\":\"c\",\"from_output_slot\":0}]},"
                    + "{\"id\":\"c\",\"type\":\"CombineBlock\",\"inputs\":[{\"from\":\"tw\",\"from_output_slot\":0},"
                    + "{\"from\":\"f\",\"from_output_slot\":0}]},"
                    + "{\"id\":\"tw\",\"type\":\"TwitterBlock\",\"name\":\"Tweets\",\"userinputs\":[\"#java\"]},"
                    + "{\"id\":\"f\",\"type\":\"FeedBlock\",\"userinputs\":[\"" + upstream.fastUrl(2, "F1.xml") + "\"]}]}";
            configured.save("old@example.org", "From 2019", pipe, false);
            JsonNode r = JSON.readTree(configured.send("POST", "/api/run", configured.token("old@example.org"),
                    "{\"pipe\":" + pipe + "}").body());
            assertThat(r.get("items")).hasSize(50);
            assertThat(r.get("errors")).hasSize(1);
            assertThat(r.get("errors").get(0).get("message").asText()).startsWith("Twitter is a discontinued service");
        }
    }
}
