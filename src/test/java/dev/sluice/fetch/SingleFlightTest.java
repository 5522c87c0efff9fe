package dev.sluice.fetch;

import static dev.sluice.fetch.RedirectTest.failed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private MockWebServer upstream;
    private HttpDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        upstream = TestDownloaders.upstream("127.0.0.1");
        downloader = HttpDownloader.builder(TestDownloaders.config()).build();
    }

    @AfterEach
    void stop() throws IOException {
        downloader.close();
        upstream.shutdown();
    }

    @Test
    void concurrentFetchesOfOneUrlShareOneRequest() throws Exception {
        upstream.setDispatcher(new CountingDispatcher(500, request -> new MockResponse().setBody("shared")));
        String url = TestDownloaders.url(upstream, "/slow");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<FetchOutcome>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                results.add(threads.submit(() -> {
                    go.await();
                    return downloader.fetch(url, Duration.ofSeconds(10));
                }));
            }
            go.countDown();
            for (Future<FetchOutcome> result : results) {
                FetchOutcome outcome = result.get(15, TimeUnit.SECONDS);
                assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
                assertThat(new String(((FetchOutcome.Fetched) outcome).download().body())).isEqualTo("shared");
            }
        }
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWaiterGivesUpAtItsOwnBudgetWhileTheLeaderCarriesOn() throws Exception {
        upstream.enqueue(new MockResponse().setBody("late").setHeadersDelay(1500, TimeUnit.MILLISECONDS));
        String url = TestDownloaders.url(upstream, "/slow");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<FetchOutcome> leader = threads.submit(() -> downloader.fetch(url, Duration.ofSeconds(10)));
            assertThat(upstream.takeRequest(5, TimeUnit.SECONDS)).isNotNull(); // the leader's request is out

            long start = System.nanoTime();
            FetchFailure waiter = failed(downloader.fetch(url, Duration.ofMillis(200)));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));
            assertThat(waiter).isInstanceOf(FetchFailure.TimedOut.class);
            assertThat(waiter.message()).contains("/slow").contains("200 ms left in the run");
            assertThat(leader.get(10, TimeUnit.SECONDS)).isInstanceOf(FetchOutcome.Fetched.class);
        }
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWaiterWithMoreTimeTriesAgainWhenTheLeaderRanOutOfItsShorterBudget() throws Exception {
        upstream.enqueue(new MockResponse().setBody("late").setHeadersDelay(1, TimeUnit.SECONDS));
        upstream.enqueue(new MockResponse().setBody("second try"));
        String url = TestDownloaders.url(upstream, "/slow");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<FetchOutcome> hurried = threads.submit(() -> downloader.fetch(url, Duration.ofMillis(400)));
            assertThat(upstream.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

            FetchOutcome patient = downloader.fetch(url, Duration.ofSeconds(10));

            assertThat(failed(hurried.get(5, TimeUnit.SECONDS))).isInstanceOf(FetchFailure.TimedOut.class);
            assertThat(patient).isInstanceOf(FetchOutcome.Fetched.class);
            assertThat(new String(((FetchOutcome.Fetched) patient).download().body())).isEqualTo("second try");
        }
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }
}
