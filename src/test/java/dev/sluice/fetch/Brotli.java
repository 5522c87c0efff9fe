package dev.sluice.fetch;

import java.io.ByteArrayOutputStream;

/**
 * Builds a valid brotli stream (RFC 7932) of one uncompressed meta-block, so tests can serve
 * {@code Content-Encoding: br} without a brotli encoder on the class path.
 */
final class Brotli {

    private Brotli() {
    }

    static byte[] stored(byte[] data) {
        if (data.length == 0 || data.length > 65536) {
            throw new IllegalArgumentException("1..65536 bytes");
        }
        // Bits, least significant first: WBITS=16 ("0"), ISLAST=0, MNIBBLES=4 ("00"),
        // MLEN-1 (16 bits), ISUNCOMPRESSED=1; then padding to the byte boundary.
        int header = ((data.length - 1) << 4) | (1 << 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header & 0xff);
        out.write((header >>> 8) & 0xff);
        out.write((header >>> 16) & 0xff);
        out.write(data, 0, data.length);
        out.write(0x03); // last meta-block: ISLAST=1, ISLASTEMPTY=1
        return out.toByteArray();
    }
}
