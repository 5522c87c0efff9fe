package dev.sluice.redis;

import dev.sluice.fetch.Download;
import dev.sluice.fetch.FetchFailure;
import dev.sluice.fetch.SharedDownloads;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Shared downloads and failures as bytes in Redis. The first byte is the format's version: a
 * value another Sluice version wrote in a format this one does not know reads as absent (the
 * URL is fetched again), never as garbage.
 */
final class DownloadCodec {
    private static final byte ENTRY_FORMAT = 1;
    private static final byte FAILURE_FORMAT = 1;
    /** Longest text field read back; longer means a value that is not ours. */
    private static final int MAX_TEXT = 1 << 20;

    private DownloadCodec() {
    }

    static byte[] entry(SharedDownloads.Entry entry) {
        Download d = entry.download();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(d.body().length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(ENTRY_FORMAT);
            text(out, d.requestedUrl());
            text(out, d.finalUrl());
            out.writeInt(d.status());
            text(out, d.contentType());
            instant(out, d.fetchedAt());
            text(out, d.etag());
            text(out, d.lastModified());
            instant(out, entry.freshUntil());
            instant(out, entry.keepUntil());
            out.writeInt(d.body().length);
            out.write(d.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return bytes.toByteArray();
    }

    /** The entry, or null when {@code value} is absent or not in a format this version reads. */
    static SharedDownloads.Entry entry(byte[] value) {
        if (value == null || value.length == 0 || value[0] != ENTRY_FORMAT) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value, 1, value.length - 1))) {
            String requestedUrl = text(in);
            String finalUrl = text(in);
            int status = in.readInt();
            String contentType = text(in);
            Instant fetchedAt = instant(in);
            String etag = text(in);
            String lastModified = text(in);
            Instant freshUntil = instant(in);
            Instant keepUntil = instant(in);
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                return null;
            }
            byte[] body = in.readNBytes(length);
            return new SharedDownloads.Entry(new Download(requestedUrl, finalUrl, status, contentType, body, fetchedAt,
                    etag, lastModified), freshUntil, keepUntil);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static byte[] failure(FetchFailure failure) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FAILURE_FORMAT);
            switch (failure) {
                case FetchFailure.Refused f -> out.writeByte('R');
                case FetchFailure.TimedOut f -> out.writeByte('T');
                case FetchFailure.TooLarge f -> out.writeByte('L');
                case FetchFailure.TooManyRequests f -> out.writeByte('M');
                case FetchFailure.HttpStatus f -> out.writeByte('H');
                case FetchFailure.Network f -> out.writeByte('N');
            }
            text(out, failure.message());
            out.writeLong(switch (failure) {
                case FetchFailure.TooManyRequests f -> f.retryAt().toEpochMilli();
                case FetchFailure.HttpStatus f -> f.status();
                default -> 0;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The failure, or null when {@code value} is absent or not in a format this version reads. */
    static FetchFailure failure(byte[] value) {
        if (value == null || value.length == 0 || value[0] != FAILURE_FORMAT) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value, 1, value.length - 1))) {
            byte kind = in.readByte();
            String message = text(in);
            long detail = in.readLong();
            if (message == null) {
                return null;
            }
            return switch (kind) {
                case 'R' -> new FetchFailure.Refused(message);
                case 'T' -> new FetchFailure.TimedOut(message);
                case 'L' -> new FetchFailure.TooLarge(message);
                case 'M' -> new FetchFailure.TooManyRequests(message, Instant.ofEpochMilli(detail));
                case 'H' -> new FetchFailure.HttpStatus(message, (int) detail);
                case 'N' -> new FetchFailure.Network(message);
                default -> null;
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Length-prefixed UTF-8, -1 for null. */
    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_TEXT || length > in.available()) {
            throw new IOException("not a text field");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
