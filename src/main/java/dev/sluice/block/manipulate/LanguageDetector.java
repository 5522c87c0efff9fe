package dev.sluice.block.manipulate;

import dev.sluice.block.BlockError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Guesses the language of a text with Apache OpenNLP's language detector and its published
 * 103-language model, and names languages the way users do. The model (10 MB) is loaded once, on
 * first use, so servers that never run a Filter Language block never pay for it.
 */
final class LanguageDetector {
    /** The model file inside the opennlp-models-langdetect artifact. */
    private static final String MODEL = "/langdetect-183.bin";
    /**
     * The model spreads its confidence over all 103 languages, so even a clear two-sentence text
     * scores only about 0.06-0.12, while a text too short to tell scores near 1/103 for everything.
     * A guess counts when it is well above that floor and clearly ahead of the runner-up.
     */
    static final double MIN_CONFIDENCE = 0.03;
    static final double MIN_LEAD = 1.5;
    /** Longer texts add no certainty but cost time. */
    static final int MAX_CHARS = 2000;

    /** ISO 639-3 and English names ("german") to ISO 639-1, plus the model's codes Java lacks. */
    private static final Map<String, String> CODES = codes();

    private LanguageDetector() {
    }

    private static final class Model {
        static final LanguageDetectorModel INSTANCE = load();

        private static LanguageDetectorModel load() {
            try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("language model " + MODEL + " is not on the class path");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The ISO 639-1 code of {@code text}'s language, when the model is confident enough. */
    static Optional<String> detect(String text) {
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (sample.isBlank()) {
            return Optional.empty();
        }
        // LanguageDetectorME keeps no state between calls, but is cheap enough to make per call
        Language[] ranked = new LanguageDetectorME(Model.INSTANCE).predictLanguages(sample);
        if (ranked.length == 0) {
            return Optional.empty();
        }
        Language best = ranked[0];
        double runnerUp = ranked.length > 1 ? ranked[1].getConfidence() : 0;
        if (best.getConfidence() < MIN_CONFIDENCE || best.getConfidence() < MIN_LEAD * runnerUp) {
            return Optional.empty();
        }
        return Optional.of(CODES.getOrDefault(best.getLang(), best.getLang()));
    }

    /**
     * The ISO 639-1 code a user means by {@code name}: a code ("de", "deu") or an English name
     * ("German", as Pipes CE stored it). A {@link BlockError} when it names no language.
     */
    static String code(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.length() == 2 && CODES.containsValue(key)) {
            return key;
        }
        String code = CODES.get(key);
        if (code == null) {
            throw new BlockError("Unknown language \"" + name.strip() + "\"; give a code such as en or de,"
                    + " or an English name such as German");
        }
        return code;
    }

    /** A readable name for messages: "German (de)". */
    static String describe(String code) {
        String english = Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
        return english.isEmpty() || english.equals(code) ? code : english + " (" + code + ")";
    }

    private static Map<String, String> codes() {
        Map<String, String> m = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            Locale locale = Locale.of(two);
            m.put(locale.getISO3Language(), two);
            m.put(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), two);
        }
        // macrolanguage members the model reports by their own ISO 639-3 codes
        m.put("cmn", "zh");
        m.put("pes", "fa");
        m.put("zlm", "ms");
        m.put("ekk", "et");
        m.put("lvs", "lv");
        m.put("azj", "az");
        m.put("uzn", "uz");
        m.put("npi", "ne");
        m.put("swh", "sw");
        m.put("nob", "no");
        m.put("nno", "nn");
        // older names users type
        m.put("farsi", "fa");
        m.put("chinese", "zh");
        return Map.copyOf(m);
    }
}
