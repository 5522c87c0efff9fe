package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuidPolicyTest {

    private static final Instant DATE = Instant.parse("2024-06-30T12:00:00Z");

    @Test
    void prefersTheFeedsGuidThenTheLinkThenAHash() {
        assertThat(GuidPolicy.choose(" id-1 ", "https://x.example.org/1", "t", DATE, "c")).isEqualTo("id-1");
        assertThat(GuidPolicy.choose("", "https://x.example.org/1", "t", DATE, "c")).isEqualTo("https://x.example.org/1");
        assertThat(GuidPolicy.choose(null, " ", "t", DATE, "c")).isEqualTo(GuidPolicy.stable("t", DATE.toString(), "c"));
    }

    @Test
    void stableGuidsDependOnEveryPartAndOnlyOnThem() {
        String guid = GuidPolicy.stable("title", "2024-06-30T12:00:00Z", "content");

        assertThat(guid).matches("sluice:[0-9a-f]{32}");
        assertThat(GuidPolicy.stable("title", "2024-06-30T12:00:00Z", "content")).isEqualTo(guid);
        assertThat(GuidPolicy.stable("title", "2024-06-30T12:00:01Z", "content")).isNotEqualTo(guid);
        assertThat(GuidPolicy.stable("ab", "c")).isNotEqualTo(GuidPolicy.stable("a", "bc"));
        assertThat(GuidPolicy.stable("a", null)).isEqualTo(GuidPolicy.stable("a", ""));
    }

    @Test
    void applyFillsOnlyMissingGuids() {
        Item withGuid = Item.builder().guid("keep").title("t").build();
        Item withoutGuid = Item.builder().title("t").published(DATE).content("c").build();

        assertThat(GuidPolicy.apply(withGuid)).isSameAs(withGuid);
        assertThat(GuidPolicy.apply(withoutGuid).guid()).isEqualTo(GuidPolicy.stable("t", DATE.toString(), "c"));
        assertThat(GuidPolicy.apply(withoutGuid.toBuilder().link("https://x.example.org/").build()).guid())
                .isEqualTo("https://x.example.org/");
    }
}
