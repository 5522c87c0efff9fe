package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The downloader with private networks refused, against a real upstream on 127.0.0.1 that must
 * never be reached. A tripwire socket factory fails the test on any non-loopback connection.
 */
class SsrfTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);

    private final LoopbackOnlySocketFactory sockets = new LoopbackOnlySocketFactory();
    private MockWebServer upstream;

    @BeforeEach
    void start() throws IOException {
        upstream = TestDownloaders.upstream("127.0.0.1");
    }

    @AfterEach
    void stop() throws IOException {
        upstream.shutdown();
        assertThat(sockets.violations).as("connections outside loopback").isEmpty();
    }

    /** evil.test is a public-looking name whose DNS answer is 127.0.0.1; other names use the system resolver. */
    private HttpDownloader guarded(AddressPolicy policy) {
        Resolver resolver = host -> host.equals("evil.test")
                ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                : Resolver.SYSTEM.resolve(host);
        return HttpDownloader.builder(TestDownloaders.config().withAllowPrivateNetworks(false))
                .resolver(resolver).socketFactory(sockets).addressPolicy(policy).build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:%d/feed | 127.0.0.1 is a loopback address, refused",
            "http://localhost:%d/feed | localhost resolves to a loopback address",
            "http://2130706433:%d/feed | unusual way of writing 127.0.0.1, a loopback address, refused",
            "http://0x7f000001:%d/feed | unusual way of writing 127.0.0.1, a loopback address, refused",
            "http://127.1:%d/feed | unusual way of writing 127.0.0.1, a loopback address, refused",
            "http://0.0.0.0:%d/feed | 0.0.0.0 is an unspecified",
            "http://evil.test:%d/feed | evil.test resolves to a loopback address 127.0.0.1, refused",
            "http://[::ffff:127.0.0.1]:%d/feed | 127.0.0.1 is a loopback address, refused",
            "http://127.0.0.1.:%d/feed | unusual way of writing 127.0.0.1",
            "http://0177.0.0.1:%d/feed | unusual way of writing 127.0.0.1",
    })
    void refusesLoopbackInEverySpellingWithoutReachingIt(String template, String reason) {
        String url = template.formatted(upstream.getPort());
        FetchOutcome outcome = guarded(AddressPolicy.publicOnly()).fetch(url, BUDGET);

        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        FetchFailure failure = ((FetchOutcome.Failed) outcome).failure();
        assertThat(failure).isInstanceOf(FetchFailure.Refused.class);
        assertThat(failure.message()).contains(reason).contains(":" + upstream.getPort() + "/feed");
        assertThat(upstream.getRequestCount()).isZero();
        assertThat(sockets.connections).isEmpty();
    }

    @Test
    void refusesIpv6Loopback() throws IOException {
        MockWebServer v6;
        try {
            v6 = TestDownloaders.upstream("::1");
        } catch (IOException e) {
            assumeTrue(false, "::1 is not available here");
            return;
        }
        try {
            FetchOutcome outcome = guarded(AddressPolicy.publicOnly()).fetch("http://[::1]:" + v6.getPort() + "/", BUDGET);
            assertThat(refusal(outcome)).contains("::1 is a loopback address, refused");
            assertThat(v6.getRequestCount()).isZero();
        } finally {
            v6.shutdown();
        }
    }

    /**
     * The redirect re-check needs a first hop that is allowed while everything stays on loopback:
     * the first upstream listens on 127.0.0.2, which the policy allows as an explicit exception
     * (the same feature an intranet install would use for one trusted server); its redirect to
     * 127.0.0.1, or to a name resolving there, must then be refused at that hop.
     */
    @ParameterizedTest(name = "redirect to {0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:%d/secret | 127.0.0.1 is a loopback address, refused",
            "http://evil.test:%d/secret | evil.test resolves to a loopback address 127.0.0.1, refused",
            "http://localhost:%d/secret | localhost resolves to a loopback address",
            "http://2130706433:%d/secret | unusual way of writing 127.0.0.1",
    })
    void refusesARedirectIntoLoopback(String target, String reason) throws IOException {
        MockWebServer first = allowedFirstHop();
        try {
            first.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", target.formatted(upstream.getPort())));
            HttpDownloader downloader = guarded(AddressPolicy.publicOnly().alsoAllowing(InetAddress.getByName("127.0.0.2")));

            FetchOutcome outcome = downloader.fetch("http://127.0.0.2:" + first.getPort() + "/start", BUDGET);

            assertThat(refusal(outcome)).contains("redirect").contains(reason);
            assertThat(first.getRequestCount()).isEqualTo(1);
            assertThat(upstream.getRequestCount()).isZero();
        } finally {
            first.shutdown();
        }
    }

    @Test
    void theAllowedFirstHopReallyIsFetched() throws IOException {
        MockWebServer first = allowedFirstHop();
        try {
            first.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/moved"));
            first.enqueue(new MockResponse().setBody("allowed"));
            HttpDownloader downloader = guarded(AddressPolicy.publicOnly().alsoAllowing(InetAddress.getByName("127.0.0.2")));

            FetchOutcome outcome = downloader.fetch("http://127.0.0.2:" + first.getPort() + "/start", BUDGET);

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
            assertThat(new String(((FetchOutcome.Fetched) outcome).download().body())).isEqualTo("allowed");
            assertThat(first.getRequestCount()).isEqualTo(2);
        } finally {
            first.shutdown();
        }
    }

    @Test
    void aRefusedNameStaysRefused() {
        HttpDownloader downloader = guarded(AddressPolicy.publicOnly());
        String url = "http://evil.test:" + upstream.getPort() + "/";
        assertThat(refusal(downloader.fetch(url, BUDGET))).contains("refused");
        assertThat(refusal(downloader.fetch(url, BUDGET))).contains("refused");
        assertThat(upstream.getRequestCount()).isZero();
    }

    private MockWebServer allowedFirstHop() throws IOException {
        try {
            return TestDownloaders.upstream("127.0.0.2");
        } catch (UnknownHostException | java.net.BindException e) {
            assumeTrue(false, "127.0.0.2 is not available here");
            throw e;
        }
    }

    private static String refusal(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        FetchFailure failure = ((FetchOutcome.Failed) outcome).failure();
        assertThat(failure).isInstanceOf(FetchFailure.Refused.class);
        return failure.message();
    }
}
