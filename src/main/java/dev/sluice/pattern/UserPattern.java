package dev.sluice.pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sluice.block.Deadline;
import java.util.Objects;

/**
 * A pattern a user typed into a block, compiled once: {@code /…/flags} or
 * {@code %r{…}flags} is a Ruby-style regex with {@code ^}/{@code $} matching at line boundaries
 * and flags {@code i} (ignore case), {@code m} (dot matches newline), {@code x} (extended);
 * anything else is a literal, case-sensitive substring. Immutable and thread-safe; which engine
 * runs it is nobody else's business.
 *
 * <pre>{@code
 * UserPattern p = UserPattern.compile("/rust|java/i");      // PatternError if invalid
 * boolean hit = p.find(item.title(), ctx.deadline());
 * Replacement r = p.replacement("[\\1]");                    // PatternError if \1 is missing
 * String out = p.replaceAll(item.title(), r, ctx.deadline());
 * }</pre>
 */
public final class UserPattern {
    /** The longest pattern accepted, in characters. */
    public static final int MAX_LENGTH = 4096;
    /** The longest text a replacement may produce: a template must not balloon an item. */
    static final int MAX_RESULT_LENGTH = 4 * 1024 * 1024;
    private static final int MAX_DISPLAY_LENGTH = 100;
    private static final int MATCHES_PER_DEADLINE_CHECK = 1024;

    // Pipes run every few minutes with the same few patterns: compile each once per process.
    private static final Cache<String, UserPattern> CACHE = Caffeine.newBuilder().maximumSize(2048).build();

    private final String source;
    private final String display;
    private final boolean regex;
    private final Engine engine;

    private UserPattern(String source, String display, boolean regex, Engine engine) {
        this.source = source;
        this.display = display;
        this.regex = regex;
        this.engine = engine;
    }

    /**
     * The compiled form of {@code source}, from the shared cache when it was compiled before.
     *
     * @throws PatternError when the pattern is too long or invalid; the message names the
     *                      position of the problem
     */
    public static UserPattern compile(String source) {
        Objects.requireNonNull(source, "source");
        if (source.length() > MAX_LENGTH) {
            throw new PatternError("The pattern is too long: " + source.length()
                    + " characters, at most " + MAX_LENGTH + " are allowed");
        }
        return CACHE.get(source, UserPattern::compileUncached);
    }

    private static UserPattern compileUncached(String source) {
        RegexNotation notation = RegexNotation.parse(source);
        if (notation == null) {
            return new UserPattern(source, shorten("\"" + source + "\""), false, new LiteralEngine(source));
        }
        String display = shorten(source.strip());
        return new UserPattern(source, display, true, RegexCompiler.compile(display, notation));
    }

    /** The pattern exactly as the user typed it. */
    public String source() {
        return source;
    }

    /** Whether the pattern is a regex (rather than a literal substring). */
    public boolean isRegex() {
        return regex;
    }

    /**
     * Whether the pattern occurs anywhere in {@code text}.
     *
     * @throws dev.sluice.block.DeadlineExceeded when the run's time is up mid-match
     */
    public boolean find(CharSequence text, Deadline deadline) {
        return engine.find(text, deadline);
    }

    /**
     * A replacement template compiled for this pattern (see {@link Replacement} for the syntax).
     *
     * @throws PatternError when the template refers to a group this pattern does not have
     */
    public Replacement replacement(String template) {
        return Replacement.compile(this, template, engine.groupCount(), engine.namedGroups());
    }

    /** {@link #replaceAll(String, Replacement, Deadline)} with a template compiled on the spot. */
    public String replaceAll(String text, String replacement, Deadline deadline) {
        return replaceAll(text, replacement(replacement), deadline);
    }

    /**
     * Replaces every match in {@code text}. Returns {@code text} itself (the same instance) when
     * nothing matched, so callers can tell cheaply whether anything changed.
     *
     * @throws PatternError when the result would exceed 4 MiB
     * @throws dev.sluice.block.DeadlineExceeded when the run's time is up
     */
    public String replaceAll(String text, Replacement replacement, Deadline deadline) {
        Replacement r = replacement.pattern() == this ? replacement : replacement(replacement.template());
        Engine.MatchCursor m = engine.matches(text, deadline);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int copied = 0;
        int matches = 0;
        do {
            if (++matches % MATCHES_PER_DEADLINE_CHECK == 0) {
                deadline.check();
            }
            out.append(text, copied, m.start(0));
            r.appendTo(out, text, m);
            copied = m.end(0);
            if (out.length() > MAX_RESULT_LENGTH) {
                throw new PatternError("Replacing " + display + " would make a text longer than "
                        + MAX_RESULT_LENGTH / (1024 * 1024) + " MiB");
            }
        } while (m.find());
        return out.append(text, copied, text.length()).toString();
    }

    /** The pattern for messages: {@code /rust/i} for a regex, {@code "quantum"} for a literal. */
    @Override
    public String toString() {
        return display;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_DISPLAY_LENGTH ? s : s.substring(0, MAX_DISPLAY_LENGTH - 1) + "…";
    }
}
