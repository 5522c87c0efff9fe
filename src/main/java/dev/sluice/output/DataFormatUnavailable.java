package dev.sluice.output;

/**
 * A data pipe's output was asked for in a feed format that cannot hold data (Atom, text). The
 * message says which formats to use; the web layer answers 406.
 */
public final class DataFormatUnavailable extends RuntimeException {
    public DataFormatUnavailable(String message) {
        super(message, null, false, false);
    }
}
