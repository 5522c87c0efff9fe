package dev.sluice.inbox;

/** Strings as the store keeps them: no NUL or other control characters where they do not belong. */
final class MailText {
    /** Longest subject, author, file name or Message-ID kept. */
    static final int MAX_HEADER = 300;

    private MailText() {
    }

    /** A one-line value: controls removed, white space collapsed, at most {@link #MAX_HEADER} characters. */
    static String header(String value) {
        if (value == null) {
            return "";
        }
        String s = value.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return s.length() <= MAX_HEADER ? s : s.substring(0, MAX_HEADER - 1) + "…";
    }

    /** A body: NUL and other controls but tab and line breaks removed (PostgreSQL's TEXT holds no NUL). */
    static String body(String value) {
        return value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
    }
}
