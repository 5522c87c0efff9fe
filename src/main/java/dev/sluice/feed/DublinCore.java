package dev.sluice.feed;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Attribute;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The Dublin Core elements feeds use for what their own format lacks: {@code dc:creator} for
 * authors (RSS 1.0 has no author element) and {@code dc:subject} for categories, either plain
 * text or an RDF description of a taxonomy's values.
 */
final class DublinCore {

    static final String URI = "http://purl.org/dc/elements/1.1/";
    private static final Namespace RDF = Namespace.getNamespace(XmlFormat.RDF);
    private static final Namespace TAXONOMY = Namespace.getNamespace("http://purl.org/rss/1.0/modules/taxonomy/");

    private DublinCore() {
    }

    static boolean isIn(Element element) {
        return URI.equals(element.getNamespaceURI());
    }

    /** The text of the first {@code dc:creator} child of {@code parent}; null when there is none. */
    static String firstCreator(Element parent) {
        for (Element child : parent.getChildren()) {
            if (isIn(child) && "creator".equals(child.getName())) {
                return child.getText();
            }
        }
        return null;
    }

    /**
     * The terms of {@code dc:subject} elements: the text of a plain one; each {@code rdf:value} of
     * one holding an {@code rdf:Description}, with the taxonomy its {@code taxo:topic} names.
     */
    static List<EntryParts.Term> subjects(List<Element> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        List<EntryParts.Term> terms = new ArrayList<>(subjects.size());
        for (Element subject : subjects) {
            Element description = subject.getChild("Description", RDF);
            if (description == null) {
                terms.add(new EntryParts.Term(subject.getText(), null));
                continue;
            }
            String taxonomy = null;
            Element topic = description.getChild("topic", TAXONOMY);
            Attribute resource = topic == null ? null : topic.getAttribute("resource", RDF);
            if (resource != null) {
                taxonomy = resource.getValue();
            }
            for (Element value : description.getChildren("value", RDF)) {
                terms.add(new EntryParts.Term(value.getText(), taxonomy));
            }
        }
        return terms;
    }
}
