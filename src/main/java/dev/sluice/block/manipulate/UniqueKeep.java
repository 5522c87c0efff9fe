package dev.sluice.block.manipulate;

import dev.sluice.feed.Item;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.Jsoup;

/** Which of a set of duplicates the Unique block keeps. Ties always go to the earlier item. */
enum UniqueKeep {
    /** The first in the feed (Pipes CE's only behaviour). */
    FIRST,
    /** The one with the latest date (published, else updated); undated items lose to dated ones. */
    NEWEST,
    /** The one with the most text in its content or description, markup not counted. */
    LONGEST;

    static final Choice<UniqueKeep> CHOICE = Choice.<UniqueKeep>of("item to keep", "first")
            .add("first", FIRST).add("newest", NEWEST).add("longest", LONGEST).build();

    /** Whether {@code later} should replace {@code earlier}, its duplicate kept so far. */
    boolean beats(Item later, Item earlier, Lengths lengths) {
        return compare(later, earlier, lengths) > 0;
    }

    /** Why {@code kept} was kept rather than {@code dropped}, for the trace ("is newer"). */
    String why(Item kept, Item dropped, Lengths lengths) {
        return switch (this) {
            case FIRST -> "came first";
            case NEWEST -> compare(kept, dropped, lengths) > 0 ? "is newer" : "is as new and came first";
            case LONGEST -> compare(kept, dropped, lengths) > 0 ? "is longer" : "is as long and came first";
        };
    }

    private int compare(Item a, Item b, Lengths lengths) {
        return switch (this) {
            case FIRST -> 0;
            case NEWEST -> compareDates(a.date(), b.date());
            case LONGEST -> Integer.compare(lengths.of(a), lengths.of(b));
        };
    }

    private static int compareDates(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /**
     * The visible text length of items, measured once each: only duplicates are measured, and
     * HTML is parsed only when it holds markup or entities.
     */
    static final class Lengths {
        private final Map<Item, Integer> known = new IdentityHashMap<>();

        int of(Item item) {
            return known.computeIfAbsent(item, i -> Math.max(visible(i.content()), visible(i.description())));
        }

        private static int visible(String html) {
            String text = html.indexOf('<') < 0 && html.indexOf('&') < 0 ? html : Jsoup.parseBodyFragment(html).text();
            String s = text.strip();
            return s.codePointCount(0, s.length());
        }
    }
}
