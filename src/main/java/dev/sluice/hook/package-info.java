/**
 * Webhooks: {@code POST /hook/<hookId>} for every Webhook block of a saved pipe.
 * {@link dev.sluice.hook.HookIndex} keeps the table of hooks in step with the saved pipes;
 * {@link dev.sluice.hook.HookIngest} checks a request (signature, rate, duplicate) and stores it
 * durably before the caller hears "accepted"; {@link dev.sluice.store.HookEvents} is the event
 * store the Webhook block reads through {@link dev.sluice.hook.StoredHookEvents};
 * {@link dev.sluice.hook.HookRetention} trims old events in small batches in the background.
 */
package dev.sluice.hook;
