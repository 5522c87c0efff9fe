"""Writes the documents of the `encodings` group and its cases.json (see ../README.md).

Run with /usr/bin/python3 from any directory; it rewrites every file it owns beside itself.
Each document is first written as text, then encoded into the bytes a real server would send;
the expectations are the text a reader must show once the bytes are decoded with the right
charset (order: BOM, then the HTTP charset, then the XML declaration, then sniffing).
"""
import datetime
import email.utils
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BOM_UTF8 = b"\xef\xbb\xbf"


def rfc822(y, mo, d, h, mi):
    return email.utils.format_datetime(datetime.datetime(y, mo, d, h, mi, tzinfo=datetime.timezone.utc), usegmt=True)


def iso(y, mo, d, h, mi):
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00Z"


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss(items, encoding=None, channel="Encoding test feed", raw=False):
    """An RSS 2.0 document as text; items are (title, link, guid, date tuple, description)."""
    out = []
    if encoding is not None:
        out.append(f'<?xml version="1.0" encoding="{encoding}"?>\n')
    out.append('<rss version="2.0">\n  <channel>\n')
    out.append(f"    <title>{channel}</title>\n    <link>http://example.org/</link>\n")
    out.append("    <description>Characters in many encodings</description>\n")
    for title, link, guid, date, description in items:
        t = title if raw else esc(title)
        d = description if raw else esc(description)
        out.append("    <item>\n")
        out.append(f"      <title>{t}</title>\n")
        out.append(f"      <link>{link}</link>\n")
        out.append(f'      <guid isPermaLink="false">{guid}</guid>\n')
        out.append(f"      <pubDate>{rfc822(*date)}</pubDate>\n")
        out.append(f"      <description>{d}</description>\n")
        out.append("    </item>\n")
    out.append("  </channel>\n</rss>\n")
    return "".join(out)


def atom(entries, encoding=None, feed="Encoding test feed"):
    """An Atom 1.0 document as text; entries are (title, link, id, date tuple, summary)."""
    out = []
    if encoding is not None:
        out.append(f'<?xml version="1.0" encoding="{encoding}"?>\n')
    out.append('<feed xmlns="http://www.w3.org/2005/Atom">\n')
    out.append(f"  <title>{feed}</title>\n  <id>http://example.org/feed</id>\n")
    out.append('  <link rel="alternate" href="http://example.org/"/>\n')
    out.append(f"  <updated>{iso(2025, 1, 1, 0, 0)}</updated>\n")
    for title, link, ident, date, summary in entries:
        out.append("  <entry>\n")
        out.append(f"    <title>{esc(title)}</title>\n")
        out.append(f'    <link rel="alternate" href="{link}"/>\n')
        out.append(f"    <id>{ident}</id>\n")
        out.append(f"    <published>{iso(*date)}</published>\n")
        out.append(f"    <updated>{iso(*date)}</updated>\n")
        out.append(f"    <summary>{esc(summary)}</summary>\n")
        out.append("  </entry>\n")
    out.append("</feed>\n")
    return "".join(out)


def expect(title, link, guid, date, body):
    return {"title": title, "link": link, "id": guid, "date": iso(*date), "body": body}


def item(n, title, body, date, slug, atom_id=False):
    """One item: what the document carries and what the reader must show (the same text)."""
    link = f"http://example.org/encodings/{slug}/{n}"
    guid = f"tag:example.org,2025:{slug}/{n}" if atom_id else f"encodings-{slug}-{n}"
    return (title, link, guid, date, body), expect(title, link, guid, date, esc(body))


CASES = []


def case(doc, behaviour, data, items, content_type=None, encoding=None):
    """Records a case; encoding is the charset the bytes really are in (checked by the validator)."""
    with open(os.path.join(HERE, doc), "wb") as f:
        f.write(data)
    c = {"doc": doc, "behaviour": behaviour}
    if content_type is not None:
        c["contentType"] = content_type
    c["items"] = items
    CASES.append((c, encoding))


