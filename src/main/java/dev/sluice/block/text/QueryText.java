package dev.sluice.block.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Query parameters as a user types them: {@code a=1&b=two words} on one line, or one
 * {@code name=value} per line (then a value may itself contain {@code &}). Values are raw text;
 * the URL Builder encodes them.
 */
record QueryText(List<Parameter> parameters) {

    /** One parameter; {@code value} is null for a bare name ("?flag"). */
    record Parameter(String name, String value) {
    }

    static QueryText parse(String text) {
        String[] pieces = text.contains("\n") ? text.split("\\R") : text.split("&");
        List<Parameter> out = new ArrayList<>(pieces.length);
        for (String piece : pieces) {
            String p = piece.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            out.add(eq < 0 ? new Parameter(p, null) : new Parameter(p.substring(0, eq).strip(), p.substring(eq + 1).strip()));
        }
        return new QueryText(List.copyOf(out));
    }
}
