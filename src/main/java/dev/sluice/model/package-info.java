/**
 * What Sluice keeps, as plain data: accounts, saved pipes and their versions, outputs, runs and
 * health, incidents and alert notices, inbox mail, WebSub subscriptions. The stores
 * ({@code dev.sluice.store}) read and write these; nothing here knows about SQL or the stores.
 */
package dev.sluice.model;
