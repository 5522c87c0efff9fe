package dev.sluice.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YouTubeFeedsTest {

    private static final String FEEDS = "https://www.youtube.com/feeds/videos.xml?";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://www.youtube.com/channel/UCBR8-60-B28hp2BmDPdntcQ          | channel_id=UCBR8-60-B28hp2BmDPdntcQ",
            "https://youtube.com/channel/UCBR8-60-B28hp2BmDPdntcQ/videos       | channel_id=UCBR8-60-B28hp2BmDPdntcQ",
            "http://m.youtube.com/channel/UCBR8-60-B28hp2BmDPdntcQ?view=0      | channel_id=UCBR8-60-B28hp2BmDPdntcQ",
            "https://www.youtube.com/user/GoogleDevelopers                     | user=GoogleDevelopers",
            "https://www.youtube.com/playlist?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs | playlist_id=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLabc_123        | playlist_id=PLabc_123",
            "https://youtu.be/dQw4w9WgXcQ?list=PLabc_123                       | playlist_id=PLabc_123",
    })
    void mapsChannelUserAndPlaylistPages(String page, String query) {
        assertThat(YouTubeFeeds.feedUrlFor(page)).contains(FEEDS + query);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "https://www.youtube.com/@GoogleDevelopers",
            "https://www.youtube.com/c/GoogleDevelopers",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/feeds/videos.xml?channel_id=UCBR8-60-B28hp2BmDPdntcQ",
            "https://www.youtube.com/channel/not-a-channel-id",
            "https://www.youtube.com/user/bad%20name%3Cscript%3E",
            "https://example.org/channel/UCBR8-60-B28hp2BmDPdntcQ",
            "https://notyoutube.com/user/someone",
            "not a url",
            "''",
    })
    void leavesEverythingElseToTheFetch(String url) {
        assertThat(YouTubeFeeds.feedUrlFor(url)).isEmpty();
    }
}
