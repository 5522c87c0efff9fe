package dev.sluice.web;

import dev.sluice.inbox.StoredInboxMails;
import dev.sluice.store.InboxMailRepository;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /inbox/attachments/<id>}: an attachment of a mail an Inbox block received, for feed
 * readers following an enclosure. The id is random (about 190 bits) and appears only in the
 * feed of the pipe the mail belongs to, so it is the credential, as a feed key is: no session
 * needed. The file is sent as a download ({@code Content-Disposition: attachment}), with its
 * declared type, never sniffed ({@code nosniff}) and in a sandbox of its own, so an HTML or SVG
 * attachment cannot run as a page of this site.
 */
final class InboxRoutes {
    static final String PATH = StoredInboxMails.ATTACHMENT_PATH + "{id}";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{32}");
    /** Attachments never change: readers may keep them, but only for themselves (the URL is a credential). */
    static final String CACHE = "private, max-age=31536000, immutable";

    private final InboxMailRepository mails;

    InboxRoutes(InboxMailRepository mails) {
        this.mails = mails;
    }

    void download(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<InboxMailRepository.Download> found = ID.matcher(id).matches() ? mails.attachment(id) : Optional.empty();
        if (found.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("No such attachment\n");
            return;
        }
        InboxMailRepository.Download file = found.get();
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", disposition(file.fileName()));
        ctx.header("Cache-Control", CACHE);
        ctx.contentType(file.contentType());
        ctx.result(file.body());
    }

    /** {@code attachment} with the name in ASCII (for old clients) and in UTF-8 (RFC 6266). */
    static String disposition(String fileName) {
        String name = fileName.isBlank() ? "attachment" : fileName;
        String ascii = name.replaceAll("[^A-Za-z0-9._ ()+-]", "_");
        String utf8 = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }
}
