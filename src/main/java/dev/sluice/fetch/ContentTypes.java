package dev.sluice.fetch;

import java.nio.charset.Charset;
import java.util.Locale;

/** Reading a {@code Content-Type} header value. */
public final class ContentTypes {
    private ContentTypes() {
    }

    /**
     * The charset {@code contentType} names, when Java knows it; null otherwise (no header, no
     * charset parameter, an unknown name), so that a parser detects it from the body (BOM, meta
     * tags, XML declaration).
     */
    public static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).replace("\"", "").strip();
                try {
                    return Charset.isSupported(name) ? Charset.forName(name).name() : null;
                } catch (IllegalArgumentException unknownName) {
                    return null;
                }
            }
        }
        return null;
    }
}
