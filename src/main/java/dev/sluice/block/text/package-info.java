/**
 * Blocks that build text rather than feeds: URL Builder and String
 * Builder. Their options take text connectors, so Text Inputs (pipe parameters) can fill them, and
 * their output connects to another block's text connector, e.g. the URL of a Feed block.
 */
package dev.sluice.block.text;
