package dev.sluice.web.account;

import dev.sluice.app.PipeImport;
import dev.sluice.model.User;
import dev.sluice.web.Caller;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /settings/import} (multipart, field {@code file}): imports a Pipes CE account export
 * or a Sluice export as the caller, through the validation and plan limits of every save
 * ({@link PipeImport}), and reports pipe by pipe what was imported and what was refused and why.
 */
public final class ImportUpload {
    /** Where uploads are posted: the one route with a larger body limit than {@code WebServer.MAX_BODY}. */
    public static final String PATH = "/settings/import";
    /** The largest file taken: an export of thousands of pipes fits; more is refused unread. */
    static final long MAX_FILE = 16L * 1024 * 1024;
    /** The file plus the multipart envelope around it. */
    public static final long MAX_REQUEST = MAX_FILE + 64 * 1024;
    private static final String TOO_LARGE = "This file is over the limit of " + MAX_FILE / (1024 * 1024) + " MiB. "
            + "Split the export into smaller files and import them one by one.";
    static final String FIELD = "file";
    /** Jetty reads a request's multipart limits from this attribute (set per request: only this route takes files). */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final int IN_MEMORY = 1024 * 1024;

    private final PipeImport importer;
    private final SettingsPage page;

    ImportUpload(PipeImport importer, SettingsPage page) {
        this.importer = importer;
        this.page = page;
    }

    public void upload(Context ctx) throws IOException {
        User user = Caller.required(ctx);
        if (!ctx.isMultipartFormData()) {
            page.refuse(ctx, user, HttpStatus.BAD_REQUEST, "Choose an export file to import.");
            return;
        }
        ctx.req().setAttribute(MULTIPART_CONFIG,
                new MultipartConfigElement(System.getProperty("java.io.tmpdir"), MAX_FILE, MAX_REQUEST, IN_MEMORY));
        UploadedFile file;
        try {
            file = ctx.uploadedFile(FIELD);
        } catch (IllegalStateException e) {
            // Jetty's answer to a file over MAX_FILE; a request over MAX_REQUEST never gets here
            // (web.BodyLimitFilter refuses it unread).
            page.refuse(ctx, user, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE);
            return;
        }
        if (file == null || file.size() == 0) {
            page.refuse(ctx, user, HttpStatus.BAD_REQUEST, "Choose an export file to import; the one sent was empty.");
            return;
        }
        String text;
        try (InputStream in = file.content()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PipeImport.Parsed parsed = PipeImport.read(text);
        if (parsed.entries().isEmpty()) {
            page.refuse(ctx, user, HttpStatus.BAD_REQUEST, "\"" + file.filename() + "\" holds no pipes: it is neither "
                    + "a Sluice export nor a Pipes CE export (one pipe JSON per line).");
            return;
        }
        List<PipeImport.Outcome> outcomes = importer.asOwner(user, parsed);
        page.redirect(ctx, user, new SettingsMessage.ImportReport(outcomes), SettingsPage.Section.TRANSFER);
    }

}
