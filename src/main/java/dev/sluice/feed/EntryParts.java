package dev.sluice.feed;

import java.util.List;

/**
 * What one RSS item or Atom entry says, read from the tree by {@link RssMapper} or
 * {@link AtomMapper}, before the rules every format shares ({@link EntryMapper}): the GUID
 * policy, permalinks, author fallbacks, categories and enclosures made Sluice's.
 *
 * @param title        the title as text ("" when absent)
 * @param link         the link, absolute ("" when absent)
 * @param description  HTML ("" when absent)
 * @param content      HTML ("" when absent)
 * @param id           the entry's own identifier (an Atom id, else its link), raw; null when none
 * @param rss          an RSS item (any version): then {@code guid} alone identifies it
 * @param guid         an RSS guid's raw text, null when the item has none
 * @param guidPermaLink what the guid's {@code isPermaLink} says (absent means true)
 * @param author       the first author as the format names it (dc:creator, RSS author, Atom name), raw; may be null
 * @param persons      Atom authors, for a name or an email when the first has no name
 * @param categories   categories as written, raw
 * @param subjects     Dublin Core subjects as written, raw
 * @param enclosures   enclosures as written, raw
 */
record EntryParts(String title, String link, String description, String content, String id, boolean rss,
        String guid, boolean guidPermaLink, String author, List<Person> persons, List<Term> categories,
        List<Term> subjects, List<Attachment> enclosures) {

    /** An Atom person's name and email, raw; either may be null. */
    record Person(String name, String email) {
    }

    /** A category or subject: its term and its domain (scheme, taxonomy), raw; either may be null. */
    record Term(String name, String domain) {
    }

    /** An enclosure: its URL (raw, may be null), length (0 when absent or unreadable) and type (may be null). */
    record Attachment(String url, long length, String type) {
    }
}
