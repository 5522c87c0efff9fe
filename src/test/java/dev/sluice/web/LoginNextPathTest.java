package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a login may send the browser: paths on this site only. */
class LoginNextPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/mypipes", "/pipe/abc?x=1&y=%2F%2Fz", "/editor#block-3", "/a//b", "/a/\\b"})
    void aSameSitePathIsKept(String path) {
        assertThat(NextPath.of(path)).hasValue(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
            "https://evil.example", "http:/evil.example", "javascript:alert(1)", "evil.example/x", "mypipes",
            "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", " /mypipes", "/my pipes", "/\u007f"})
    void anythingElseIsRefused(String path) {
        assertThat(NextPath.of(path)).isEmpty();
        assertThat(NextPath.orDefault(path)).isEqualTo("/mypipes");
    }

    @org.junit.jupiter.api.Test
    void anOverlongPathIsRefused() {
        assertThat(NextPath.of("/" + "a".repeat(2000))).isEmpty();
    }
}
