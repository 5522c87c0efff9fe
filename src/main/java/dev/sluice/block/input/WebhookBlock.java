package dev.sluice.block.input;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.HookEvent;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * Items from the requests posted to this block's hook URL, {@code /hook/<block id>},
 * newest first. The server stores each request before it answers; this block only reads them.
 */
public final class WebhookBlock implements Block {
    /** {@code userinputs[1]}: the shared secret requests must be signed with; "" = unsigned requests. */
    public static final int SECRET = 1;
    /** Most events one run turns into items (retention keeps about as many per hook). */
    public static final int MAX_ITEMS = 500;

    public static final BlockType TYPE = new BlockType("WebhookBlock", "Webhook", "Inputs",
            "Receives events: every POST to the hook URL becomes an item, newest first, its body shown as"
                    + " escaped text (Pipes CE put it in as HTML) and its guid its own even when bodies repeat. "
                    + "With a secret, requests must be signed (X-Hub-Signature-256 or X-Sluice-Signature).",
            List.of(OptionSpec.text("Hook URL", ""), OptionSpec.text("Secret", "")),
            0, Value.Kind.FEED, new WebhookBlock());

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        List<HookEvent> events = ctx.hookEvents(call.blockId(), MAX_ITEMS);
        List<Item> items = new ArrayList<>(events.size());
        for (HookEvent event : events) {
            ctx.deadline().check();
            items.add(HookEventItem.of(event));
        }
        String title = call.blockName() == null || call.blockName().isBlank() ? TYPE.label() : call.blockName();
        return new Value.Items(new Feed(new Channel(title, "", "Events received by a webhook", null, null), items));
    }
}
