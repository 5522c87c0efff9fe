/**
 * Blocks that build a feed from parts (the "Create" category): Build Feed zips columns of
 * titles, contents, dates and links taken from feeds or downloaded text.
 */
package dev.sluice.block.build;
