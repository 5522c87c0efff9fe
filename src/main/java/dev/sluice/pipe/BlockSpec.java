package dev.sluice.pipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One block of a stored pipe, as the editor saved it.
 *
 * @param extra keys Sluice does not know, kept so that saving a loaded pipe loses nothing
 */
public record BlockSpec(
        String id,
        String type,
        double x,
        double y,
        String name,
        List<JsonNode> userinputs,
        List<Link> inputs,
        List<Link> textinputs,
        ObjectNode extra) {

    public BlockSpec {
        userinputs = List.copyOf(userinputs);
        inputs = List.copyOf(inputs);
        textinputs = List.copyOf(textinputs);
    }

    /** How messages name this block: its title and id, e.g. {@code "Filter" (9f3e1c0a7b)}. */
    public String label() {
        String title = name == null || name.isBlank() ? type : name;
        return "\"" + title + "\" (" + id + ")";
    }
}
