/**
 * The data blocks: instead of feed items they pass a JSON or XML tree
 * ({@link dev.sluice.block.Value.Data}) addressed with JSONPath — download it, duplicate it,
 * filter the elements of an array in it, replace text in it. {@link dev.sluice.block.data.DataTrees}
 * reads and writes the trees; {@link dev.sluice.block.data.DataOutline} lists their paths for the
 * editor's autocomplete.
 */
package dev.sluice.block.data;
