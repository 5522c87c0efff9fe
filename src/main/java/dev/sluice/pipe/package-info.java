/**
 * Pipes as stored and exchanged: the JSON model (compatible with Pipes CE), its
 * codec, and validation with clear messages naming the block.
 */
package dev.sluice.pipe;
