package dev.sluice.store;

import java.time.Instant;
import java.util.List;

/**
 * The public gallery: public pipes found by a search over title, description and
 * tags, narrowed to a tag, in one of three orders, one page at a time — paged in SQL, so a
 * page costs the same however many pipes are shared.
 */
public interface PipeGallery {
    int PAGE_SIZE = 12;

    /** The gallery's orders; ties are broken by share date, then id, so pages never overlap. */
    enum Order { LIKES, NEWEST, MOST_USED }

    /**
     * What to show.
     *
     * @param search words that must each occur in the title, description or a tag ("" for all)
     * @param tag    a tag the pipes must carry, normalised ("" for any)
     * @param page   1-based
     */
    record Query(String search, String tag, Order order, int page) {
        public Query {
            search = search == null ? "" : search.strip();
            tag = tag == null ? "" : tag.strip();
            order = order == null ? Order.LIKES : order;
            page = Math.max(1, page);
        }
    }

    /** A pipe as the gallery lists it (no pipe JSON: the thumbnail is fetched on its own). */
    record Entry(String id, int version, String title, String description, List<String> tags, int likes, long uses,
                 Instant sharedAt) {
        public Entry {
            tags = List.copyOf(tags);
        }
    }

    /** One page of results and how many there are in all. */
    record Page(List<Entry> entries, int total, int page) {
        public int pages() {
            return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }
    }

    Page find(Query q);
}
