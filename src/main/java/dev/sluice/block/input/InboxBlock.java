package dev.sluice.block.input;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.InboxMail;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Newsletters as a feed: mail sent to {@code <block id>@<SLUICE_MAIL_DOMAIN>} becomes items,
 * newest first. The server's SMTP receiver stores each mail before it says "accepted", and only
 * for Inbox blocks of saved pipes; this block only reads them.
 */
public final class InboxBlock implements Block {
    /** {@code userinputs[0]}: the address, shown by the editor; the block id is what counts. */
    public static final int ADDRESS = 0;
    /** {@code userinputs[1]}: how many of the newest mails to show. */
    public static final int COUNT = 1;
    public static final int DEFAULT_COUNT = 20;
    /** Most mails one run turns into items (retention keeps 100 per inbox by default). */
    public static final int MAX_COUNT = 200;
    static final String NO_MAIL = "This server receives no mail: its administrator has not set SLUICE_SMTP_LISTEN "
            + "and SLUICE_MAIL_DOMAIN";

    public static final BlockType TYPE = new BlockType("InboxBlock", "Inbox", "Inputs",
            "Turns newsletters into a feed: subscribe the address shown (the block's own, <block id>@<mail domain>) "
                    + "and every mail it receives becomes an item, newest first: the subject as title, the sender as "
                    + "author, the HTML sanitised (plain text as paragraphs), attachments as enclosures. Mail is kept "
                    + "only for saved pipes, and only their owner's pipes can read it.",
            List.of(OptionSpec.text("Address", ""), OptionSpec.number("Items", Integer.toString(DEFAULT_COUNT))),
            0, Value.Kind.FEED, new InboxBlock());

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        String domain = ctx.integrations().mail().orElseThrow(() -> new BlockError(NO_MAIL));
        int count = Math.max(1, Math.min(MAX_COUNT, call.options().integer(COUNT, DEFAULT_COUNT)));
        List<InboxMail> mails = ctx.inboxMails(call.blockId(), count);
        List<Item> items = new ArrayList<>(mails.size());
        for (InboxMail mail : mails) {
            ctx.deadline().check();
            items.add(InboxMailItem.of(mail));
        }
        String address = call.blockId().toLowerCase(Locale.ROOT) + "@" + domain;
        String title = call.blockName() == null || call.blockName().isBlank() ? TYPE.label() : call.blockName();
        return new Value.Items(new Feed(new Channel(title, "", "Newsletters received at " + address, null, null), items));
    }
}
