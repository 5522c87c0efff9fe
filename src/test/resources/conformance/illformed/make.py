"""Writes the documents of the `illformed` group and its cases.json (see ../README.md).

Run with /usr/bin/python3 from any directory; it rewrites every file it owns beside itself.
Every document here is deliberately NOT well-formed XML, the way real feeds break; the
expectations are what a lenient, careful reader recovers. Some documents hold bytes no text
editor keeps reliably (control characters, an invalid UTF-8 byte, a cut), hence this script.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
CASES = []


def rss_head(title="Ill-formed but readable"):
    return ('<rss version="2.0">\n  <channel>\n'
            f"    <title>{title}</title>\n    <link>http://example.org/</link>\n"
            "    <description>A feed that is not well-formed XML</description>\n")


RSS_TAIL = "  </channel>\n</rss>\n"


def item(title, link, guid, date, description):
    """An RSS item written exactly as given (nothing escaped: the breakage is the point)."""
    out = ["    <item>\n", f"      <title>{title}</title>\n", f"      <link>{link}</link>\n"]
    if guid is not None:
        out.append(f'      <guid isPermaLink="false">{guid}</guid>\n')
    out.append(f"      <pubDate>{date}</pubDate>\n")
    out.append(f"      <description>{description}</description>\n")
    out.append("    </item>\n")
    return "".join(out)


def want(title, link, ident, date, body, **more):
    w = {"title": title, "link": link, "id": ident, "date": date, "body": body}
    w.update(more)
    return w


def case(doc, behaviour, data, items, content_type=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < 2048, (doc, len(data))
    with open(os.path.join(HERE, doc), "wb") as f:
        f.write(data)
    c = {"doc": doc, "behaviour": behaviour}
    if content_type is not None:
        c["contentType"] = content_type
    c["items"] = items
    CASES.append(c)


L = "http://example.org/illformed/"

# --- Characters XML does not allow ---------------------------------------------------------------

case("bare-ampersand.xml",
     "A bare & (not &amp;) in an item's title and description is read as a literal ampersand",
     DECL + rss_head() + item("Fish & Chips", L + "bare-ampersand/1", "illformed-bare-ampersand-1",
                              "Mon, 03 Mar 2025 12:00:00 GMT", "Salt & vinegar from AT&T's canteen")
     + RSS_TAIL,
     [want("Fish & Chips", L + "bare-ampersand/1", "illformed-bare-ampersand-1", "2025-03-03T12:00:00Z",
           "Salt &amp; vinegar from AT&amp;T's canteen")])

case("bare-ampersand-in-link.xml",
     "Bare & between query parameters of an item's link (no guid: the link is the identity)",
     DECL + rss_head() + item("Search results, page 2", L + "search?q=feeds&page=2&sort=new", None,
                              "Mon, 03 Mar 2025 12:10:00 GMT", "The second page of results") + RSS_TAIL,
     [want("Search results, page 2", L + "search?q=feeds&page=2&sort=new", L + "search?q=feeds&page=2&sort=new",
           "2025-03-03T12:10:00Z", "The second page of results")])

case("undefined-html-entities.xml",
     "HTML entities XML does not define (&eacute; &egrave; &mdash; &nbsp; &ndash; &copy;), with no DTD"
     " declaring them, decoded as HTML does",
     DECL + rss_head() + item("Caf&eacute; cr&egrave;me &mdash; daily", L + "undefined-html-entities/1",
                              "illformed-undefined-html-entities-1", "Mon, 03 Mar 2025 12:20:00 GMT",
                              "Open&nbsp;daily &ndash; caf&eacute; &copy; 2025") + RSS_TAIL,
     [want("Café crème — daily", L + "undefined-html-entities/1", "illformed-undefined-html-entities-1",
           "2025-03-03T12:20:00Z", "Open\u00a0daily – café © 2025")])

case("unescaped-lt-in-title.xml",
     "An unescaped < followed by a space in a title is a literal less-than sign",
     DECL + rss_head() + item("Why 3 < 5 matters", L + "unescaped-lt-in-title/1",
                              "illformed-unescaped-lt-in-title-1", "Mon, 03 Mar 2025 12:30:00 GMT",
                              "A short lesson in comparison") + RSS_TAIL,
     [want("Why 3 < 5 matters", L + "unescaped-lt-in-title/1", "illformed-unescaped-lt-in-title-1",
           "2025-03-03T12:30:00Z", "A short lesson in comparison")])

case("control-characters.xml",
     "Control characters 0x01 and 0x0B (not allowed in XML 1.0) in a title and a description are dropped",
     DECL + rss_head() + item("Control \x01characters \x0bremoved", L + "control-characters/1",
                              "illformed-control-characters-1", "Mon, 03 Mar 2025 12:40:00 GMT",
                              "Line one \x0bline two \x01end") + RSS_TAIL,
     [want("Control characters removed", L + "control-characters/1", "illformed-control-characters-1",
           "2025-03-03T12:40:00Z", "Line one line two end")])

# The second item's description holds byte A3 (a Latin-1 pound sign pasted into a UTF-8 file). What
# replaces it is not checked; the item must survive and the first item's UTF-8 text stay intact
# (no falling back to windows-1252 for the whole document).
bad = (DECL + rss_head()
       + item("Crème brûlée", L + "invalid-utf8-byte/1", "illformed-invalid-utf8-byte-1",
              "Mon, 03 Mar 2025 12:50:00 GMT", "Déjà vu, naïve café")
       + item("Price list", L + "invalid-utf8-byte/2", "illformed-invalid-utf8-byte-2",
              "Mon, 03 Mar 2025 12:55:00 GMT", "Tea for @@BAD@@5 a cup")
       + RSS_TAIL).encode("utf-8").replace(b"@@BAD@@", b"\xa3")
case("invalid-utf8-byte.xml",
     "A byte that is not UTF-8 (A3) in a UTF-8 document: its item survives and the rest stays UTF-8",
     bad,
     [want("Crème brûlée", L + "invalid-utf8-byte/1", "illformed-invalid-utf8-byte-1", "2025-03-03T12:50:00Z",
           "Déjà vu, naïve café"),
      {"title": "Price list", "link": L + "invalid-utf8-byte/2", "id": "illformed-invalid-utf8-byte-2",
       "date": "2025-03-03T12:55:00Z"}])

# --- Markup XML does not allow -------------------------------------------------------------------

case("unescaped-html-in-description.xml",
     "Raw (unescaped) HTML with unclosed <p> and <br> inside a description is the item's HTML;"
     " the next item is read normally",
     DECL + rss_head()
     + item("Raw HTML", L + "unescaped-html-in-description/1", "illformed-unescaped-html-1",
            "Mon, 03 Mar 2025 13:00:00 GMT", "<p>First paragraph<br>second line<p>Second paragraph")
     + item("After the raw HTML", L + "unescaped-html-in-description/2", "illformed-unescaped-html-2",
            "Mon, 03 Mar 2025 13:05:00 GMT", "Plain text again")
     + RSS_TAIL,
     [want("Raw HTML", L + "unescaped-html-in-description/1", "illformed-unescaped-html-1", "2025-03-03T13:00:00Z",
           "<p>First paragraph<br>second line</p><p>Second paragraph</p>"),
      want("After the raw HTML", L + "unescaped-html-in-description/2", "illformed-unescaped-html-2",
           "2025-03-03T13:05:00Z", "Plain text again")])

case("mismatched-case-end-tags.xml",
     "End tags whose case differs from their start tags (</Title>, </LINK>, </Item>, </Channel>)",
     DECL + '<rss version="2.0">\n  <channel>\n    <title>Case-insensitive tags</Title>\n'
     "    <link>http://example.org/</link>\n    <description>End tags in other cases</description>\n"
     "    <item>\n"
     "      <title>Shouting end tags</TITLE>\n"
     f"      <link>{L}mismatched-case-end-tags/1</LINK>\n"
     '      <guid isPermaLink="false">illformed-mismatched-case-1</Guid>\n'
     "      <pubDate>Mon, 03 Mar 2025 13:10:00 GMT</PubDate>\n"
     "      <description>Read all the same</Description>\n"
     "    </Item>\n"
     "    <item>\n"
     "      <title>Second item</title>\n"
     f"      <link>{L}mismatched-case-end-tags/2</link>\n"
     '      <guid isPermaLink="false">illformed-mismatched-case-2</guid>\n'
     "      <pubDate>Mon, 03 Mar 2025 13:15:00 GMT</pubDate>\n"
     "      <description>Still a separate item</description>\n"
     "    </ITEM>\n"
     "  </Channel>\n</RSS>\n",
     [want("Shouting end tags", L + "mismatched-case-end-tags/1", "illformed-mismatched-case-1",
           "2025-03-03T13:10:00Z", "Read all the same"),
      want("Second item", L + "mismatched-case-end-tags/2", "illformed-mismatched-case-2",
           "2025-03-03T13:15:00Z", "Still a separate item")])

case("unquoted-attributes.xml",
     "Atom attributes without quotes (rel=alternate href=http://…, type=html): the link and the HTML content"
     " are read",
     DECL + '<feed xmlns="http://www.w3.org/2005/Atom">\n'
     "  <title>Unquoted attributes</title>\n  <id>http://example.org/illformed/unquoted</id>\n"
     "  <updated>2025-03-03T13:20:00Z</updated>\n"
     "  <entry>\n"
     "    <title>No quotes</title>\n"
     f"    <link rel=alternate type=text/html href={L}unquoted-attributes/1 />\n"
     "    <id>tag:example.org,2025:illformed/unquoted-attributes/1</id>\n"
     "    <updated>2025-03-03T13:20:00Z</updated>\n"
     "    <content type=html>&lt;p&gt;Attributes &lt;em&gt;without&lt;/em&gt; quotes&lt;/p&gt;</content>\n"
     "  </entry>\n</feed>\n",
     [want("No quotes", L + "unquoted-attributes/1", "tag:example.org,2025:illformed/unquoted-attributes/1",
           "2025-03-03T13:20:00Z", "<p>Attributes <em>without</em> quotes</p>")])

case("duplicate-attributes.xml",
     "An Atom link with its href given twice: the first value is kept, as HTML parsers do",
     DECL + '<feed xmlns="http://www.w3.org/2005/Atom">\n'
     "  <title>Duplicate attributes</title>\n  <id>http://example.org/illformed/duplicate</id>\n"
     "  <updated>2025-03-03T13:30:00Z</updated>\n"
     "  <entry>\n"
     "    <title>Twice the href</title>\n"
     f'    <link rel="alternate" href="{L}duplicate-attributes/first" href="{L}duplicate-attributes/second"/>\n'
     "    <id>tag:example.org,2025:illformed/duplicate-attributes/1</id>\n"
     "    <updated>2025-03-03T13:30:00Z</updated>\n"
     '    <summary type="text" type="text">One link, two hrefs</summary>\n'
     "  </entry>\n</feed>\n",
     [want("Twice the href", L + "duplicate-attributes/first", "tag:example.org,2025:illformed/duplicate-attributes/1",
           "2025-03-03T13:30:00Z", "One link, two hrefs")])

case("undeclared-namespace-prefix.xml",
     "content:encoded and dc:creator used without declaring their namespace prefixes: read by their"
     " conventional prefixes",
     DECL + rss_head()
     + "    <item>\n"
     "      <title>Undeclared prefixes</title>\n"
     f"      <link>{L}undeclared-namespace-prefix/1</link>\n"
     '      <guid isPermaLink="false">illformed-undeclared-prefix-1</guid>\n'
     "      <pubDate>Mon, 03 Mar 2025 13:40:00 GMT</pubDate>\n"
     "      <dc:creator>Jo Writer</dc:creator>\n"
     "      <description>The short version</description>\n"
     "      <content:encoded><![CDATA[<p>The <strong>full</strong> version</p>]]></content:encoded>\n"
     "    </item>\n" + RSS_TAIL,
     [want("Undeclared prefixes", L + "undeclared-namespace-prefix/1", "illformed-undeclared-prefix-1",
           "2025-03-03T13:40:00Z", "<p>The <strong>full</strong> version</p>", summary="The short version")])

# --- Broken document structure -------------------------------------------------------------------

case("whitespace-before-declaration.xml",
     "Blank lines, spaces and a tab before the XML declaration (a PHP file with an empty line first)",
     "\n\n  \t\n" + DECL + rss_head()
     + item("Whitespace first", L + "whitespace-before-declaration/1", "illformed-whitespace-first-1",
            "Mon, 03 Mar 2025 14:00:00 GMT", "The declaration is not at the start")
     + RSS_TAIL,
     [want("Whitespace first", L + "whitespace-before-declaration/1", "illformed-whitespace-first-1",
           "2025-03-03T14:00:00Z", "The declaration is not at the start")])

case("junk-before-declaration.xml",
     "An HTML-formatted server warning printed before the XML declaration is skipped",
     "<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent in"
     " <b>/var/www/feed.php</b> on line <b>3</b><br />\n" + DECL + rss_head()
     + item("After the warning", L + "junk-before-declaration/1", "illformed-junk-first-1",
            "Mon, 03 Mar 2025 14:10:00 GMT", "The feed itself is fine")
     + RSS_TAIL,
     [want("After the warning", L + "junk-before-declaration/1", "illformed-junk-first-1",
           "2025-03-03T14:10:00Z", "The feed itself is fine")])

case("missing-rss-end.xml",
     "The document ends after </channel>: the closing </rss> is missing",
     DECL + rss_head()
     + item("No closing rss", L + "missing-rss-end/1", "illformed-missing-rss-end-1",
            "Mon, 03 Mar 2025 14:20:00 GMT", "First item")
     + item("Last item", L + "missing-rss-end/2", "illformed-missing-rss-end-2",
            "Mon, 03 Mar 2025 14:25:00 GMT", "Second item")
     + "  </channel>\n",
     [want("No closing rss", L + "missing-rss-end/1", "illformed-missing-rss-end-1", "2025-03-03T14:20:00Z",
           "First item"),
      want("Last item", L + "missing-rss-end/2", "illformed-missing-rss-end-2", "2025-03-03T14:25:00Z",
           "Second item")])

case("missing-channel-and-rss-end.xml",
     "The document ends after the last </item>: both </channel> and </rss> are missing",
     DECL + rss_head()
     + item("No closing channel", L + "missing-channel-end/1", "illformed-missing-channel-end-1",
            "Mon, 03 Mar 2025 14:30:00 GMT", "First item")
     + item("Really the last item", L + "missing-channel-end/2", "illformed-missing-channel-end-2",
            "Mon, 03 Mar 2025 14:35:00 GMT", "Second item"),
     [want("No closing channel", L + "missing-channel-end/1", "illformed-missing-channel-end-1",
           "2025-03-03T14:30:00Z", "First item"),
      want("Really the last item", L + "missing-channel-end/2", "illformed-missing-channel-end-2",
           "2025-03-03T14:35:00Z", "Second item")])

# Cut in the middle of the third item's title, before its link and guid: the third item is
# incomplete and has no identity yet, so a careful reader keeps only the two complete items.
full = (DECL + rss_head()
        + item("First complete item", L + "truncated/1", "illformed-truncated-1",
               "Mon, 03 Mar 2025 14:40:00 GMT", "Arrived whole")
        + item("Second complete item", L + "truncated/2", "illformed-truncated-2",
               "Mon, 03 Mar 2025 14:45:00 GMT", "Arrived whole too")
        + item("Third item, which never arrives whole", L + "truncated/3", "illformed-truncated-3",
               "Mon, 03 Mar 2025 14:50:00 GMT", "Lost")
        + RSS_TAIL)
case("truncated-document.xml",
     "A document cut in the middle of the last item's title: the earlier complete items come out",
     full[:full.index("Third item, which") + len("Third item, wh")],
     [want("First complete item", L + "truncated/1", "illformed-truncated-1", "2025-03-03T14:40:00Z",
           "Arrived whole"),
      want("Second complete item", L + "truncated/2", "illformed-truncated-2", "2025-03-03T14:45:00Z",
           "Arrived whole too")])

case("two-root-elements.xml",
     "A second root element after </rss> (a host's injected HTML) is ignored",
     DECL + rss_head()
     + item("Before the injected HTML", L + "two-root-elements/1", "illformed-two-roots-1",
            "Mon, 03 Mar 2025 15:00:00 GMT", "The only item")
     + RSS_TAIL
     + '<div class="hosting-banner"><a href="http://example.org/hosting">Free hosting</a>'
       '<img src="http://example.org/pixel.gif" width="1" height="1"></div>\n',
     [want("Before the injected HTML", L + "two-root-elements/1", "illformed-two-roots-1",
           "2025-03-03T15:00:00Z", "The only item")])

case("unclosed-comment-at-end.xml",
     "An HTML comment opened after the last item and never closed (it swallows </channel></rss>)",
     DECL + rss_head()
     + item("Before the comment", L + "unclosed-comment-at-end/1", "illformed-unclosed-comment-1",
            "Mon, 03 Mar 2025 15:10:00 GMT", "First item")
     + item("Last item before the comment", L + "unclosed-comment-at-end/2", "illformed-unclosed-comment-2",
            "Mon, 03 Mar 2025 15:15:00 GMT", "Second item")
     + "    <!-- page cached by SuperCache at 2025-03-03 15:20\n" + RSS_TAIL,
     [want("Before the comment", L + "unclosed-comment-at-end/1", "illformed-unclosed-comment-1",
           "2025-03-03T15:10:00Z", "First item"),
      want("Last item before the comment", L + "unclosed-comment-at-end/2", "illformed-unclosed-comment-2",
           "2025-03-03T15:15:00Z", "Second item")])

with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
    json.dump({"cases": CASES}, f, ensure_ascii=False, indent=2)
    f.write("\n")

if __name__ == "__main__":
    for c in CASES:
        print(c["doc"])