def compact(text):
    """The document without indentation or line breaks (keeps UTF-32 documents under 2 KB)."""
    text = "".join(line.strip() for line in text.splitlines())
    # Atom: rel="alternate" is the default, and the feed-level link is optional.
    return text.replace(' rel="alternate"', "").replace('<link href="http://example.org/"/>', "")


def simple_rss(doc, behaviour, pairs, encoding_decl, codec, prefix=b"", content_type=None, slug=None, date=None,
               small=False):
    """One RSS document whose items are (title, body) pairs, encoded with codec."""
    slug = slug or doc.rsplit(".", 1)[0]
    parts, wants = [], []
    for n, (title, body) in enumerate(pairs, 1):
        d = date or (2025, 3, n, 9, 30)
        p, w = item(n, title, body, d, slug)
        parts.append(p)
        wants.append(w)
    text = rss(parts, encoding=encoding_decl)
    if small:
        text = compact(text)
    case(doc, behaviour, prefix + text.encode(codec), wants, content_type, codec)


def simple_atom(doc, behaviour, pairs, encoding_decl, codec, prefix=b"", content_type=None, small=False):
    slug = doc.rsplit(".", 1)[0]
    parts, wants = [], []
    for n, (title, body) in enumerate(pairs, 1):
        p, w = item(n, title, body, (2025, 4, n, 14, 0), slug, atom_id=True)
        parts.append(p)
        wants.append(w)
    text = atom(parts, encoding=encoding_decl)
    if small:
        text = compact(text)
    case(doc, behaviour, prefix + text.encode(codec), wants, content_type, codec)


# --- Unicode encodings -------------------------------------------------------------------------

simple_rss("utf8-declared.xml",
           "UTF-8 without a BOM, declared in the XML declaration: multi-byte characters of 2, 3 and 4 bytes",
           [("Café, naïve, 日本語 and €", "Ünïcödé text: ß, Ω, 中文 and 𝄞")], "UTF-8", "utf-8")

simple_rss("utf8-bom.xml",
           "UTF-8 with a byte order mark before the XML declaration: the BOM is not part of the text",
           [("Grüße mit BOM, 你好", "The BOM EF BB BF starts the document; ñ and ø follow")],
           "UTF-8", "utf-8", prefix=BOM_UTF8)

simple_rss("utf16le-bom.xml",
           "UTF-16 little-endian with a BOM (FF FE), including a character outside the BMP (surrogate pair)",
           [("Ещё один тест: 𝄞 clef", "Little-endian UTF-16: Ω, 日本, 𝄞")],
           "UTF-16", "utf-16-le", prefix=b"\xff\xfe")

simple_atom("utf16be-bom.xml",
            "An Atom feed in UTF-16 big-endian with a BOM (FE FF)",
            [("Big-endian: Ελληνικά", "Καλημέρα from a UTF-16BE document")],
            "UTF-16", "utf-16-be", prefix=b"\xfe\xff")

simple_rss("utf16le-no-bom.xml",
           "UTF-16 little-endian without a BOM: sniffed from 3C 00 3F 00 and named by the XML declaration",
           [("Sans BOM : élève, 中文", "No byte order mark; the declaration says UTF-16LE")],
           "UTF-16LE", "utf-16-le")

simple_rss("utf16be-no-bom.xml",
           "UTF-16 big-endian without a BOM, declared as plain UTF-16: sniffed from 00 3C 00 3F",
           [("Ohne BOM: Straße, 한국어", "No byte order mark; big-endian is the default for UTF-16")],
           "UTF-16", "utf-16-be")

simple_rss("utf32le-bom.xml",
           "UTF-32 little-endian with a BOM (FF FE 00 00)",
           [("UTF-32LE: Ĉu vi parolas? 🎉", "Four bytes per character: ŝ, ĝ, 𝄞")],
           "UTF-32", "utf-32-le", prefix=b"\xff\xfe\x00\x00", small=True)

