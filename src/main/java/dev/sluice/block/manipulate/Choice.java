package dev.sluice.block.manipulate;

import dev.sluice.block.BlockError;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.SequencedMap;

/**
 * The values a choice option accepts, in the order the editor lists them, and what each means.
 * Pipes CE stored these as free strings, so matching ignores case and blanks mean the default.
 */
final class Choice<T> {
    private final String what;
    private final String defaultKey;
    private final SequencedMap<String, T> meanings;

    private Choice(String what, String defaultKey, SequencedMap<String, T> meanings) {
        this.what = what;
        this.defaultKey = defaultKey;
        this.meanings = meanings;
    }

    static <T> Builder<T> of(String what, String defaultKey) {
        return new Builder<>(what, defaultKey);
    }

    /** The meaning of {@code value}; a {@link BlockError} listing the choices when it has none. */
    T resolve(String value) {
        String key = value.strip().toLowerCase(Locale.ROOT);
        T meaning = meanings.get(key.isEmpty() ? defaultKey : key);
        if (meaning == null) {
            throw new BlockError("Unknown " + what + " \"" + value.strip() + "\"; choose one of: "
                    + String.join(", ", meanings.keySet()));
        }
        return meaning;
    }

    String defaultKey() {
        return defaultKey;
    }

    /** The accepted values, for the block's {@code OptionSpec}. */
    String[] keys() {
        return meanings.keySet().toArray(String[]::new);
    }

    static final class Builder<T> {
        private final String what;
        private final String defaultKey;
        private final SequencedMap<String, T> meanings = new LinkedHashMap<>();

        private Builder(String what, String defaultKey) {
            this.what = what;
            this.defaultKey = defaultKey;
        }

        Builder<T> add(String key, T meaning) {
            meanings.put(key, meaning);
            return this;
        }

        Choice<T> build() {
            if (!meanings.containsKey(defaultKey)) {
                throw new IllegalStateException("default " + defaultKey + " is not a choice");
            }
            return new Choice<>(what, defaultKey, java.util.Collections.unmodifiableSequencedMap(meanings));
        }
    }
}
