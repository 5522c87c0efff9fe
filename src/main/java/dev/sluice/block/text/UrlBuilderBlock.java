package dev.sluice.block.text;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Builds a URL from a base, a path and query parameters, each of which a text connector can fill:
 * the path is joined to the base with exactly one '/', and names and values are URL-encoded, so a
 * pipe parameter such as "rock & roll" cannot break the URL. A query already on the base is kept.
 * {@code userinputs}: [base, path, query] (all text ports); query as in {@link QueryText}.
 */
public final class UrlBuilderBlock implements Block {
    static final int BASE = 0;
    static final int PATH = 1;
    static final int QUERY = 2;

    public static final BlockType TYPE = new BlockType("UrlBuilderBlock", "URL Builder", "Create",
            "Builds a URL from a base (https://example.org/api), a path (search/news) and query parameters"
                    + " (q=news&page=2, or one name=value per line when a value holds &: q=rock & roll),"
                    + " encoding what needs it."
                    + " Connect it to a Feed block's URL.",
            List.of(OptionSpec.text("Base URL", "").withTextPort(),
                    OptionSpec.text("Path", "").withTextPort(),
                    OptionSpec.text("Query", "").withTextPort()),
            0, Value.Kind.TEXT, new UrlBuilderBlock());

    private UrlBuilderBlock() {
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        String base = call.options().text(BASE).strip();
        if (base.isEmpty()) {
            throw new BlockError("No base URL");
        }
        HttpUrl parsed = HttpUrl.parse(base);
        if (parsed == null) {
            throw new BlockError("The base URL \"" + base + "\" is not an http or https address");
        }
        HttpUrl.Builder url = parsed.newBuilder();
        String path = stripSlashes(call.options().text(PATH).strip());
        if (!path.isEmpty()) {
            url.addPathSegments(path);
        }
        for (QueryText.Parameter p : QueryText.parse(call.options().text(QUERY)).parameters()) {
            url.addQueryParameter(p.name(), p.value());
        }
        return new Value.Text(url.build().toString());
    }

    /** Leading slashes would add an empty segment ("api//v1"); a trailing one is kept as the user's. */
    private static String stripSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }
}
