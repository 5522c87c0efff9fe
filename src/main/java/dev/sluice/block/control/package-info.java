/**
 * The palette's "Control" blocks that route feeds: Combine (any number of inputs into
 * one), Duplicate (one input to several consumers), Merge (two feeds joined item by item) and
 * ForEach (a fetch per item URL).
 */
package dev.sluice.block.control;
