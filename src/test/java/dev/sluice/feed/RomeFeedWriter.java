package dev.sluice.feed;

import com.rometools.rome.io.FeedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * RSS and Atom as {@link FeedWriter} wrote them while Rome built the feed and JDOM's raw
 * {@code XMLOutputter} serialised it: the same items made ready, the same bytes. Only
 * {@link FeedWriterBytesTest} uses it, to keep the ETags of every written feed where they were.
 */
final class RomeFeedWriter {

    private RomeFeedWriter() {
    }

    static byte[] write(Feed feed, OutputFormat format, WriteOptions options) throws FeedException, IOException {
        Feed complete = FeedWriter.ready(feed);
        Document document = switch (format) {
            case RSS -> RomeRssWriter.write(complete, options);
            case ATOM -> RomeAtomWriter.write(complete, options);
            default -> throw new IllegalArgumentException("Rome wrote RSS and Atom only, not " + format);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).output(document, out);
        return out.toByteArray();
    }
}
