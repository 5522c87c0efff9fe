package dev.sluice.fetch;

import java.io.IOException;
import java.util.Locale;
import java.util.zip.Inflater;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.InflaterSource;
import okio.Okio;
import okio.Source;
import org.brotli.dec.BrotliInputStream;

/**
 * Reads a response body, undoing its Content-Encoding (br, gzip, deflate) and stopping as soon
 * as the decoded bytes pass the cap, so a small compressed bomb cannot fill the heap.
 *
 * <p>We decode ourselves rather than with OkHttp's transparent gzip or {@code BrotliInterceptor},
 * because those only engage when they set Accept-Encoding themselves, and neither accepts deflate.
 */
final class BodyReader {

    /** The Accept-Encoding we send: every coding {@link #decoded} understands. */
    static final String ACCEPT_ENCODING = "br, gzip, deflate";

    private static final long CHUNK = 8192;

    private BodyReader() {
    }

    /**
     * The decoded body, at most {@code cap} bytes.
     *
     * @throws BodyTooLargeException past the cap
     * @throws IOException           on network trouble or a corrupt or unknown encoding
     */
    static byte[] read(Response response, long cap) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return new byte[0];
        }
        String encoding = response.header("Content-Encoding");
        if (encoding == null && body.contentLength() > cap) {
            throw new BodyTooLargeException(cap); // refuse before reading a byte
        }
        try (Source source = decoded(body.source(), encoding)) {
            Buffer buffer = new Buffer();
            while (source.read(buffer, CHUNK) != -1) {
                if (buffer.size() > cap) {
                    throw new BodyTooLargeException(cap);
                }
            }
            return buffer.readByteArray();
        }
    }

    private static Source decoded(BufferedSource raw, String encoding) throws IOException {
        String coding = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> new GzipSource(raw);
            case "deflate" -> new InflaterSource(raw, new Inflater(!hasZlibHeader(raw)));
            case "br" -> Okio.source(new BrotliInputStream(raw.inputStream()));
            default -> throw new IOException("unsupported Content-Encoding \"" + encoding + "\"");
        };
    }

    /**
     * "deflate" should be zlib-wrapped (RFC 9110), but some servers send a raw deflate stream;
     * the two-byte zlib header (CM=8, header checksum divisible by 31) tells them apart.
     */
    private static boolean hasZlibHeader(BufferedSource raw) throws IOException {
        if (!raw.request(2)) {
            return true;
        }
        int cmf = raw.getBuffer().getByte(0) & 0xff;
        int flg = raw.getBuffer().getByte(1) & 0xff;
        return (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
    }
}
