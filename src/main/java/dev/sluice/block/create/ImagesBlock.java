package dev.sluice.block.create;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import dev.sluice.feed.Channel;
import dev.sluice.feed.Feed;
import dev.sluice.feed.GuidPolicy;
import dev.sluice.feed.Item;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * One item per image in an HTML page or in the contents of a feed's items: the image's absolute
 * URL as link and guid, its alt text (else its file name) as title. An image that appears twice
 * is one item — Pipes CE gave both copies the same guid, which readers then merged unpredictably.
 */
public final class ImagesBlock implements Block {
    /** Pipes CE's channel title for this block's feed. */
    static final String CHANNEL_TITLE = "Extracted Image";
    /** Lazy-loading pages keep the real URL in data-src and a placeholder in src. */
    private static final String LAZY_SRC = "data-src";

    public static final BlockType TYPE = new BlockType("ImagesBlock", "Images", "Create",
            "Makes one item per image (<img>) in a downloaded page or in the items' contents, with the"
                    + " image's absolute URL as link and its alt text as title (Pipes CE kept the <img> as found"
                    + " and titled each \"Extracted Image\"); an image that appears several times is one item.",
            List.of(), 1, Value.Kind.FEED, new ImagesBlock()).accepting(Value.Kind.DOCUMENT, Value.Kind.FEED);

    private ImagesBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        Value input = call.inputs().isEmpty() ? null : call.inputs().get(0);
        Deadline deadline = ctx.deadline();
        Map<String, Element> images = new LinkedHashMap<>();
        for (Page.Markup page : Page.html(input, ctx)) {
            deadline.check();
            for (Element img : page.doc().getElementsByTag("img")) {
                String url = imageUrl(img);
                if (!url.isEmpty()) {
                    images.putIfAbsent(url, img);
                }
            }
        }
        List<Item> items = new ArrayList<>(images.size());
        images.forEach((url, img) -> items.add(item(url, img.attr("alt").strip())));
        return new Value.Items(new Feed(new Channel(CHANNEL_TITLE, "", "", null, null), items));
    }

    /** The absolute http(s) URL of an image; "" for data: URIs and images without a usable source. */
    private static String imageUrl(Element img) {
        String src = img.absUrl("src");
        if (!MatchValue.isAbsoluteUrl(src)) {
            src = img.absUrl(LAZY_SRC);
        }
        return MatchValue.isAbsoluteUrl(src) ? src : "";
    }

    private static Item item(String url, String alt) {
        Element tag = new Element("img").attr("src", url);
        if (!alt.isEmpty()) {
            tag.attr("alt", alt);
        }
        return Item.builder()
                .guid(GuidPolicy.stable(url))
                .title(alt.isEmpty() ? fileName(url) : alt)
                .link(url)
                .content(tag.outerHtml())
                .build();
    }

    /** The last path segment of {@code url} ("ferry.jpg"), or the URL when it has none. */
    static String fileName(String url) {
        try {
            String path = new URI(url).getPath();
            if (path != null) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (URISyntaxException e) {
            // jsoup's absUrl can return URLs java.net.URI rejects (spaces); the URL itself will do.
        }
        return url;
    }
}