simple_atom("utf32be-bom.xml",
            "An Atom feed in UTF-32 big-endian with a BOM (00 00 FE FF)",
            [("UTF-32BE: Türkçe ğ ı ş", "Big-endian four-byte units: İstanbul")],
            "UTF-32", "utf-32-be", prefix=b"\x00\x00\xfe\xff", small=True)

simple_rss("no-declaration-utf8.xml",
           "No XML declaration, no BOM and no charset in the Content-Type: UTF-8 bytes are read as UTF-8",
           [("Ünïcödé without a declaration", "Defaults to UTF-8: 中文, ñ, €")], None, "utf-8")

simple_rss("bom-leading-whitespace.xml",
           "A plain (not gzipped) document: UTF-8 BOM, then blank lines and spaces, then the root element"
           " (no XML declaration)",
           [("Leading whitespace after the BOM – fine", "Crème fraîche")], None, "utf-8",
           prefix=BOM_UTF8 + b"\n\n   \n")

# --- Single-byte and legacy encodings declared in the XML declaration ---------------------------

simple_rss("iso-8859-1-declared.xml",
           "ISO-8859-1 declared in the XML declaration: bytes E9, FC, F1, A9, AB, BB are é ü ñ © « »",
           [("Crème brûlée à la française", "Ñandú, über, señor, © 2025, «guillemets»")],
           "ISO-8859-1", "iso-8859-1")

simple_rss("windows-1252-declared.xml",
           "windows-1252 declared: 0x80 is €, 0x93/0x94 are curly double quotes, 0x91/0x92 single, 0x97 an em dash",
           [("“Smart” quotes — and €5 café", "It’s 10 € … ‘single’ quotes – and “double” ones")],
           "windows-1252", "cp1252")

simple_rss("iso-8859-1-declared-c1-bytes.xml",
           "ISO-8859-1 declared but bytes 0x80–0x9F used as in windows-1252 (smart quotes 0x93/0x94, 0x92, 0x96):"
           " readers read the label iso-8859-1 as windows-1252",
           [("“Quoted” in a Latin-1 feed", "Don’t panic – it’s 5 € only")],
           "ISO-8859-1", "cp1252")

simple_rss("shift-jis-declared.xml",
           "Shift_JIS declared in the XML declaration",
           [("日本語のニュース", "東京で桜が咲きました。")], "Shift_JIS", "shift_jis")

simple_rss("euc-jp-declared.xml",
           "EUC-JP declared in the XML declaration",
           [("大阪の天気", "明日は晴れるでしょう。")], "EUC-JP", "euc_jp")

simple_rss("koi8-r-declared.xml",
           "KOI8-R declared in the XML declaration",
           [("Новости дня", "Сегодня в Москве солнечно.")], "KOI8-R", "koi8_r")

simple_rss("gb2312-declared.xml",
           "GB2312 declared in the XML declaration",
           [("中文新闻标题", "今天北京天气晴朗。")], "GB2312", "gb2312")

# Only character references: the bytes are ASCII, the text is not.
parts, wants = [], []
p, w = item(1, "Café €5 日本", "Café and 𝄞", (2025, 3, 1, 9, 30), "us-ascii-char-refs")
parts.append(("Caf&#233; &#8364;5 &#x65E5;&#x672C;",) + p[1:4] + ("Caf&#233; and &#x1D11E;",))
wants.append(w)
case("us-ascii-char-refs.xml",
     "US-ASCII declared, every non-ASCII character written as a decimal or hexadecimal character reference",
     rss(parts, encoding="US-ASCII", raw=True).encode("ascii"), wants, None, "ascii")

# --- The HTTP charset and the BOM against the XML declaration -----------------------------------

simple_rss("http-charset-overrides-declaration.xml",
           "The HTTP charset (windows-1251) wins over the XML declaration (ISO-8859-1): the text is Cyrillic",
           [("Привет, мир", "Кодировка взята из заголовка HTTP.")], "ISO-8859-1", "cp1251",
           content_type="application/rss+xml; charset=windows-1251")

