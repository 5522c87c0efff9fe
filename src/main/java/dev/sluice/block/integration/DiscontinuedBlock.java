package dev.sluice.block.integration;

import dev.sluice.block.Block;
import dev.sluice.block.BlockCall;
import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.OptionSpec;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.List;

/**
 * A block for a service that no longer exists or no longer serves anyone. Old pipes that use
 * it must still load (and their other branches run), so the type stays registered and says
 * plainly what happened instead of failing as an unknown block.
 */
public final class DiscontinuedBlock implements Block {
    public static final BlockType TWITTER = type("TwitterBlock", "Twitter", "Search term or @user");
    public static final BlockType PERISCOPE = type("PeriscopeBlock", "Periscope", "User");
    public static final BlockType USTREAM = type("UstreamBlock", "Ustream", "Channel");

    /** Every discontinued block type, for the catalogue. */
    public static final List<BlockType> TYPES = List.of(TWITTER, PERISCOPE, USTREAM);

    private final String message;

    private DiscontinuedBlock(String service) {
        this.message = service + " is a discontinued service; this block can no longer fetch anything";
    }

    private static BlockType type(String name, String service, String option) {
        return new BlockType(name, service, "Integrations",
                service + " no longer offers what this block read. Kept so that old pipes still load; "
                        + "replace it with a Feed block.",
                List.of(OptionSpec.text(option, "").withTextPort()),
                0, Value.Kind.FEED, new DiscontinuedBlock(service));
    }

    @Override
    public Value run(BlockCall call, RunContext ctx) {
        throw new BlockError(message);
    }
}
