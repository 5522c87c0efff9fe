package dev.sluice.block.create;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.sluice.block.BlockError;
import dev.sluice.block.Deadline;
import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.w3c.dom.Attr;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A selector compiled once per run and applied to each page. Compiling up front means a bad
 * selector is reported, naming it, even when there is nothing to search.
 */
final class Query {
    private static final Configuration JSONPATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final Selector selector;
    private final Evaluator css;
    private final XPathExpression xpath;
    private final JsonPath jsonPath;

    private Query(Selector selector, Evaluator css, XPathExpression xpath, JsonPath jsonPath) {
        this.selector = selector;
        this.css = css;
        this.xpath = xpath;
        this.jsonPath = jsonPath;
    }

    /** Compiles {@code selector}; a {@link BlockError} naming it when it is not valid in its language. */
    static Query compile(Selector selector) {
        String expr = selector.expression();
        try {
            return switch (selector.mode()) {
                case CSS -> new Query(selector, QueryParser.parse(expr), null, null);
                case XPATH -> new Query(selector, null, XPathFactory.newInstance().newXPath().compile(expr), null);
                case JSONPATH -> new Query(selector, null, null, JsonPath.compile(expr));
            };
        } catch (org.jsoup.select.Selector.SelectorParseException | IllegalArgumentException e) {
            throw invalid(selector, e.getMessage());
        } catch (XPathExpressionException e) {
            throw invalid(selector, e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        } catch (InvalidPathException e) {
            throw invalid(selector, e.getMessage());
        }
    }

    Selector selector() {
        return selector;
    }

    /** The matches of this query in {@code page}, in document order. */
    List<Hit> run(Page page, Deadline deadline) {
        return switch (page) {
            case Page.Markup m when css != null -> m.doc().select(css).stream().map(Hit::of).toList();
            case Page.Markup m when xpath != null -> Bounded.call(deadline, () -> xpath(m));
            case Page.Json j when jsonPath != null -> Bounded.call(deadline, () -> json(j.tree()));
            case Page.Json j -> throw new BlockError("The selector " + quoted() + " is for HTML or XML, but the input"
                    + " is JSON: use a JSONPath such as $.items[*].title");
            case Page.Markup m -> throw new BlockError("The selector " + quoted() + " is a JSONPath, but the input"
                    + " is " + m.format() + ": use a CSS selector or an XPath");
        };
    }

    private List<Hit> xpath(Page.Markup page) throws XPathExpressionException {
        // Not namespace-aware: users write //div, not //xhtml:div.
        org.w3c.dom.Document dom = new W3CDom().namespaceAware(false).fromJsoup(page.doc());
        NodeList nodes;
        try {
            nodes = (NodeList) xpath.evaluate(dom, XPathConstants.NODESET);
        } catch (XPathExpressionException notNodes) {
            // concat(), string(), count(): one value, one item (Pipes CE issue #35).
            return List.of(Hit.of(xpath.evaluate(dom)));
        }
        List<Hit> hits = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            hits.add(hit(nodes.item(i)));
        }
        return hits;
    }

    private static Hit hit(Node node) {
        if (node instanceof Attr attr) {
            return new Hit(source(attr.getOwnerElement()), attr.getName(), attr.getValue());
        }
        Element element = source(node);
        return element != null ? Hit.of(element) : Hit.of(node.getTextContent());
    }

    private static Element source(Node node) {
        return node != null && node.getUserData(W3CDom.SourceProperty) instanceof Element e ? e : null;
    }

    private List<Hit> json(JsonNode tree) {
        JsonNode result = JsonPath.using(JSONPATH).parse(tree).read(jsonPath);
        List<Hit> hits = new ArrayList<>();
        if (result != null) {
            for (JsonNode value : result) {
                hits.add(Hit.of(value.isValueNode() ? value.asText() : value.toString()));
            }
        }
        return hits;
    }

    private static BlockError invalid(Selector selector, String why) {
        String language = switch (selector.mode()) {
            case CSS -> "CSS selector";
            case XPATH -> "XPath";
            case JSONPATH -> "JSONPath";
        };
        return new BlockError("Invalid " + language + " \"" + selector.expression() + "\"" + (why == null ? "" : ": " + why));
    }

    private String quoted() {
        return "\"" + selector.expression() + "\"";
    }
}
