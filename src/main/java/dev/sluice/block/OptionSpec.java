package dev.sluice.block;

import java.util.List;

/**
 * One entry of a block's {@code userinputs}: how the editor shows it and what validation accepts.
 *
 * @param label        the form label
 * @param kind         what values are valid
 * @param choices      the allowed values of a {@link Kind#CHOICE} ("" is always allowed: default)
 * @param defaultValue the value a new block starts with
 * @param textPort     whether a text connector can override it (Pipes CE's "T→i")
 */
public record OptionSpec(String label, Kind kind, List<String> choices, String defaultValue, boolean textPort) {

    public enum Kind {
        /** Any string (numbers are accepted and read as text). */
        TEXT,
        /** A checkbox: JSON boolean, or "true"/"false"/"on"/"off"/"" as Pipes CE sometimes stored. */
        FLAG,
        /** A whole number: JSON number or a numeric string ("" = default). */
        NUMBER,
        /** One of {@code choices}. */
        CHOICE
    }

    public OptionSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
        defaultValue = defaultValue == null ? "" : defaultValue;
    }

    public static OptionSpec text(String label, String defaultValue) {
        return new OptionSpec(label, Kind.TEXT, List.of(), defaultValue, false);
    }

    public static OptionSpec flag(String label) {
        return new OptionSpec(label, Kind.FLAG, List.of(), "false", false);
    }

    public static OptionSpec number(String label, String defaultValue) {
        return new OptionSpec(label, Kind.NUMBER, List.of(), defaultValue, false);
    }

    public static OptionSpec choice(String label, String defaultValue, String... choices) {
        return new OptionSpec(label, Kind.CHOICE, List.of(choices), defaultValue, false);
    }

    /** This option, overridable by a text connector. */
    public OptionSpec withTextPort() {
        return new OptionSpec(label, kind, choices, defaultValue, true);
    }
}
