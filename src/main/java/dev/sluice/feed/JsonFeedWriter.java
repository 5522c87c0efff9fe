package dev.sluice.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.jsoup.Jsoup;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), streamed with Jackson so fields come out in
 * a fixed order and only when they have a value.
 */
final class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final JsonFactory JSON = new JsonFactory();

    private JsonFeedWriter() {
    }

    static byte[] write(Feed feed, WriteOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + feed.items().size() * 1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            Channel channel = feed.channel();
            json.writeStartObject();
            json.writeStringField("version", VERSION);
            json.writeStringField("title", Fallbacks.channelTitle(channel));
            field(json, "home_page_url", Fallbacks.channelLink(channel, options));
            field(json, "feed_url", options.selfUrl());
            field(json, "description", channel.description());
            field(json, "icon", channel.image());
            if (!options.hubUrl().isEmpty()) {
                json.writeArrayFieldStart("hubs"); // WebSub discovery
                json.writeStartObject();
                json.writeStringField("type", "WebSub");
                json.writeStringField("url", options.hubUrl());
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeArrayFieldStart("items");
            for (Item item : feed.items()) {
                item(json, item);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void item(JsonGenerator json, Item item) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", item.guid());
        field(json, "url", item.link());
        field(json, "title", item.title());
        // JSON Feed requires content_html or content_text; the description stands in for content
        json.writeStringField("content_html", item.content().isEmpty() ? item.description() : item.content());
        if (!item.description().isBlank()) {
            json.writeStringField("summary", Jsoup.parse(item.description()).text()); // plain text per spec
        }
        date(json, "date_published", item.published());
        date(json, "date_modified", item.updated());
        if (!item.author().isBlank()) {
            json.writeArrayFieldStart("authors");
            json.writeStartObject();
            json.writeStringField("name", item.author());
            json.writeEndObject();
            json.writeEndArray();
        }
        if (!item.categories().isEmpty()) {
            json.writeArrayFieldStart("tags");
            for (Category c : item.categories()) {
                json.writeString(c.term());
            }
            json.writeEndArray();
        }
        if (!item.enclosures().isEmpty()) {
            json.writeArrayFieldStart("attachments");
            for (Enclosure e : item.enclosures()) {
                json.writeStartObject();
                json.writeStringField("url", e.url());
                json.writeStringField("mime_type", e.type() == null ? "application/octet-stream" : e.type());
                if (e.length() > 0) {
                    json.writeNumberField("size_in_bytes", e.length());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void field(JsonGenerator json, String name, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            json.writeStringField(name, value);
        }
    }

    private static void date(JsonGenerator json, String name, Instant value) throws IOException {
        if (value != null) {
            json.writeStringField(name, FeedDates.rfc3339(value));
        }
    }
}
