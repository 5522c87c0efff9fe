package dev.sluice.websub;

import dev.sluice.feed.OutputFormat;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.WebSubSubscription;
import dev.sluice.output.ComputedOutput;
import dev.sluice.output.DataFormatUnavailable;
import dev.sluice.output.FeedOutputs;
import dev.sluice.output.RenderedFeed;
import dev.sluice.store.WebSubSubscriptions;
import dev.sluice.store.WebSubTopics;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told of every output a real run produced — a reader's request that ran the pipe, a webhook
 * event, the {@link Refresher} — it decides, off the request path, whether the items changed since
 * they were last announced, and if so announces them: to the built-in hub's subscribers of that
 * output ({@link Deliveries}), or to the external hub ({@link ExternalHub}). Only complete runs of
 * public feed pipes count: a failed run's partial items would announce a change that is not one.
 */
final class ChangeWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatch.class);

    private final WebSubSettings settings;
    private final String baseUrl;
    private final String hubUrl;
    private final FeedOutputs outputs;
    private final WebSubSubscriptions subscriptions;
    private final WebSubTopics topics;
    private final SubscribedPipes subscribed;
    private final Deliveries deliveries;
    private final ExternalHub external;
    private final Outbound outbound;
    private final InstantSource clock;

    ChangeWatch(WebSubSettings settings, String baseUrl, String hubUrl, FeedOutputs outputs, WebSubSubscriptions subscriptions, WebSubTopics topics,
                SubscribedPipes subscribed, Deliveries deliveries, ExternalHub external, Outbound outbound,
                InstantSource clock) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.hubUrl = hubUrl;
        this.outputs = outputs;
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.subscribed = subscribed;
        this.deliveries = deliveries;
        this.external = external;
        this.outbound = outbound;
        this.clock = clock;
    }

    /** On the thread that ran the pipe (a request's, often): decides in memory, then hands over. */
    void computed(ComputedOutput output) {
        if (!output.pipe().isPublic() || !output.result().complete() || output.result().isData()
                || (settings.builtIn() && !subscribed.has(output.pipe().id()))) {
            return;
        }
        // In order: runs of one output end one after the other (single flight), and their checks
        // must too, or an older run's items could be announced after a newer run's.
        outbound.submitInOrder("change check of pipe " + output.pipe().id(), () -> check(output));
    }

    private void check(ComputedOutput output) {
        StoredPipe pipe = output.pipe();
        String paramsKey = output.key().paramsKey();
        if (!topics.changeTo(pipe.id(), paramsKey, ItemsHash.of(output.result().feed()), clock.instant())) {
            return;
        }
        if (!settings.builtIn()) {
            external.ping(pipe, paramsKey);
            return;
        }
        List<WebSubSubscription> subscribers = subscriptions.active(pipe.id(), clock.instant()).stream()
                .filter(s -> FeedTopic.parse(s.topic(), baseUrl)
                        .map(t -> outputs.paramsKey(pipe, t.query()).equals(paramsKey)).orElse(false))
                .toList();
        Map<OutputFormat, Deliveries.Notification> bodies = new EnumMap<>(OutputFormat.class);
        for (WebSubSubscription s : subscribers) {
            OutputFormat format = OutputFormat.fromExtension(s.format()).orElse(OutputFormat.RSS);
            Deliveries.Notification n = bodies.computeIfAbsent(format, f -> notification(output, f));
            if (n != null) {
                deliveries.send(s, n);
            }
        }
        LOG.info("WebSub: pipe {} changed; {} subscriber(s) notified", pipe.id(), subscribers.size());
    }

    private Deliveries.Notification notification(ComputedOutput output, OutputFormat format) {
        try {
            RenderedFeed feed = outputs.render(output, format);
            String self = outputs.selfUrl(output.pipe(), format, output.key().paramsKey());
            String links = feed.links() != null ? feed.links() : "<" + hubUrl + ">; rel=\"hub\", <" + self + ">; rel=\"self\"";
            return new Deliveries.Notification(feed.bytes(), feed.contentType(), links);
        } catch (DataFormatUnavailable e) {
            return null;
        }
    }
}
