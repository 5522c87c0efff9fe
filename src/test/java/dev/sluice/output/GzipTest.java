package dev.sluice.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the size, and however the body is cut into slices, a gzip reader gets the body back. */
class GzipTest {

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    /** Feed-like text: repetitive markup with varying words, so matches reach across slice cuts. */
    private static byte[] feedLike(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(size + 200);
        while (out.length() < size) {
            out.append("<item><title>Post ").append(random.nextInt(100_000)).append("</title><description>&lt;p&gt;")
                    .append(Long.toString(random.nextLong(), 36)).append(" and more words&lt;/p&gt;</description></item>\n");
        }
        return out.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, Gzip.FAST_ABOVE, Gzip.FAST_ABOVE + 1, 2 * Gzip.FAST_ABOVE, 2 * Gzip.FAST_ABOVE + 7,
        2_500_000, 5 * 1024 * 1024 + 3})
    void bodyComesBackWhole(int size) throws IOException {
        byte[] body = feedLike(size, size);
        byte[] gz = Gzip.compress(body);
        assertThat(gunzip(gz)).isEqualTo(body);
        if (size > 10_000) {
            assertThat(gz.length).isLessThan(body.length / 2);
        }
    }

    @Test
    void incompressibleBytesComeBackWhole() throws IOException {
        byte[] body = new byte[3 * 1024 * 1024 + 11];
        new Random(7).nextBytes(body); // deflate's stored blocks, larger than the input
        assertThat(gunzip(Gzip.compress(body))).isEqualTo(body);
    }

    @Test
    void slicesCompressAboutAsWellAsOneStream() throws IOException {
        byte[] body = feedLike(2_500_000, 3);
        byte[] sliced = Gzip.compress(body);
        java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(one) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            gz.write(body);
        }
        // primed with the window before each cut, the slices lose almost nothing
        assertThat((double) sliced.length).isLessThan(one.size() * 1.01);
    }
}
