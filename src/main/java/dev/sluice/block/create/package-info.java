/**
 * The Create blocks: blocks that make new items out of pages, files and item contents —
 * Extract (CSS, XPath, JSONPath), Images, Tables and Insert. They share how an input is read
 * ({@link dev.sluice.block.create.Page}), how a selector's mode is chosen
 * ({@link dev.sluice.block.create.Selector}) and how slow user queries are held to the deadline
 * ({@link dev.sluice.block.create.Bounded}).
 */
package dev.sluice.block.create;
