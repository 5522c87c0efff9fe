/**
 * The palette's "Manipulate" blocks: Filter, Replace, Unique, Truncate, Tail, Sort,
 * Shorten, and the newer URL Cleanup, Date Filter, Delay and Filter Language. Each is a pure
 * function of its input feed and options that keeps item instances it does not change (a changed
 * item is rebuilt with {@code toBuilder()}), checks the run's deadline in its item loop, and
 * reports every item it drops, with the rule, for the inspector.
 */
package dev.sluice.block.manipulate;
