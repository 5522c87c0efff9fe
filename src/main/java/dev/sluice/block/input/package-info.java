/** Blocks of the palette's "Inputs" category: where items and parameters come from. */
package dev.sluice.block.input;
