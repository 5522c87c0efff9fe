/**
 * WebSub (the W3C recommendation for pushing feed updates): public pipe feeds name a hub
 * (discovery, in {@link dev.sluice.output.FeedOutputs}); the built-in hub at {@code POST /websub}
 * takes subscriptions, verifies them with the subscriber's callback ({@link IntentCheck}) and
 * keeps them in the database; when a real run of a pipe produces items different from those
 * last announced ({@link ChangeWatch}), the new feed is POSTed to every subscriber, signed with
 * its secret ({@link Deliveries}) — or, with an external hub configured, that hub is pinged.
 * {@link Refresher} re-runs subscribed pipes on their normal freshness so subscribers hear of
 * changes without anyone polling. Every request to a callback goes through the SSRF guard
 * ({@link dev.sluice.fetch.GuardedClient}), off the request path, on bounded threads and queues.
 */
package dev.sluice.websub;
