package dev.sluice.feed;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Image;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The RSS 2.0 writer as it was before {@link RssWriter} streamed its XML: the reference the
 * writer's bytes are compared with ({@link FeedWriterBytesTest}). RSS 2.0 through Rome's
 * generator, then two touches Rome cannot do: the {@code content}, {@code dc} and {@code atom}
 * namespaces declared on the root (Rome drops unused ones; they are wanted always) and
 * {@code atom:link rel="self"} beside {@code atom:link rel="hub"} when a WebSub hub pushes the
 * feed. Authors go to {@code dc:creator}: RSS {@code author} must be an e-mail address.
 */
final class RomeRssWriter {

    static final Namespace CONTENT = Namespace.getNamespace("content", "http://purl.org/rss/1.0/modules/content/");
    static final Namespace DC = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");
    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final String SELF_TYPE = "application/rss+xml";
    private static final String UNKNOWN_MEDIA_TYPE = "application/octet-stream";

    private RomeRssWriter() {
    }

    static Document write(Feed feed, WriteOptions options) throws FeedException {
        Channel source = feed.channel();
        com.rometools.rome.feed.rss.Channel channel = new com.rometools.rome.feed.rss.Channel("rss_2.0");
        channel.setTitle(XmlText.clean(Fallbacks.channelTitle(source)));
        channel.setLink(XmlText.clean(Fallbacks.channelLink(source, options)));
        channel.setDescription(XmlText.clean(Fallbacks.channelDescription(source)));
        Instant newest = Fallbacks.newest(feed);
        if (newest != null) {
            channel.setLastBuildDate(Date.from(newest));
        }
        if (!options.generator().isEmpty()) {
            channel.setGenerator(XmlText.clean(options.generator()));
        }
        if (source.image() != null && !source.image().isBlank()) {
            Image image = new Image();
            image.setUrl(XmlText.clean(source.image()));
            image.setTitle(channel.getTitle());
            image.setLink(channel.getLink());
            channel.setImage(image);
        }
        List<Element> links = new ArrayList<>(2);
        if (!options.selfUrl().isEmpty()) {
            links.add(new Element("link", ATOM)
                    .setAttribute("href", XmlText.clean(options.selfUrl()))
                    .setAttribute("rel", "self")
                    .setAttribute("type", SELF_TYPE));
        }
        if (!options.hubUrl().isEmpty()) {
            // WebSub discovery: where to subscribe for pushed updates
            links.add(new Element("link", ATOM)
                    .setAttribute("href", XmlText.clean(options.hubUrl()))
                    .setAttribute("rel", "hub"));
        }
        if (!links.isEmpty()) {
            channel.setForeignMarkup(links);
        }
        List<com.rometools.rome.feed.rss.Item> items = new ArrayList<>(feed.items().size());
        for (Item item : feed.items()) {
            items.add(item(item));
        }
        channel.setItems(items);

        Document document = new WireFeedOutput().outputJDom(channel);
        Element root = document.getRootElement();
        root.addNamespaceDeclaration(CONTENT);
        root.addNamespaceDeclaration(DC);
        root.addNamespaceDeclaration(ATOM);
        return document;
    }

    private static com.rometools.rome.feed.rss.Item item(Item source) {
        com.rometools.rome.feed.rss.Item item = new com.rometools.rome.feed.rss.Item();
        String title = Fallbacks.itemTitle(source);
        if (!title.isBlank()) {
            item.setTitle(XmlText.clean(title));
        }
        if (!source.link().isBlank()) {
            item.setLink(XmlText.clean(source.link()));
        }
        if (!source.description().isBlank()) {
            Description description = new Description();
            description.setValue(XmlText.clean(source.description()));
            item.setDescription(description);
        }
        if (!source.content().isBlank()) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(XmlText.clean(source.content()));
            item.setContent(content);
        }
        Guid guid = new Guid();
        guid.setValue(XmlText.clean(source.guid()));
        guid.setPermaLink(source.guidIsPermaLink() && Fallbacks.isHttpUrl(source.guid()));
        item.setGuid(guid);
        if (source.date() != null) {
            item.setPubDate(Date.from(source.date()));
        }
        List<com.rometools.rome.feed.rss.Category> categories = new ArrayList<>(source.categories().size());
        for (Category c : source.categories()) {
            com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
            category.setValue(XmlText.clean(c.term()));
            if (c.domain() != null && !c.domain().isBlank()) {
                category.setDomain(XmlText.clean(c.domain()));
            }
            categories.add(category);
        }
        item.setCategories(categories);
        List<com.rometools.rome.feed.rss.Enclosure> enclosures = new ArrayList<>(source.enclosures().size());
        for (Enclosure e : source.enclosures()) {
            com.rometools.rome.feed.rss.Enclosure enclosure = new com.rometools.rome.feed.rss.Enclosure();
            enclosure.setUrl(XmlText.clean(e.url()));
            enclosure.setLength(Math.max(0, e.length())); // RSS requires a length; 0 means unknown
            enclosure.setType(e.type() == null || e.type().isBlank() ? UNKNOWN_MEDIA_TYPE : XmlText.clean(e.type()));
            enclosures.add(enclosure);
        }
        item.setEnclosures(enclosures);
        if (!source.author().isBlank()) {
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreator(XmlText.clean(source.author()));
            List<Module> modules = new ArrayList<>(1);
            modules.add(dc);
            item.setModules(modules);
        }
        return item;
    }
}
