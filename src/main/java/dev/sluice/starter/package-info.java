/**
 * Starter templates: ready-made pipes shipped in the jar ({@code /starters/*.json}), each with a
 * title, a description, tags and the options a newcomer fills in. The editor opens one as an
 * unsaved copy; {@code /templates} lists them.
 */
package dev.sluice.starter;
