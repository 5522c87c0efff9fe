/**
 * Running pipes: a validated pipe is compiled into a {@link dev.sluice.engine.Plan} (a DAG in
 * dependency order); {@link dev.sluice.engine.Engine} runs it with every block on a virtual
 * thread, under a deadline enforced inside blocks, returning partial results with errors and a
 * per-block trace.
 */
package dev.sluice.engine;
