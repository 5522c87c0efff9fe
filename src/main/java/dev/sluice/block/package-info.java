/**
 * The block API: what a block is ({@link dev.sluice.block.Block}), what it receives
 * ({@link dev.sluice.block.BlockCall}, {@link dev.sluice.block.Options},
 * {@link dev.sluice.block.RunContext}, {@link dev.sluice.block.Deadline}) and produces
 * ({@link dev.sluice.block.Value}), and the registry of all block types. The blocks themselves
 * live in sub-packages by palette category, one class per block.
 */
package dev.sluice.block;
