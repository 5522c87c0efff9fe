/**
 * User patterns as Pipes CE users wrote them: {@code /…/flags} or {@code %r{…}flags}
 * is a Ruby-style regular expression, anything else a literal, case-sensitive substring.
 *
 * <p>{@link dev.sluice.pattern.UserPattern} is the only entry point: it compiles once (with a
 * small shared cache), is thread-safe, and hides which engine runs the pattern. Regexes run on
 * RE2/J, whose linear-time matching makes a user's pattern harmless however it is written. Only
 * a pattern using a feature RE2/J lacks (back-references, look-around, possessive or atomic
 * groups) falls back to {@code java.util.regex}, and then matching reads the text through a
 * view that checks the run's {@link dev.sluice.block.Deadline}, so a catastrophic pattern stops
 * at the deadline instead of holding a core for minutes.
 */
package dev.sluice.pattern;
