package dev.sluice.hook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both signature forms, and every way a signature can be wrong. */
class SignatureCheckTest {
    static final String SECRET = "It's a Secret to Everybody";
    static final String BODY = "{\"zen\":\"Keep it logically awesome.\"}";
    static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");
    static final long T = NOW.getEpochSecond();

    static Stream<Arguments> cases() {
        String good = Signatures.sluice(SECRET, T, BODY);
        return Stream.of(
                Arguments.of("GitHub style", Signatures.github(SECRET, BODY), null, true, ""),
                Arguments.of("GitHub style, upper-case hex", Signatures.github(SECRET, BODY).toUpperCase().replace("SHA256=", "sha256="),
                        null, true, ""),
                Arguments.of("no signature at all", null, null, false, "sign requests with"),
                Arguments.of("Sluice style", null, good, true, ""),
                Arguments.of("Sluice style, 299 s old", null, Signatures.sluice(SECRET, T - 299, BODY), true, ""),
                Arguments.of("Sluice style, 299 s ahead", null, Signatures.sluice(SECRET, T + 299, BODY), true, ""),
                Arguments.of("Sluice style, rotating: second v1 matches", null,
                        good.replace("v1=", "v1=" + "00".repeat(32) + ",v1="), true, ""),
                Arguments.of("replay 301 s later", null, Signatures.sluice(SECRET, T - 301, BODY), false, "301 s from the server's time"),
                Arguments.of("timestamp far in the future", null, Signatures.sluice(SECRET, T + 3600, BODY), false, "3600 s"),
                Arguments.of("timestamp changed after signing", null, good.replace("t=" + T, "t=" + (T - 1)), false, "does not match"),
                Arguments.of("wrong secret, GitHub style", Signatures.github("guess", BODY), null, false, "does not match"),
                Arguments.of("wrong secret, Sluice style", null, Signatures.sluice("guess", T, BODY), false, "does not match"),
                Arguments.of("signature of another body", Signatures.github(SECRET, BODY + " "), null, false, "does not match"),
                Arguments.of("SHA-1 form", "sha1=" + Signatures.hmacHex(SECRET, BODY), null, false, "must be \"sha256=\""),
                Arguments.of("not hex", "sha256=zz" + Signatures.hmacHex(SECRET, BODY).substring(2), null, false, "does not match"),
                Arguments.of("truncated", Signatures.github(SECRET, BODY).substring(0, 20), null, false, "does not match"),
                Arguments.of("empty", "", null, false, "must be \"sha256=\""),
                Arguments.of("no timestamp", null, "v1=" + Signatures.hmacHex(SECRET, T + "." + BODY), false, "t=<unix seconds>"),
                Arguments.of("timestamp not a number", null, "t=noon,v1=00", false, "t=<unix seconds>"),
                Arguments.of("no v1", null, "t=" + T, false, "does not match"),
                Arguments.of("bad GitHub header but good Sluice header", Signatures.github("guess", BODY), good, true, ""),
                Arguments.of("good GitHub header but replayed Sluice header", Signatures.github(SECRET, BODY),
                        Signatures.sluice(SECRET, T - 1000, BODY), true, ""));
    }

    /** The example in GitHub's "Validating webhook deliveries" documentation. */
    @Test
    void acceptsGitHubsDocumentedExample() {
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        String header = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertThat(SignatureCheck.verify(SECRET, body, header, null, NOW).valid()).isTrue();
        assertThat(SignatureCheck.verify(SECRET + "!", body, header, null, NOW).valid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksTheSignature(String name, String github, String sluice, boolean valid, String problem) {
        SignatureCheck.Verdict verdict = SignatureCheck.verify(SECRET, BODY.getBytes(StandardCharsets.UTF_8), github, sluice, NOW);
        assertThat(verdict.valid()).isEqualTo(valid);
        assertThat(verdict.problem()).contains(problem);
        assertThat(verdict.problem()).doesNotContain(SECRET);
    }
}
