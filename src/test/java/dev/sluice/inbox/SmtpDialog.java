package dev.sluice.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP conversation typed by hand over a socket on loopback: for what a mail library hides —
 * the exact reply codes, a sender that declares no SIZE, a stream of commands on one connection.
 */
final class SmtpDialog implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    final String greeting;

    SmtpDialog(int port) {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(20_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
            greeting = reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command line and answers the whole reply (all lines of a multi-line one). */
    String command(String line) {
        write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return reply();
    }

    /** EHLO, MAIL FROM, RCPT TO; answers the RCPT reply (the dialog stops there unless it is a 250). */
    String envelope(String from, String to) {
        command("EHLO client.test");
        String mail = command("MAIL FROM:<" + from + ">");
        if (!mail.startsWith("250")) {
            return mail;
        }
        return command("RCPT TO:<" + to + ">");
    }

    /** DATA, the message dot-stuffed, the final dot: answers the reply to the message. */
    String data(byte[] message) {
        String go = command("DATA");
        if (!go.startsWith("354")) {
            return go;
        }
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        StringBuilder stuffed = new StringBuilder();
        for (String line : text.split("\r\n", -1)) {
            stuffed.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        write(stuffed.toString().getBytes(StandardCharsets.ISO_8859_1));
        write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        return reply();
    }

    /** One whole mail on a fresh transaction: answers the last reply (RCPT's when refused, else the message's). */
    String send(String from, String to, byte[] message) {
        String rcpt = envelope(from, to);
        if (!rcpt.startsWith("250")) {
            command("RSET");
            return rcpt;
        }
        String reply = data(message);
        command("RSET");
        return reply;
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String reply() {
        try {
            StringBuilder all = new StringBuilder();
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    return all.isEmpty() ? "(connection closed)" : all.toString();
                }
                all.append(all.isEmpty() ? "" : "\n").append(line);
            } while (line.length() > 3 && line.charAt(3) == '-');
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
