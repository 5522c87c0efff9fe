package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which charset a feed's bytes are read in, and the repair of UTF-8 that was encoded twice. */
class FeedCharsetTest {

    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static final String RSS = "<rss><t>%s</t></rss>";
    private static final String DECLARED = "<?xml version=\"1.0\" encoding=\"%s\"?>";

    static Stream<Arguments> documents() {
        String utf16Declared = DECLARED.formatted("UTF-16") + RSS.formatted("Ωμέγα 𝄞");
        String utf32Declared = DECLARED.formatted("UTF-32") + RSS.formatted("Türkçe 🎉");
        return Stream.of(
                // 1. a byte order mark: decides, and is not part of the text
                arguments("UTF-8 BOM", bytes(bom(0xEF, 0xBB, 0xBF), RSS.formatted("Grüße"), StandardCharsets.UTF_8),
                        null, RSS.formatted("Grüße")),
                arguments("UTF-16LE BOM", bytes(bom(0xFF, 0xFE), utf16Declared, StandardCharsets.UTF_16LE),
                        null, utf16Declared),
                arguments("UTF-16BE BOM", bytes(bom(0xFE, 0xFF), utf16Declared, StandardCharsets.UTF_16BE),
                        null, utf16Declared),
                arguments("UTF-32LE BOM", bytes(bom(0xFF, 0xFE, 0, 0), utf32Declared, UTF_32LE), null, utf32Declared),
                arguments("UTF-32BE BOM", bytes(bom(0, 0, 0xFE, 0xFF), utf32Declared, UTF_32BE), null, utf32Declared),
                arguments("UTF-8 BOM over the HTTP charset",
                        bytes(bom(0xEF, 0xBB, 0xBF), RSS.formatted("Zürich – Genève"), StandardCharsets.UTF_8),
                        "application/rss+xml; charset=iso-8859-1", RSS.formatted("Zürich – Genève")),
                arguments("UTF-16LE BOM over the HTTP charset",
                        bytes(bom(0xFF, 0xFE), utf16Declared, StandardCharsets.UTF_16LE),
                        "text/xml; charset=utf-8", utf16Declared),

                // 2. the HTTP charset, over the declaration; unknown names ignored
                arguments("HTTP over the declaration",
                        bytes(DECLARED.formatted("ISO-8859-1") + RSS.formatted("Привет"), Charset.forName("windows-1251")),
                        "application/rss+xml; charset=windows-1251", DECLARED.formatted("ISO-8859-1") + RSS.formatted("Привет")),
                arguments("HTTP ISO-8859-15: A4 is €",
                        bytes(RSS.formatted("10 € Œuvre"), Charset.forName("ISO-8859-15")),
                        "application/rss+xml; charset=ISO-8859-15", RSS.formatted("10 € Œuvre")),
                arguments("HTTP charset quoted and upper-case",
                        bytes(RSS.formatted("Smørrebrød ½"), StandardCharsets.ISO_8859_1),
                        "application/rss+xml; charset=\"ISO-8859-1\"", RSS.formatted("Smørrebrød ½")),
                arguments("HTTP charset unknown: the declaration decides",
                        bytes(DECLARED.formatted("ISO-8859-15") + RSS.formatted("€"), Charset.forName("ISO-8859-15")),
                        "application/rss+xml; charset=x-no-such-charset", DECLARED.formatted("ISO-8859-15") + RSS.formatted("€")),
                arguments("HTTP charset a lone quote: ignored",
                        bytes(RSS.formatted("中文"), StandardCharsets.UTF_8), "text/xml; charset=\"", RSS.formatted("中文")),
                arguments("HTTP UTF-16 without a BOM: byte order from the zero bytes",
                        bytes(RSS.formatted("Straße"), StandardCharsets.UTF_16LE),
                        "application/xml; charset=utf-16", RSS.formatted("Straße")),

                // 3. the XML declaration; UTF-16/32 without a BOM sniffed from the zero bytes around '<'
                arguments("declared ISO-8859-15",
                        bytes(DECLARED.formatted("ISO-8859-15") + RSS.formatted("Bœuf à 25 €"), Charset.forName("ISO-8859-15")),
                        "text/xml", DECLARED.formatted("ISO-8859-15") + RSS.formatted("Bœuf à 25 €")),
                arguments("declared Shift_JIS",
                        bytes(DECLARED.formatted("Shift_JIS") + RSS.formatted("日本語のニュース"), Charset.forName("Shift_JIS")),
                        null, DECLARED.formatted("Shift_JIS") + RSS.formatted("日本語のニュース")),
                arguments("declared KOI8-R", bytes(DECLARED.formatted("KOI8-R") + RSS.formatted("Новости"), Charset.forName("KOI8-R")),
                        null, DECLARED.formatted("KOI8-R") + RSS.formatted("Новости")),
                arguments("declaration after blank lines",
                        bytes("\n \n\t" + DECLARED.formatted("ISO-8859-15") + RSS.formatted("€"), Charset.forName("ISO-8859-15")),
                        null, "\n \n\t" + DECLARED.formatted("ISO-8859-15") + RSS.formatted("€")),
                arguments("UTF-16LE without a BOM", bytes(utf16Declared, StandardCharsets.UTF_16LE), null, utf16Declared),
                arguments("UTF-16BE without a BOM", bytes(utf16Declared, StandardCharsets.UTF_16BE), null, utf16Declared),
                arguments("UTF-32LE without a BOM", bytes(utf32Declared, UTF_32LE), null, utf32Declared),
                arguments("UTF-32BE without a BOM", bytes(utf32Declared, UTF_32BE), null, utf32Declared),
                arguments("UTF-16 declared in a document of single bytes: ignored",
                        bytes(DECLARED.formatted("UTF-16") + RSS.formatted("Café"), StandardCharsets.UTF_8),
                        null, DECLARED.formatted("UTF-16") + RSS.formatted("Café")),
                arguments("unknown encoding declared: ignored",
                        bytes(DECLARED.formatted("x-unknown") + RSS.formatted("Café"), StandardCharsets.UTF_8),
                        null, DECLARED.formatted("x-unknown") + RSS.formatted("Café")),
                arguments("declared UTF-8 with a stray byte: replaced, the rest stays UTF-8",
                        concat(bytes(DECLARED.formatted("UTF-8") + "<rss><t>Crème ", StandardCharsets.UTF_8),
                                bom(0xA3), bytes("5</t></rss>", StandardCharsets.UTF_8)),
                        null, DECLARED.formatted("UTF-8") + "<rss><t>Crème \uFFFD5</t></rss>"),

                // ISO-8859-1, latin1 and US-ASCII labels are read as windows-1252
                arguments("ISO-8859-1 declared, C1 bytes",
                        bytes(DECLARED.formatted("ISO-8859-1") + RSS.formatted("“Quoted” – 5 € ‘ok’ café"), CP1252),
                        null, DECLARED.formatted("ISO-8859-1") + RSS.formatted("“Quoted” – 5 € ‘ok’ café")),
                arguments("latin1 declared, C1 bytes", bytes(DECLARED.formatted("latin1") + RSS.formatted("It’s"), CP1252),
                        null, DECLARED.formatted("latin1") + RSS.formatted("It’s")),
                arguments("US-ASCII in HTTP, C1 bytes", bytes(RSS.formatted("“a” é"), CP1252),
                        "application/rss+xml; charset=us-ascii", RSS.formatted("“a” é")),

                // a single-byte declaration over valid multi-byte UTF-8: the UTF-8 text
                arguments("ISO-8859-1 declared, UTF-8 bytes",
                        bytes(DECLARED.formatted("ISO-8859-1") + RSS.formatted("Naïve café in Łódź – 日本"), StandardCharsets.UTF_8),
                        null, DECLARED.formatted("ISO-8859-1") + RSS.formatted("Naïve café in Łódź – 日本")),
                arguments("windows-1252 declared, UTF-8 bytes",
                        bytes(DECLARED.formatted("windows-1252") + RSS.formatted("Zażółć"), StandardCharsets.UTF_8),
                        null, DECLARED.formatted("windows-1252") + RSS.formatted("Zażółć")),
                arguments("KOI8-R declared, UTF-8 bytes (any single-byte charset)",
                        bytes(DECLARED.formatted("KOI8-R") + RSS.formatted("Новости"), StandardCharsets.UTF_8),
                        null, DECLARED.formatted("KOI8-R") + RSS.formatted("Новости")),
                arguments("ISO-8859-1 declared, Latin-1 bytes that are not UTF-8",
                        bytes(DECLARED.formatted("ISO-8859-1") + RSS.formatted("Año ¡señor!"), StandardCharsets.ISO_8859_1),
                        null, DECLARED.formatted("ISO-8859-1") + RSS.formatted("Año ¡señor!")),

                // 4. nothing says: UTF-8 when valid, else windows-1252
                arguments("no label, UTF-8", bytes(RSS.formatted("中文, ñ, €, 𝄞"), StandardCharsets.UTF_8),
                        "application/xml", RSS.formatted("中文, ñ, €, 𝄞")),
                arguments("no label, not UTF-8", bytes(RSS.formatted("“Smart” café €"), CP1252), "",
                        RSS.formatted("“Smart” café €")),

                // afterwards, double-encoded UTF-8 is repaired
                arguments("double-encoded UTF-8 document",
                        bytes(DECLARED.formatted("UTF-8") + RSS.formatted(doubleEncoded("Café crème brûlée, été")), StandardCharsets.UTF_8),
                        null, DECLARED.formatted("UTF-8") + RSS.formatted("Café crème brûlée, été")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void decodesAsFeedReadersDo(String rule, byte[] body, String contentType, String text) {
        assertThat(FeedCharset.decode(body, contentType)).isEqualTo(text);
    }

    static Stream<Arguments> doubleEncodings() {
        return Stream.of(
                // repaired: valid UTF-8 once read back as Latin-1 / windows-1252 bytes
                arguments("CafÃ© crÃ¨me brÃ»lÃ©e", "Café crème brûlée"),
                arguments("donâ€™t â€” â€œquotedâ€\u009D", "don’t — “quoted”"),
                arguments("Ã\u0089tÃ\u0089 (C1 controls from a Latin-1 reading)", "ÉtÉ (C1 controls from a Latin-1 reading)"),
                arguments("Ã‰TÃ‰", "ÉTÉ"),
                arguments("sÄ… mogÄ…", "są mogą"),
                arguments("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"),
                arguments("æ—¥æœ¬èªž", "日本語"),
                arguments("party ðŸŽ‰", "party 🎉"),
                arguments(doubleEncoded("Grüße, Ελληνικά, 한국어, 𝄞"), "Grüße, Ελληνικά, 한국어, 𝄞"),
                // left alone: not a lead and continuations, or not strict UTF-8
                arguments("Crème brûlée à la française", "Crème brûlée à la française"),
                arguments("Ã", "Ã"),
                arguments("Ã(", "Ã("),
                arguments("À© (C0 would be an overlong form)", "À© (C0 would be an overlong form)"),
                arguments("à€€ (overlong)", "à€€ (overlong)"),
                arguments("í\u00A0€ (a surrogate)", "í\u00A0€ (a surrogate)"),
                arguments("ô\u0090\u0080\u0080 (beyond U+10FFFF)", "ô\u0090\u0080\u0080 (beyond U+10FFFF)"),
                arguments("æ—x", "æ—x"),
                arguments("3×½ (an unassigned character)", "3×½ (an unassigned character)"),
                // left alone: a word followed by punctuation, as written
                arguments("„Gruß“ und „groß”", "„Gruß“ und „groß”"),
                arguments("«CAFÉ» et ÉTÉ…", "«CAFÉ» et ÉTÉ…"),
                arguments("« le café\u00A0» et voilà\u00A0»", "« le café\u00A0» et voilà\u00A0»"),
                // but a capital inside a lower-case word, or a symbol after a letter, is double-encoding
                arguments("brÃ»lÃ©e", "brûlée"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doubleEncodings")
    void repairsDoubleEncodedUtf8WhereUnambiguous(String text, String repaired) {
        assertThat(DoubleEncoding.repair(text)).isEqualTo(repaired);
    }

    @Test
    void textWithoutLeadCharactersIsNotCopied() {
        String text = "Plain ASCII, ñ, 日本 and “quotes”";
        assertThat(DoubleEncoding.repair(text)).isSameAs(text);
    }

    /** What a CMS makes of {@code text}: its UTF-8 bytes read as windows-1252 (Latin-1 where undefined), then stored. */
    private static String doubleEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            String asCp1252 = new String(new byte[] {b}, CP1252);
            out.append(asCp1252.equals("\uFFFD") ? (char) (b & 0xFF) : asCp1252.charAt(0));
        }
        return out.toString();
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] bytes(byte[] prefix, String text, Charset charset) {
        return concat(prefix, text.getBytes(charset));
    }

    private static byte[] bom(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
