/** The root block every pipe ends in (SPEC §3, §6): what the feed URL serves. */
package dev.sluice.block.output;
