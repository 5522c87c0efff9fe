package dev.sluice.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.model.StoredPipe;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * A user's pipes as one JSON document, which {@link PipeImport} reads back:
 * <pre>{"format": "sluice-export", "version": 1, "exportedAt": "…", "account": "…",
 *  "pipes": [{"title", "description", "tags", "public", "createdAt", "updatedAt", "pipe": {…}}]}</pre>
 * The pipe JSON is embedded as it is stored, Webhook secrets included: the export is the owner's
 * own data, and a re-import without them would break their senders.
 */
public final class PipeExport {
    public static final String FORMAT = "sluice-export";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipeExport() {
    }

    /** Writes the export of {@code pipes} of {@code account} to {@code out} (left open). */
    public static void write(String account, List<StoredPipe> pipes, Instant now, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("exportedAt", now.toString());
            g.writeStringField("account", account);
            g.writeArrayFieldStart("pipes");
            for (StoredPipe p : pipes) {
                g.writeStartObject();
                g.writeStringField("title", p.title());
                g.writeStringField("description", p.description());
                g.writeArrayFieldStart("tags");
                for (String tag : p.tags()) {
                    g.writeString(tag);
                }
                g.writeEndArray();
                g.writeBooleanField("public", p.isPublic());
                g.writeStringField("createdAt", p.createdAt().toString());
                g.writeStringField("updatedAt", p.updatedAt().toString());
                g.writeFieldName("pipe");
                g.writeTree(JSON.readTree(p.json()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