simple_rss("http-charset-iso-8859-15.xml",
           "The HTTP charset ISO-8859-15 wins over a declared ISO-8859-1: byte A4 is € (not ¤), BC/BD are Œ/œ",
           [("Prix : 10 € seulement", "Bœuf bourguignon à 25 €, Œuvres complètes")],
           "ISO-8859-1", "iso8859_15", content_type="application/rss+xml; charset=iso-8859-15")

simple_rss("http-charset-quoted.xml",
           "No XML declaration; the HTTP charset is quoted and upper-case (charset=\"ISO-8859-1\")",
           [("Smørrebrød og æbleskiver", "Dansk mad på ½ pris")], None, "iso-8859-1",
           content_type='application/rss+xml; charset="ISO-8859-1"')

simple_rss("bom-overrides-http-charset.xml",
           "A UTF-8 BOM wins over the HTTP charset ISO-8859-1: the text is UTF-8, not mojibake",
           [("Zürich – Genève", "Grüße aus der Schweiz")], "UTF-8", "utf-8", prefix=BOM_UTF8,
           content_type="application/rss+xml; charset=iso-8859-1")

simple_rss("utf16-bom-overrides-http-utf8.xml",
           "A UTF-16LE BOM wins over the HTTP charset utf-8",
           [("Ελληνικά νέα", "Καλημέρα κόσμε")], "UTF-16", "utf-16-le", prefix=b"\xff\xfe",
           content_type="application/rss+xml; charset=utf-8")

simple_rss("text-xml-no-charset-latin1.xml",
           "Served as text/xml without a charset; the XML declaration says ISO-8859-1 and is followed"
           " (RFC 7303, not the US-ASCII default of RFC 3023)",
           [("Año nuevo en España", "¡Feliz año, señoras y señores!")], "ISO-8859-1", "iso-8859-1",
           content_type="text/xml")

simple_rss("unknown-http-charset.xml",
           "An unknown charset name in the HTTP Content-Type is ignored: the XML declaration (ISO-8859-1) is used",
           [("Façade rénovée", "Grâce à l'été")], "ISO-8859-1", "iso-8859-1",
           content_type="application/rss+xml; charset=x-no-such-charset")

# --- Documents whose bytes and labels disagree --------------------------------------------------

simple_rss("declaration-lies-utf8.xml",
           "The XML declaration says ISO-8859-1 but the bytes are valid UTF-8 with multi-byte characters:"
           " readers show the UTF-8 text",
           [("Naïve café in Łódź", "Zażółć gęślą jaźń – 日本")], "ISO-8859-1", "utf-8")

# Double-encoded UTF-8: the UTF-8 bytes of "café" were read as Latin-1 and encoded as UTF-8 again.
meant_title, meant_body = "Café crème brûlée", "Le menu du café a changé cet été."
parts, wants = [], []
p, w = item(1, meant_title, meant_body, (2025, 3, 1, 9, 30), "double-encoded-utf8")
mangled = tuple(s.encode("utf-8").decode("latin-1") for s in (meant_title, meant_body))
assert mangled[0] == "CafÃ© crÃ¨me brÃ»lÃ©e", mangled
parts.append((mangled[0],) + p[1:4] + (mangled[1],))
wants.append(w)
case("double-encoded-utf8.xml",
     "Double-encoded UTF-8 (\"cafÃ©\" for \"café\": UTF-8 bytes read as Latin-1 and encoded again):"
     " readers repair it to the text that was meant",
     rss(parts, encoding="UTF-8").encode("utf-8"), wants, None, "utf-8")


def main():
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": [c for c, _ in CASES]}, f, ensure_ascii=False, indent=2)
        f.write("\n")
    # What the validator needs: the charset each document's bytes really are in.
    return {c["doc"]: enc for c, enc in CASES}


CHARSETS = main()

if __name__ == "__main__":
    for doc, enc in CHARSETS.items():
        print(f"{doc}: {enc}")
