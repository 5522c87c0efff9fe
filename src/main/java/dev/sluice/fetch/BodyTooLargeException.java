package dev.sluice.fetch;

import java.io.IOException;

/** The body grew past the cap while being read (after decompression). */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long cap) {
        super("the body is larger than " + Human.bytes(cap));
    }
}
