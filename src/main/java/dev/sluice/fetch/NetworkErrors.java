package dev.sluice.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import okhttp3.internal.http2.StreamResetException;

/** Turns OkHttp's I/O exceptions into words for users, and tells which are worth one retry. */
final class NetworkErrors {

    private NetworkErrors() {
    }

    /**
     * A connection that broke mid-exchange (reset, closed before the answer or in the middle of its
     * body): commonly a restarting or overloaded server, so one retry is worth it. A refused connection
     * or an unknown host is not: asking again right away gets the same answer.
     */
    static boolean isReset(IOException e) {
        if (e instanceof ConnectException) {
            return false;
        }
        if (e instanceof ProtocolException) { // OkHttp's word for a body cut short of its Content-Length
            return "unexpected end of stream".equals(e.getMessage());
        }
        return e instanceof SocketException || e instanceof StreamResetException || e instanceof EOFException
                || e.getCause() instanceof EOFException;
    }

    static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host (" + e.getMessage() + ")";
        }
        if (e instanceof ConnectException) {
            return "could not connect (" + e.getMessage() + ")";
        }
        if (e instanceof SSLException) {
            return "TLS error (" + e.getMessage() + ")";
        }
        if (isReset(e)) {
            return "the connection broke before the answer was complete (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
