package dev.sluice.feed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org) through Jackson's tree model: a tree rather than
 * data binding because real feeds bend the spec (numeric ids, 1.0's single {@code author}
 * beside 1.1's {@code authors}, missing fields) and every field is optional here.
 */
final class JsonFeedParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeedParser() {
    }

    static Feed parse(byte[] body, String documentUrl) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr();
            throw new FeedParseException("JSON error" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeedParseException("JSON error: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            throw new FeedParseException("not a feed: JSON without a JSON Feed \"items\" list");
        }
        UrlResolver urls = UrlResolver.forDocument(documentUrl);
        Channel channel = new Channel(
                text(root, "title"),
                urls.absolute(text(root, "home_page_url")),
                text(root, "description"),
                null,
                emptyToNull(urls.absolute(text(root, "icon").isEmpty() ? text(root, "favicon") : text(root, "icon"))));
        Source source = new Source(channel.title(), documentUrl == null ? "" : documentUrl);
        String feedAuthor = authors(root);
        List<Item> items = new ArrayList<>();
        for (JsonNode node : root.path("items")) {
            if (items.size() == FeedParser.MAX_ITEMS) {
                break;
            }
            if (node.isObject()) {
                items.add(item(node, urls, source, feedAuthor));
            }
        }
        return new Feed(channel, items, Math.max(root.path("items").size(), items.size()));
    }

    private static Item item(JsonNode node, UrlResolver urls, Source source, String feedAuthor) {
        String link = urls.absolute(text(node, "url").isEmpty() ? text(node, "external_url") : text(node, "url"));
        String content = text(node, "content_html");
        if (content.isEmpty() && !text(node, "content_text").isEmpty()) {
            content = Entities.escape(text(node, "content_text"));
        }
        content = urls.absoluteInHtml(content);
        String description = Entities.escape(text(node, "summary"));
        Instant published = FeedDates.parse(text(node, "date_published"));
        Instant updated = FeedDates.parse(text(node, "date_modified"));
        String title = text(node, "title");
        String author = authors(node);
        return Item.builder()
                .guid(GuidPolicy.choose(text(node, "id"), link, title, published != null ? published : updated,
                        content.isEmpty() ? description : content))
                .title(title)
                .link(link)
                .description(description)
                .content(content)
                .published(published)
                .updated(updated)
                .author(author.isEmpty() ? feedAuthor : author)
                .categories(tags(node))
                .enclosures(attachments(node, urls))
                .source(source)
                .build();
    }

    /** 1.1's "authors" list, else 1.0's single "author"; names joined by commas. */
    private static String authors(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : node.path("authors")) {
            if (!text(a, "name").isEmpty()) {
                names.add(text(a, "name"));
            }
        }
        if (names.isEmpty() && !text(node.path("author"), "name").isEmpty()) {
            names.add(text(node.path("author"), "name"));
        }
        return String.join(", ", names);
    }

    private static List<Category> tags(JsonNode node) {
        List<Category> tags = new ArrayList<>();
        for (JsonNode tag : node.path("tags")) {
            if (tag.isValueNode() && !tag.asText().isBlank()) {
                tags.add(Category.of(tag.asText().strip()));
            }
        }
        return tags;
    }

    private static List<Enclosure> attachments(JsonNode node, UrlResolver urls) {
        List<Enclosure> enclosures = new ArrayList<>();
        for (JsonNode a : node.path("attachments")) {
            String url = urls.absolute(text(a, "url"));
            if (!url.isEmpty()) {
                long size = a.path("size_in_bytes").asLong(-1);
                enclosures.add(new Enclosure(url, size > 0 ? size : -1, emptyToNull(text(a, "mime_type"))));
            }
        }
        return enclosures;
    }

    /** The field as text (numbers too: some feeds use numeric ids); "" when absent or not a value. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
