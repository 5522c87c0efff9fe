/** The root block every pipe ends in: what the feed URL serves. */
package dev.sluice.block.output;
