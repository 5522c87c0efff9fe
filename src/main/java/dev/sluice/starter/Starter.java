package dev.sluice.starter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A starter template.
 *
 * @param id          its name in URLs ({@code /editor?template=<id>})
 * @param params      the options to fill in, in the order a newcomer should read them
 * @param pipe        the pipe, in the saved (Pipes CE) shape
 */
public record Starter(String id, String title, String description, List<String> tags, List<Param> params, JsonNode pipe) {
    public Starter {
        tags = List.copyOf(tags);
        params = List.copyOf(params);
    }

    /**
     * An option of one block that the template leaves for the user to fill in.
     *
     * @param block  the block's id in the pipe
     * @param option the option's index in the block's {@code userinputs}
     * @param label  what to put there, for people
     * @param hint   an example value
     */
    public record Param(String block, int option, String label, String hint) {
    }
}
