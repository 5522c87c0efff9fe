package dev.sluice.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Fixtures for block tests: items, feeds, options as Pipes CE stores them, and block calls. */
public final class TestFeeds {
    private TestFeeds() {
    }

    /** An item with a guid and title (link derived from the guid, as feeds usually do). */
    public static Item item(String guid, String title) {
        return Item.builder().guid(guid).title(title).link("https://example.org/" + guid).build();
    }

    public static Feed feed(String channelTitle, Item... items) {
        return new Feed(new Channel(channelTitle, "https://example.org/", "", null, null), List.of(items));
    }

    public static Feed feed(Item... items) {
        return feed("Test feed", items);
    }

    /**
     * {@code userinputs} from Java values the way pipe JSON holds them: strings, booleans,
     * integers, or null.
     */
    public static Options options(Object... userinputs) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Object o : userinputs) {
            nodes.add(switch (o) {
                case null -> NullNode.getInstance();
                case String s -> TextNode.valueOf(s);
                case Boolean b -> BooleanNode.valueOf(b);
                case Integer i -> IntNode.valueOf(i);
                default -> throw new IllegalArgumentException("not a userinput: " + o);
            });
        }
        return new Options(nodes);
    }

    /** A call with one feed input. */
    public static BlockCall call(Feed input, Object... userinputs) {
        return new BlockCall("b1", "Block", options(userinputs), List.of(new Value.Items(input)));
    }

    /** A call with the given input values in slot order (null = unconnected slot). */
    public static BlockCall callWithInputs(List<Value> inputs, Object... userinputs) {
        return new BlockCall("b1", "Block", options(userinputs), inputs);
    }

    public static Feed feedOf(Value value) {
        return ((Value.Items) value).feed();
    }

    public static List<String> guids(Value value) {
        return feedOf(value).items().stream().map(Item::guid).toList();
    }

    public static List<String> titles(Value value) {
        return feedOf(value).items().stream().map(Item::title).toList();
    }

    /** Splits "a b c" into guids, for compact tables. */
    public static List<String> list(String spaceSeparated) {
        return spaceSeparated.isBlank() ? List.of() : Arrays.asList(spaceSeparated.split(" "));
    }
}
