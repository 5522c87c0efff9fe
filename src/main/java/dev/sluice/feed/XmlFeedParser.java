package dev.sluice.feed;

import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF: decode the bytes as feed readers do
 * ({@link FeedCharset}), build a safe tree ({@link XmlTree}), take the dates, bases and Atom
 * texts out of it ({@link TreeFacts}), tell the format ({@link XmlFormat}) and map the tree onto
 * {@link Feed} ({@link RssMapper}, {@link AtomMapper}, {@link CdfParser}).
 */
final class XmlFeedParser {

    /** The RSS versions that have a reading of their own; anything else is read as 2.0. */
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

    private XmlFeedParser() {
    }

    static Feed parse(byte[] body, String contentType, String documentUrl) throws FeedParseException {
        Document document = XmlTree.read(FeedCharset.decode(body, contentType));
        Element root = document.getRootElement();
        if (CdfParser.isCdf(root)) {
            return CdfParser.parse(root, documentUrl);
        }
        String version = root.getAttributeValue("version", "");
        if ("rss".equals(root.getName()) && !RSS_VERSIONS.contains(version)) {
            root.setAttribute("version", "2.0"); // "2", "2.01" or none: still RSS
        }
        TreeFacts facts = TreeFacts.harvest(document, UrlResolver.forDocument(documentUrl), FeedParser.MAX_ITEMS);
        XmlFormat format = XmlFormat.of(root);
        if (format == null) {
            throw new FeedParseException("not a feed: the XML root element is <" + root.getQualifiedName()
                    + ">, not RSS or Atom");
        }
        return format.isAtom() ? AtomMapper.map(root, format, facts, documentUrl)
                : RssMapper.map(root, format, facts, documentUrl);
    }
}
