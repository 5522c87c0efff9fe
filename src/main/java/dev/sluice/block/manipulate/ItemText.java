package dev.sluice.block.manipulate;

import dev.sluice.feed.Item;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The text fields of an item that blocks read and rewrite, under the names users see. */
enum ItemText {
    TITLE("title", Item::title, Item.Builder::title),
    DESCRIPTION("description", Item::description, Item.Builder::description),
    CONTENT("content", Item::content, Item.Builder::content),
    LINK("link", Item::link, Item.Builder::link),
    AUTHOR("author", Item::author, Item.Builder::author),
    GUID("guid", Item::guid, Item.Builder::guid);

    private final String label;
    private final Function<Item, String> getter;
    private final BiFunction<Item.Builder, String, Item.Builder> setter;

    ItemText(String label, Function<Item, String> getter, BiFunction<Item.Builder, String, Item.Builder> setter) {
        this.label = label;
        this.getter = getter;
        this.setter = setter;
    }

    String label() {
        return label;
    }

    String of(Item item) {
        return getter.apply(item);
    }

    void set(Item.Builder builder, String value) {
        setter.apply(builder, value);
    }
}
