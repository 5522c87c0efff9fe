package dev.sluice.block.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.HookEvent;
import dev.sluice.block.Options;
import dev.sluice.block.TestContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Item;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the Webhook block turns stored events into items. */
class WebhookBlockTest {
    static final String HOOK = "a1b2c3d4e5";
    static final Instant AT = Instant.parse("2024-06-30T12:00:00Z");

    private static HookEvent event(long id, String contentType, String body) {
        return new HookEvent(id, HOOK, AT.plusSeconds(id), contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Item> run(HookEvent... events) {
        TestContext ctx = new TestContext().withHookEvents(HOOK, List.of(events));
        Value out = WebhookBlock.TYPE.block().run(new BlockCall(HOOK, "Webhook", Options.NONE, List.of()), ctx);
        return ((Value.Items) out).feed().items();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json|{\"title\":\"Build passed\",\"name\":\"ci\"}|Build passed",
            "application/json|{\"subject\":\"  Invoice 42  \"}|Invoice 42",
            "application/json|{\"name\":\"deploy\"}|deploy",
            "application/json|{\"title\":\"\",\"subject\":\"fallback to subject\"}|fallback to subject",
            "application/json|{\"title\":{\"nested\":true}}|Webhook event",
            "application/json|{\"action\":\"opened\"}|Webhook event",
            "application/json|[{\"title\":\"in an array\"}]|Webhook event",
            "text/plain|{\"title\":\"JSON sent as text\"}|JSON sent as text",
            "application/json|{\"title\": broken|Webhook event",
            "application/xml|<event><title>XML</title></event>|Webhook event",
            "application/x-www-form-urlencoded|title=form&x=1|Webhook event",
    })
    void takesTheTitleFromTheJsonPayload(String contentType, String body, String title) {
        assertThat(run(event(1, contentType, body)).get(0).title()).isEqualTo(title);
    }

    @Test
    void prettyPrintsJsonInsideEscapedPre() {
        Item item = run(event(1, "application/json", "{\"a\":1,\"html\":\"<b>x</b>\"}")).get(0);
        assertThat(item.content()).startsWith("<pre>").endsWith("</pre>")
                .contains("{\n  &quot;a&quot; : 1,")
                .contains("&lt;b&gt;x&lt;/b&gt;")
                .doesNotContain("<b>");
    }

    @Test
    void showsOtherBodiesAsEscapedText() {
        Item item = run(event(1, "application/xml", "<event><script>alert(1)</script></event>")).get(0);
        assertThat(item.content()).isEqualTo("<pre>&lt;event&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/event&gt;</pre>");
    }

    @Test
    void decodesTheBodyInTheCharsetOfItsContentType() {
        HookEvent latin1 = new HookEvent(1, HOOK, AT, "text/plain; charset=ISO-8859-1",
                "Grüße".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run(latin1).get(0).content()).isEqualTo("<pre>Grüße</pre>");
    }

    @Test
    void keepsTheOrderGivenAndDatesItemsWhenTheyArrived() {
        List<Item> items = run(event(3, "text/plain", "third"), event(2, "text/plain", "second"));
        assertThat(items).extracting(Item::content).containsExactly("<pre>third</pre>", "<pre>second</pre>");
        assertThat(items.get(0).published()).isEqualTo(AT.plusSeconds(3));
    }

    @Test
    void givesEveryEventItsOwnStableGuid() {
        List<Item> first = run(event(2, "text/plain", "same"), event(1, "text/plain", "same"));
        List<Item> again = run(event(2, "text/plain", "same"), event(1, "text/plain", "same"));
        assertThat(first).extracting(Item::guid).doesNotHaveDuplicates().isEqualTo(again.stream().map(Item::guid).toList());
        assertThat(first.get(0).guid()).startsWith("sluice:");
        assertThat(first.get(0).guidIsPermaLink()).isFalse();
    }

    @Test
    void failsClearlyWhereThereIsNoWebhookStore() {
        BlockCall call = new BlockCall(HOOK, "Webhook", Options.NONE, List.of());
        assertThatThrownBy(() -> WebhookBlock.TYPE.block().run(call, new TestContext()))
                .isInstanceOf(BlockError.class).hasMessageContaining("Webhooks are not available");
    }
}
