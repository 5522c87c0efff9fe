package dev.sluice.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SSRF corpus ({@code security/ssrf-corpus.txt}) against the production policy: each form
 * must come back {@link FetchFailure.Refused} while the tripwire socket factory sees no
 * connection attempt at all outside loopback — the refusals happen at the guard, and no test
 * traffic leaves 127.0.0.0/8. Redirect forms get one allowed first hop on 127.0.0.2.
 */
@Tag("security")
class SsrfCorpusTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);

    /** The test's DNS: public-looking names with private answers. Anything else: NXDOMAIN. */
    static final Map<String, String[]> NAMES = Map.of(
            "metadata.google.internal", new String[] {"169.254.169.254"},
            "intranet.example", new String[] {"10.1.2.3"},
            "v6-private.example", new String[] {"fd00::1"},
            "mapped.example", new String[] {"::ffff:192.168.0.1"},
            // One public and one private answer: the whole name is refused, never half-used.
            "mixed.example", new String[] {"8.8.8.8", "10.0.0.1"});

    private final LoopbackOnlySocketFactory sockets = new LoopbackOnlySocketFactory();

    @AfterEach
    void noTrafficLeftLoopback() {
        assertThat(sockets.violations).as("connection attempts outside loopback").isEmpty();
    }

    static List<String> corpus() {
        try (InputStream in = SsrfCorpusTest.class.getResourceAsStream("/security/ssrf-corpus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> direct() {
        return corpus().stream().filter(l -> !l.startsWith("redirect:"));
    }

    static Stream<String> redirects() {
        return corpus().stream().filter(l -> l.startsWith("redirect:")).map(l -> l.substring("redirect:".length()));
    }

    private HttpDownloader guarded(AddressPolicy policy) {
        Resolver resolver = host -> {
            String[] answers = NAMES.get(host);
            if (answers == null) {
                if (host.equals("127.0.0.2")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host + ": not in the test resolver");
            }
            InetAddress[] addresses = new InetAddress[answers.length];
            for (int i = 0; i < answers.length; i++) {
                addresses[i] = InetAddress.getByName(answers[i]); // literals: no lookup
            }
            return addresses;
        };
        return HttpDownloader.builder(TestDownloaders.config().withAllowPrivateNetworks(false))
                .resolver(resolver).socketFactory(sockets).addressPolicy(policy).build();
    }

    @Test
    void theCorpusHasAtLeastFortyForms() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("direct")
    void isRefusedAtTheGuard(String url) {
        FetchOutcome outcome = guarded(AddressPolicy.publicOnly()).fetch(url, BUDGET);

        assertThat(outcome).as(url).isInstanceOf(FetchOutcome.Failed.class);
        assertThat(((FetchOutcome.Failed) outcome).failure()).as(url).isInstanceOf(FetchFailure.Refused.class);
        assertThat(sockets.connections).as("no connection at all").isEmpty();
    }

    @ParameterizedTest(name = "redirect to {0}")
    @MethodSource("redirects")
    void aRedirectIntoItIsRefusedAtThatHop(String location) throws IOException {
        MockWebServer first = new MockWebServer();
        first.start(InetAddress.getByName("127.0.0.2"), 0);
        try {
            first.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", location));
            HttpDownloader downloader = guarded(AddressPolicy.publicOnly().alsoAllowing(InetAddress.getByName("127.0.0.2")));

            FetchOutcome outcome = downloader.fetch("http://127.0.0.2:" + first.getPort() + "/start", BUDGET);

            assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
            assertThat(((FetchOutcome.Failed) outcome).failure()).isInstanceOf(FetchFailure.Refused.class);
            assertThat(first.getRequestCount()).as("the first hop was really fetched").isEqualTo(1);
        } finally {
            first.shutdown();
        }
    }
}
