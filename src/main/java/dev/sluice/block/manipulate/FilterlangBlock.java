package dev.sluice.block.manipulate;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.Jsoup;

/**
 * Keeps the items written in a language, or with "block" drops them instead. The language is
 * detected from the chosen field's text, markup removed ({@link LanguageDetector}); it is named by
 * code ("en", "deu") or by English name ("german", as Pipes CE stored it).
 * {@code userinputs}: [language, block, field].
 *
 * <p>A text too short or too mixed to tell counts as no language: it is dropped when keeping a
 * language and kept when blocking one. An empty language lets every item through.
 *
 * <p>Options and defaults follow Pipes CE (English, fields in its list's order). The detector is
 * not Pipes CE's (a Ruby n-gram library), so borderline texts can be judged differently, and Pipes
 * CE always guessed some language where Sluice says it cannot tell.
 */
public final class FilterlangBlock implements Block {
    static final int LANGUAGE = 0;
    static final int BLOCK = 1;
    static final int FIELD = 2;
    static final String UNKNOWN = "language could not be detected";

    /** The language Pipes CE's block used when none was given. */
    static final String DEFAULT_LANGUAGE = "english";

    // In the order of Pipes CE's list; summary and description are the same field in RSS.
    static final Choice<Function<Item, String>> FIELDS = Choice.<Function<Item, String>>of("field", "all")
            .add("all", item -> item.title() + "\n" + plain(item.description()) + "\n" + plain(item.content()))
            .add("content", item -> plain(item.content()))
            .add("summary", item -> plain(item.description()))
            .add("description", item -> plain(item.description()))
            .add("title", Item::title)
            .build();

    public static final BlockType TYPE = new BlockType("FilterlangBlock", "Filter Language", "Manipulate",
            "Keeps only the items written in a language, or with \"Block\" removes them. Give a language name"
                    + " (english, german) or code (en, de); the language is detected from the text of the chosen"
                    + " field, without markup. Texts too short to tell count as no language.",
            List.of(OptionSpec.text("Language", DEFAULT_LANGUAGE),
                    OptionSpec.flag("Block items in this language"),
                    OptionSpec.choice("Field", FIELDS.defaultKey(), FIELDS.keys())),
            1, Value.Kind.FEED, new FilterlangBlock());

    private FilterlangBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Feed feed = call.feed(0);
        String name = call.options().text(LANGUAGE).strip();
        if (name.isEmpty()) {
            return new Value.Items(feed);
        }
        String wanted = LanguageDetector.code(name);
        boolean blockMatches = call.options().flag(BLOCK);
        Function<Item, String> field = FIELDS.resolve(call.options().text(FIELD));

        Deadline deadline = ctx.deadline();
        List<Item> kept = new ArrayList<>(feed.items().size());
        for (Item item : feed.items()) {
            deadline.check();
            Optional<String> language = LanguageDetector.detect(field.apply(item));
            boolean matches = language.isPresent() && language.get().equals(wanted);
            if (matches != blockMatches) {
                kept.add(item);
            } else {
                ctx.dropped(item, language.isEmpty() ? UNKNOWN
                        : matches ? "written in " + LanguageDetector.describe(wanted) + " (block)"
                        : "written in " + LanguageDetector.describe(language.get()) + ", not "
                                + LanguageDetector.describe(wanted));
            }
        }
        return new Value.Items(kept.size() == feed.items().size() ? feed : feed.withItems(kept));
    }

    /** Text without markup: tags and entities would otherwise look like words of some language. */
    private static String plain(String html) {
        return html.indexOf('<') < 0 && html.indexOf('&') < 0 ? html : Jsoup.parseBodyFragment(html).text();
    }
}
