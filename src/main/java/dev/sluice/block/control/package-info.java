/**
 * The palette's "Control" blocks (SPEC §6) that route feeds without changing items: Combine
 * (any number of inputs into one) and Duplicate (one input to several consumers).
 */
package dev.sluice.block.control;
