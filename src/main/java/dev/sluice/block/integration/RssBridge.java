package dev.sluice.block.integration;

import dev.sluice.block.BlockError;
import dev.sluice.block.RunContext;
import dev.sluice.block.Value;

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
        String[] query = new String[parameters.length + 6];
        query[0] = "action";
        query[1] = "display";
        query[2] = "bridge";
        query[3] = bridge;
        System.arraycopy(parameters, 0, query, 4, parameters.length);
        query[query.length - 2] = "format";
        query[query.length - 1] = FORMAT;
        return new Value.Items(ctx.parseFeed(ctx.fetch(GatewayUrl.withQuery(base, query))));
    }
}
