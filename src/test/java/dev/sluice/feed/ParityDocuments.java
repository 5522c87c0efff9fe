package dev.sluice.feed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Feeds built by hand for {@link FeedParserParityTest}, each with what real feeds get wrong or
 * leave out and what each RSS and Atom version defines differently: missing and empty elements,
 * several links, authors and enclosures, RDF, RSS 0.91 to 0.94, Atom 0.3, atom:link in RSS,
 * dc:creator beside author, images, relative URLs under xml:base, roots that are no feed.
 */
final class ParityDocuments {

    private static final String RDF = "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"";
    private static final String NS = "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
            + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
            + "xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"";

    private ParityDocuments() {
    }

    static Map<String, String> all() {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("rss20 everything", rss("2.0", """
                <title>Main &amp; more</title><link>/home</link><description>All of it</description>
                <image><url>img/logo.png</url><title>logo</title><link>/</link></image>
                <itunes:image href="https://cdn.example/itunes.jpg"/>
                <item>
                  <title>&lt;b&gt;Bold&lt;/b&gt; AT&amp;amp;T</title><link>/a</link><link>/second</link>
                  <description><p>Hello <a href="/x">there</a><br/></p> tail</description>
                  <content:encoded><![CDATA[<p>Full <img src="i.png"></p>]]></content:encoded>
                  <guid>https://news.example/a</guid><author>bob@example.com (Bob)</author><dc:creator>Carol</dc:creator>
                  <category>news</category><category domain="d">news</category><category>news</category>
                  <category domain="d">news</category><category> </category><category>  spaced </category>
                  <dc:subject>news</dc:subject><dc:subject>extra</dc:subject><dc:subject>extra</dc:subject>
                  <enclosure url="a.mp3" length="123" type="audio/mpeg"/><enclosure url="b.mp3" length="0"/>
                  <enclosure url="c.mp3" length="x" type=" "/><enclosure length="5"/><enclosure url=" " />
                  <enclosure url="d.mp3" length=" 77 " type="audio/ogg"/>
                  <atom:link href="/ignored-since-link-exists"/>
                </item>
                <item><title>guid shapes</title><guid isPermaLink="false">https://x.example/1</guid></item>
                <item><title>post id</title><guid>post-12345</guid></item>
                <item><title>path guid</title><guid>/posts/7</guid></item>
                <item><title>uppercase</title><guid isPermaLink="TRUE">https://x.example/2</guid></item>
                <item><title>odd permalink</title><guid isPermaLink="yes">https://x.example/3</guid></item>
                <item><title>tag guid</title><guid>tag:x.example,2024:1</guid></item>
                <item><title>empty guid</title><guid/><link>https://x.example/4</link></item>
                <item><title>atom link</title><atom:link rel="alternate" type="text/html" href="/via-atom"/>
                  <guid isPermaLink="false">g5</guid></item>
                <item><title>atom link and permalink</title><atom:link href="/via-atom-2"/><guid>https://x.example/6</guid></item>
                <item><title>media</title><media:group><media:description>From media</media:description></media:group></item>
                <item><title>media direct</title><media:description>Direct</media:description><description> </description></item>
                <item><description>Only a description</description></item>
                <item><dc:creator></dc:creator><author>Dave</author><title>empty creator</title></item>
                <item><author>Eve</author><title>author only</title></item>
                <item><dc:creator>Frank</dc:creator><dc:creator>Grace</dc:creator><title>two creators</title></item>
                <item><title></title><link></link><description></description><guid></guid><author></author></item>
                <item/>
                """));
        docs.put("rss20 empty channel", rss("2.0", ""));
        docs.put("rss20 empty elements", rss("2.0", """
                <title/><link/><description/><image/><image><url/></image>
                <item><title/><link/><description/><content:encoded/><guid/><author/><category/><enclosure/></item>
                """));
        docs.put("rss20 image without url", rss("2.0", "<title>T</title><image><title>x</title></image><item><title>a</title></item>"));
        docs.put("rss no version", "<rss><channel><title>No version</title><item><title>a</title><guid>g</guid>"
                + "<category>c</category></item></channel></rss>");
        docs.put("rss version 2", "<rss version=\"2\"><channel><title>v2</title><item><guid>g</guid></item></channel></rss>");
        docs.put("rss version 2.01", "<rss version=\"2.01\"><channel><title>v</title><item><author>a</author></item></channel></rss>");
        docs.put("rss version 3.0", "<rss version=\"3.0\"><channel><title>v</title><item><author>a</author></item></channel></rss>");
        docs.put("rss20 namespaced", """
                <rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>NS</title><link>https://ns.example/</link>
                <item><title>a</title><link>/a</link><guid>https://ns.example/g</guid><author>x</author><category>c</category>
                <enclosure url="e.mp3" length="3"/><description>d <b>bold</b></description></item></channel></rss>
                """);
        for (String version : new String[] {"0.91", "0.92", "0.93", "0.94"}) {
            docs.put("rss" + version.replace(".", ""), rss(version, """
                    <title>Old</title><link>https://old.example/</link><description>desc</description>
                    <image><url>/logo.gif</url></image>
                    <item><title>One</title><link>/one</link><description>Text <b>bold</b> end</description>
                      <content:encoded>&lt;p&gt;content&lt;/p&gt;</content:encoded>
                      <guid>https://old.example/guid</guid><author>auth</author><dc:creator>creator</dc:creator>
                      <category domain="x">cat</category><category>cat</category><dc:subject>subj</dc:subject>
                      <enclosure url="/e.mp3" length="10" type="audio/mpeg"/><atom:link href="/atom-one"/></item>
                    <item><title>Two</title><guid>https://old.example/2</guid></item>
                    <item><title>Three</title><guid>post-3</guid></item>
                    """));
        }
        docs.put("rss xml:base", """
                <rss version="2.0" xml:base="https://base.example/root/"><channel xml:base="chan/">
                <title>Bases</title><link>home.html</link><image><url>logo.png</url></image>
                <item xml:base="/items/"><title>a</title><link>a.html</link><guid>g/1</guid>
                  <description xml:base="https://other.example/d/">&lt;a href="x.html"&gt;x&lt;/a&gt;</description>
                  <enclosure url="e.mp3"/></item>
                <item><title>b</title><link xml:base="https://third.example/">b.html</link></item>
                </channel></rss>
                """);
        docs.put("rdf 1.0", """
                <rdf:RDF %s xmlns="http://purl.org/rss/1.0/" %s xmlns:taxo="http://purl.org/rss/1.0/modules/taxonomy/">
                <channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link>
                  <description>An RDF feed</description><dc:creator>Chan</dc:creator></channel>
                <image rdf:about="https://rdf.example/logo.png"><url>/logo.png</url></image>
                <item rdf:about="https://rdf.example/1"><title>One</title><link>/1</link><description>d1</description>
                  <dc:creator>Ann</dc:creator><dc:subject>plain</dc:subject>
                  <dc:subject><rdf:Description><taxo:topic rdf:resource="https://tax.example/t"/>
                    <rdf:value>tv1</rdf:value><rdf:value>tv2</rdf:value></rdf:Description></dc:subject>
                  <content:encoded>&lt;p&gt;c&lt;/p&gt;</content:encoded></item>
                <item><title>No about</title><link>https://rdf.example/2</link></item>
                <item rdf:about="relative/3"><title>Relative about</title><atom:link href="/atom-3"/></item>
                <textinput><title>search</title></textinput>
                </rdf:RDF>
                """.formatted(RDF, NS));
        docs.put("rdf 0.90", """
                <rdf:RDF %s xmlns="http://my.netscape.com/rdf/simple/0.9/" %s>
                <channel><title>Ninety</title><link>https://ninety.example/</link><description>old</description></channel>
                <image><url>https://ninety.example/i.gif</url></image>
                <item><title>One</title><link>https://ninety.example/1</link><description>ignored</description>
                  <dc:creator>ignored</dc:creator><content:encoded>ignored</content:encoded></item>
                <item><title>Two</title></item>
                </rdf:RDF>
                """.formatted(RDF, NS));
        docs.put("rdf channel without namespace", "<rdf:RDF " + RDF + "><channel><title>x</title></channel><item><title>i</title></item></rdf:RDF>");
        docs.put("rdf 1.0 items in another namespace", "<rdf:RDF " + RDF + " xmlns:r=\"http://purl.org/rss/1.0/\">"
                + "<r:channel><r:title>x</r:title></r:channel><channel><title>second</title></channel>"
                + "<r:item><r:title>i</r:title><r:link>/i</r:link></r:item></rdf:RDF>");
        // the first channel is not RSS 1.0's, so the items the tree facts found are not the feed's
        docs.put("rdf channels in two namespaces", "<rdf:RDF " + RDF + " xmlns:r=\"http://purl.org/rss/1.0/\" " + NS + ">"
                + "<channel><title>plain</title></channel><r:channel><r:title>x</r:title></r:channel>"
                + "<r:item rdf:about=\"/a\"><r:title>i</r:title><r:link>/i</r:link><dc:date>2024-01-01</dc:date>"
                + "<media:description>m</media:description></r:item><r:item><r:title>j</r:title></r:item></rdf:RDF>");
        docs.put("rss itunes image only", rss("2.0", "<title>Pod</title><itunes:image href=\"https://cdn.example/i.jpg\"/>"
                + "<item><title>ep</title><enclosure url=\"ep.mp3\" length=\"1\" type=\"audio/mpeg\"/></item>"));
        docs.put("atom10 everything", """
                <feed xmlns="http://www.w3.org/2005/Atom" %s xml:base="https://atom.example/blog/">
                <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The <b>feed</b></div></title>
                <subtitle type="html">&lt;p&gt;About&lt;/p&gt;</subtitle>
                <link rel="self" href="https://atom.example/feed.atom"/><link href="/home"/><link rel="alternate" href="/other"/>
                <logo>logo.png</logo><icon>icon.ico</icon>
                <author><name>Feed Author</name><email>feed@example.com</email></author>
                <id>urn:feed</id>
                <entry><title type="html">&lt;em&gt;One&lt;/em&gt;</title><id>urn:1</id>
                  <link rel="alternate" type="application/pdf" href="one.pdf"/><link href="one.html"/>
                  <link rel="enclosure" href="one.mp3" length="99" type="audio/mpeg"/><link rel="enclosure" href="two.mp3"/>
                  <link rel="enclosure" href="three.mp3" length="many"/>
                  <summary>Plain &lt;summary&gt;</summary>
                  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a href="rel">x</a></p></div></content>
                  <category term="t1" scheme="https://s.example/" label="L"/><category term="t1"/><category scheme="s"/>
                  <category term=" "/><dc:subject>t1</dc:subject><dc:subject>t2</dc:subject></entry>
                <entry><title>No author, no id</title><link rel="related" href="rel.html"/><link rel="" href="blank.html"/></entry>
                <entry><title>Only email</title><author><email>e@example.com</email></author><author><name>Second</name></author></entry>
                <entry><title>Creator</title><dc:creator>DC person</dc:creator><content src="https://x.example/c"/></entry>
                <entry><title>Nameless then named</title><author><name> </name></author><author><name>Named</name></author></entry>
                <entry><media:group><media:description>media text</media:description></media:group></entry>
                <entry/>
                </feed>
                """.formatted(NS));
        docs.put("atom10 icon only, self link only", """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link rel="self" href="https://s.example/feed"/>
                <icon>https://s.example/icon.png</icon><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Feed DC</dc:creator>
                <entry><title>e</title></entry></feed>
                """);
        docs.put("atom10 links without href", """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link rel="alternate"/><link rel="" href="blank"/>
                <entry><title>e</title><link/><link href="second"/><id> </id></entry></feed>
                """);
        docs.put("atom10 blank rel first", """
                <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">  Spaced  </title><link rel=" " href="blank"/>
                <subtitle type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">x &amp; y</div></subtitle></feed>
                """);
        docs.put("atom10 prefixed", """
                <a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title><a:link a:href="https://p.example/"/>
                <a:entry><a:title>e</a:title><a:link a:rel="enclosure" a:href="e.mp3" a:length="4"/><a:id>urn:e</a:id>
                <a:category a:term="c"/></a:entry></a:feed>
                """);
        docs.put("atom03 everything", """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#" %s>
                <title mode="escaped">Escaped &amp;amp; title</title><tagline>A &amp; <b>tagline</b></tagline>
                <link rel="alternate" type="text/html" href="https://a03.example/"/><link href="https://a03.example/relless"/>
                <author><name>Owner</name></author><author><name>Second owner</name></author>
                <entry><title>One &amp; only</title><link rel="alternate" href="/one"/><id>tag:a03,1</id>
                  <link rel="enclosure" href="/one.mp3" type="audio/mpeg"/><author><email>one@example.com</email></author>
                  <summary type="text/html" mode="escaped">&lt;p&gt;summary&lt;/p&gt;</summary>
                  <content type="text/plain" mode="xml">x</content><content type="text/html" mode="escaped">&lt;p&gt;second&lt;/p&gt;</content>
                  <modified>2024-01-02T00:00:00Z</modified><issued>2024-01-01T00:00:00Z</issued></entry>
                <entry><title mode="base64">SGVsbG8gd29ybGQ=</title><link rel="alternate" href="/a"/><link rel="alternate" href="/b"/></entry>
                <entry><title>No link, no id</title><link href="/relless"/></entry>
                <entry><title>Creator</title><dc:creator>DC</dc:creator></entry>
                </feed>
                """.formatted(NS));
        docs.put("atom03 title in xml mode", """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>A &amp; B <b xmlns="http://www.w3.org/1999/xhtml">bold</b></title>
                <tagline mode="base64">VGFnbGluZQ==</tagline><link rel="alternate"/><link href="https://x.example/second"/></feed>
                """);
        docs.put("atom03 no links", "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title>"
                + "<entry><title>e</title></entry></feed>");
        docs.put("html root", "<html><head><title>x</title></head><body><p>no feed</p></body></html>");
        docs.put("opml root", "<opml version=\"2.0\"><head><title>o</title></head><body><outline text=\"a\"/></body></opml>");
        docs.put("prefixed unknown root", "<x:feed xmlns:x=\"urn:other\"><x:title>t</x:title></x:feed>");
        docs.put("rdf without rss", "<rdf:RDF " + RDF + "><rdf:Description/></rdf:RDF>");
        return docs;
    }

