package dev.sluice.websub;

import dev.sluice.feed.OutputFormat;
import dev.sluice.fetch.GuardedClient;
import dev.sluice.model.StoredPipe;
import dev.sluice.output.FeedOutputs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code SLUICE_WEBSUB_HUB} set, feeds name that hub, and it is told when a feed's items
 * changed: {@code hub.mode=publish}, {@code hub.url=<feed URL>}, once per format, with retries.
 * The hub then fetches the feed and pushes it to its subscribers itself.
 */
final class ExternalHub {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalHub.class);
    static final List<OutputFormat> FORMATS = List.of(OutputFormat.RSS, OutputFormat.ATOM, OutputFormat.JSON);

    private final String hubUrl;
    private final GuardedClient client;
    private final FeedOutputs outputs;
    private final Outbound outbound;

    ExternalHub(String hubUrl, GuardedClient client, FeedOutputs outputs, Outbound outbound) {
        this.hubUrl = hubUrl;
        this.client = client;
        this.outputs = outputs;
        this.outbound = outbound;
    }

    void ping(StoredPipe pipe, String paramsKey) {
        for (OutputFormat format : FORMATS) {
            String topic = outputs.selfUrl(pipe, format, paramsKey);
            byte[] form = ("hub.mode=publish&hub.url=" + URLEncoder.encode(topic, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            outbound.retrying("ping of " + hubUrl, () -> {
                GuardedClient.Outcome outcome = client.post(hubUrl, form, "application/x-www-form-urlencoded", Map.of());
                if (outcome instanceof GuardedClient.Outcome.Answered a && a.success()) {
                    WebSubMetrics.delivery("pinged");
                    return Outbound.Attempt.DONE;
                }
                WebSubMetrics.delivery("ping_failed");
                LOG.info("WebSub: the hub {} did not take the ping for {}: {}", hubUrl, topic, switch (outcome) {
                    case GuardedClient.Outcome.Answered a -> "HTTP " + a.status();
                    case GuardedClient.Outcome.Failed f -> f.problem();
                });
                return Outbound.Attempt.RETRY;
            }, () -> LOG.warn("WebSub: gave up telling the hub {} that {} changed", hubUrl, topic));
        }
    }
}
