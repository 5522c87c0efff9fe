package dev.sluice.block.integration;

import dev.sluice.block.BlockError;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;
import java.util.ArrayList;
import java.util.List;

/** Reads a feed from the server's RSS-Bridge instance ({@code SLUICE_RSSBRIDGE_URL}). */
final class RssBridge {
    /** The feed format asked for: Atom keeps dates, authors and ids that RSS-Bridge's Mrss loses. */
    static final String FORMAT = "Atom";

    private RssBridge() {
    }

    /**
     * Fetches and parses {@code ?action=display&bridge=<bridge>&<parameters>&format=Atom}.
     *
     * @param service    the service name for the error when no instance is configured
     * @param parameters the bridge's own parameters as name, value pairs
     */
    static Value fetch(RunContext ctx, String service, String bridge, String... parameters) {
        String base = ctx.integrations().rssBridge().orElseThrow(() -> new BlockError(
                service + " needs an RSS-Bridge instance (SLUICE_RSSBRIDGE_URL)"));
        List<String> query = new ArrayList<>(List.of("action", "display", "bridge", bridge));
        query.addAll(List.of(parameters));
        query.addAll(List.of("format", FORMAT));
        return new Value.Items(ctx.parseFeed(ctx.fetch(GatewayUrl.withQuery(base, query.toArray(String[]::new)))));
    }
}