    /**
     * An Atom document whose root is an entry holding entries: each inner entry is read as every
     * Atom entry is ({@link AtomTexts}), where Rome's reading kept an xhtml construct's div.
     */
    static String entryRoot() {
        return """
                <entry xmlns="http://www.w3.org/2005/Atom" xml:base="https://root.example/"><title type="html">&lt;b&gt;Root&lt;/b&gt;</title>
                <link href="/r"/><entry><title type="text">Inner &amp; text</title><link href="inner"/><id>urn:inner</id>
                <summary>Summary &lt;b&gt;</summary><content type="html">&lt;p&gt;c&lt;/p&gt;</content><updated>2024-01-01T00:00:00Z</updated>
                </entry><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X</div></title>
                <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>s</p></div></summary></entry></entry>
                """;
    }

    /** Documents the two readings differ on on purpose: the reason, by name. */
    static Map<String, String> deliberate() {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("rss without channel", "<rss version=\"2.0\"><item><title>lost</title></item></rss>");
        docs.put("rss channel in another namespace", """
                <rss version="2.0" xmlns="http://backend.userland.com/rss"><channel><title>NS</title></channel></rss>
                """);
        docs.put("rss in atom namespace", "<rss version=\"0.91\" xmlns=\"http://www.w3.org/2005/Atom\"><channel/></rss>");
        docs.put("rdf 0.90 without channel", "<rdf:RDF " + RDF + " xmlns=\"http://my.netscape.com/rdf/simple/0.9/\">"
                + "<item><title>i</title></item></rdf:RDF>");
        docs.put("rss cloud port not a number", rss("2.0", "<title>c</title><cloud domain=\"x\" port=\"eighty\"/>"
                + "<item><title>kept</title></item>"));
        docs.put("rss skipHours not a number", rss("0.91", "<title>s</title><skipHours><hour>noon</hour></skipHours>"
                + "<item><title>kept</title></item>"));
        docs.put("rdf updateFrequency not a number", "<rdf:RDF " + RDF + " xmlns=\"http://purl.org/rss/1.0/\" "
                + "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel><title>t</title>"
                + "<sy:updateFrequency>daily</sy:updateFrequency></channel><item><title>kept</title></item></rdf:RDF>");
        docs.put("atom10 updatePeriod unknown", "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><title>t</title>"
                + "<sy:updatePeriod>Hourly</sy:updatePeriod><entry><title>kept</title></entry></feed>");
        docs.put("atom10 self link without href", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<link rel=\"self\"/><entry><title>kept</title></entry></feed>");
        docs.put("atom03 mode in capitals", "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title>"
                + "<entry><title mode=\"Escaped\">kept</title></entry></feed>");
        docs.put("atom03 base64 with line breaks", "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
                + "<title mode=\"base64\">\n  SGVsbG8g\n  d29ybGQ=\n</title><entry><title>kept</title></entry></feed>");
        return docs;
    }

    private static String rss(String version, String channel) {
        return "<rss version=\"" + version + "\" " + NS + "><channel>" + channel + "</channel></rss>";
    }
}
