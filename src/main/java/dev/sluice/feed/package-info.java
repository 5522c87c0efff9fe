/**
 * Feeds: the item model every feed-type block exchanges, parsing of RSS/Atom/JSON Feed into it,
 * the GUID policy, and writing RSS 2.0, Atom 1.0, JSON Feed 1.1 and plain text out of it; also
 * feed autodiscovery in HTML pages and YouTube page-to-feed URLs.
 */
package dev.sluice.feed;
