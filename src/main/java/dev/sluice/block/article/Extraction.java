package dev.sluice.block.article;

/** What became of one article: its main content as sanitised HTML, or why there is none. */
sealed interface Extraction {

    /**
     * The article's main content.
     *
     * @param html absolute URLs, sanitised by the feed HTML policy
     * @param note something the user should know although it worked (a site rule that matched
     *             nothing, so Readability was used), or "" when there is nothing to say
     */
    record Found(String html, String note) implements Extraction {
    }

    /** No article: the message names the URL and says what was wrong. */
    record Missing(String message) implements Extraction {
    }
}
