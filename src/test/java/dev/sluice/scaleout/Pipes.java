package dev.sluice.scaleout;

import static dev.sluice.pipe.PipeJsonForTests.block;
import static dev.sluice.pipe.PipeJsonForTests.feed;
import static dev.sluice.pipe.PipeJsonForTests.from;
import static dev.sluice.pipe.PipeJsonForTests.fromAll;
import static dev.sluice.pipe.PipeJsonForTests.output;
import static dev.sluice.pipe.PipeJsonForTests.pipe;

import java.util.ArrayList;
import java.util.List;

/** Pipe JSON, in the editor's format, for the scale-out scenarios. */
final class Pipes {
    private Pipes() {
    }

    /** One feed whose items matching {@code pattern} (in the title) are blocked. */
    static String feedBlocking(String url, String pattern) {
        return pipe(feed("f", url), block("flt", "FilterBlock", "[\"" + pattern + "\",true,\"title\"]", from("f"), "[{}]"),
                output("flt"));
    }

    /** Several feeds combined into one, in order. */
    static String combined(List<String> urls) {
        List<String> blocks = new ArrayList<>();
        String[] ids = new String[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
            ids[i] = "f" + i;
            blocks.add(feed(ids[i], urls.get(i)));
        }
        blocks.add(block("all", "CombineBlock", "[]", fromAll(ids), "[]"));
        blocks.add(output("all"));
        return pipe(blocks.toArray(String[]::new));
    }
}
