package dev.sluice.block.input;

import dev.sluice.block.InboxMail;
import dev.sluice.feed.Enclosure;
import dev.sluice.feed.FeedHtml;
import dev.sluice.feed.GuidPolicy;
import dev.sluice.feed.Item;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * How a stored mail reads as an item: the subject as title, the sender as author, the Date
 * header (else the arrival) as date, the HTML body through the feeds' one sanitising policy
 * ({@link FeedHtml}) — or the plain text escaped, in paragraphs, its web addresses as links — and
 * kept attachments as enclosures. Inline images ({@code cid:} links to an attached image) point
 * at that image's download URL instead. The GUID comes from the Message-ID, so it is stable.
 */
final class InboxMailItem {
    static final String NO_SUBJECT = "(no subject)";
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\r?\\n[ \\t]*(\\r?\\n)+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?)\\]]+$");

    private InboxMailItem() {
    }

    static Item of(InboxMail mail) {
        Set<String> shownInline = new HashSet<>();
        String body = mail.html().isBlank() ? paragraphs(mail.text()) : html(mail, shownInline);
        StringBuilder content = new StringBuilder();
        if (!mail.problem().isEmpty()) {
            content.append("<p><em>").append(Entities.escape("Not all of this mail could be read: " + mail.problem()))
                    .append("</em></p>");
        }
        content.append(body);
        List<Enclosure> enclosures = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        for (InboxMail.Attachment a : mail.attachments()) {
            if (!a.kept()) {
                notKept.add(a.fileName() + " (" + a.contentType() + ", " + a.size() / 1024 + " KiB)");
            } else if (!shownInline.contains(a.url())) {
                enclosures.add(new Enclosure(a.url(), a.size(), a.contentType()));
            }
        }
        if (!notKept.isEmpty()) {
            content.append("<p><em>").append(Entities.escape("Attachments too large to keep: " + String.join(", ", notKept)))
                    .append("</em></p>");
        }
        return Item.builder()
                .guid(GuidPolicy.stable("inbox", mail.address(), mail.messageKey()))
                .guidIsPermaLink(false)
                .title(mail.subject().isBlank() ? NO_SUBJECT : mail.subject())
                .author(mail.author())
                .published(mail.sentAt() != null ? mail.sentAt() : mail.receivedAt())
                .content(FeedHtml.clean(content.toString()))
                .enclosures(enclosures)
                .build();
    }

    /**
     * The body of the mail's HTML document (its head — styles, title — is no content) with
     * {@code cid:} images pointing at their attachments; the URLs used go into {@code shownInline}.
     */
    private static String html(InboxMail mail, Set<String> shownInline) {
        Element body = Jsoup.parse(mail.html()).body();
        for (Element img : body.select("img[src]")) {
            String src = img.attr("src").strip();
            if (!src.regionMatches(true, 0, "cid:", 0, 4)) {
                continue;
            }
            String contentId = URLDecoder.decode(src.substring(4), StandardCharsets.UTF_8);
            for (InboxMail.Attachment a : mail.attachments()) {
                if (a.kept() && a.contentId().equalsIgnoreCase(contentId)) {
                    img.attr("src", a.url());
                    shownInline.add(a.url());
                }
            }
        }
        return body.html();
    }

    /** Plain text as HTML: escaped, blank lines as paragraphs, line breaks kept, web addresses as links. */
    static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : PARAGRAPH_BREAK.split(text.strip())) {
            if (paragraph.isBlank()) {
                continue;
            }
            String escaped = linked(Entities.escape(paragraph.strip()));
            out.append("<p>").append(LINE_BREAK.matcher(escaped).replaceAll("<br>")).append("</p>");
        }
        return out.toString();
    }

    /** Escaped text with its http(s) addresses as links; a sentence's closing punctuation stays outside. */
    private static String linked(String escaped) {
        Matcher m = WEB_ADDRESS.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            Matcher tail = TRAILING_PUNCTUATION.matcher(url);
            String after = tail.find() ? tail.group() : "";
            url = url.substring(0, url.length() - after.length());
            m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>" + after));
        }
        m.appendTail(out);
        return out.toString();
    }
}
