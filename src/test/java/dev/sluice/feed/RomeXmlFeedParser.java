package dev.sluice.feed;

import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * The reference for {@link FeedParserParityTest}: XML feeds read the way Sluice read them with
 * Rome, before {@link XmlFeedParser} mapped the tree itself. Decoding, the tree and
 * {@link TreeFacts} are shared; Rome's {@code SyndFeedInput} builds a {@code SyndFeed} and
 * {@link SyndFeedMapper} maps it onto {@link Feed}, as the server did.
 */
final class RomeXmlFeedParser {

    /** The RSS versions Rome has parsers for; anything else is read as 2.0. */
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

    private RomeXmlFeedParser() {
    }

    static Feed parse(byte[] body, String contentType, String documentUrl) throws FeedParseException {
        Document document = XmlTree.read(FeedCharset.decode(body, contentType));
        Element root = document.getRootElement();
        if (CdfParser.isCdf(root)) {
            return CdfParser.parse(root, documentUrl); // Rome knows no CDF and would reject the root
        }
        String version = root.getAttributeValue("version", "");
        if ("rss".equals(root.getName()) && !RSS_VERSIONS.contains(version)) {
            root.setAttribute("version", "2.0"); // "2", "2.01" or none: Rome would reject the feed
        }
        TreeFacts facts = TreeFacts.harvest(document, UrlResolver.forDocument(documentUrl), FeedParser.MAX_ITEMS);
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true); // to read RSS guid isPermaLink
        try {
            return SyndFeedMapper.map(input.build(document), facts, documentUrl);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException("not a feed: the XML root element is <" + root.getQualifiedName()
                    + ">, not RSS or Atom");
        } catch (FeedException | RuntimeException e) {
            // Rome is third-party code fed hostile input: whatever it throws is a feed problem
            throw new FeedParseException("not a readable feed: " + e.getMessage(), e);
        }
    }
}
