/**
 * Pipe health and alerts: what a saved pipe's recent runs say about it (ok, failing since …,
 * stale since …), the background job that opens and clears incidents from that, and the alert
 * mails it owes owners who asked for them — one when an incident opens, one when it clears,
 * limited per owner and hour, each sent at most once even across restarts.
 *
 * <p>The runs themselves are recorded behind the feed requests by {@code store.RunJournal}; this
 * package only reads what it wrote.
 */
package dev.sluice.health;
