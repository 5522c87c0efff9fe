package dev.sluice.feed;

/**
 * What a written feed says about itself.
 *
 * @param selfUrl   the full request URL of this output (RSS atom:link self, Atom id and self link,
 *                  JSON Feed feed_url)
 * @param siteUrl   the pipe's page: the channel link when the feed has none
 * @param generator the generator name, e.g. "Sluice 0.1"; "" for none
 * @param hubUrl    the WebSub hub that pushes this feed's changes (RSS and Atom
 *                  {@code atom:link rel="hub"}, JSON Feed {@code hubs}); "" for none
 */
public record WriteOptions(String selfUrl, String siteUrl, String generator, String hubUrl) {
    public WriteOptions {
        selfUrl = selfUrl == null ? "" : selfUrl.strip();
        siteUrl = siteUrl == null ? "" : siteUrl.strip();
        generator = generator == null ? "" : generator.strip();
        hubUrl = hubUrl == null ? "" : hubUrl.strip();
    }

    /** Options naming no hub. */
    public WriteOptions(String selfUrl, String siteUrl, String generator) {
        this(selfUrl, siteUrl, generator, "");
    }
}
