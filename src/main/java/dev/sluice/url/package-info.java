/**
 * Links with the tracking left out. {@link dev.sluice.url.TrackingParameters} is the one list of
 * query parameters that only tell a site where a visitor came from (utm_*, fbclid, …), plus the
 * names a user adds; {@link dev.sluice.url.LinkCleaner} removes them from a link and from the
 * links of an HTML fragment, changing nothing else; {@link dev.sluice.url.LinkKey} reduces a
 * link to what identifies the page, so that the same story under two tracking links compares
 * equal. URLs are parsed by OkHttp's {@code HttpUrl}; what it cannot parse (other schemes,
 * malformed text) is left exactly as it was.
 */
package dev.sluice.url;
