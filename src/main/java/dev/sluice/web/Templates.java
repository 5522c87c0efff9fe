package dev.sluice.web;

import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Pebble templates from {@code templates/} in the jar, autoescaping on (SPEC §15). */
final class Templates {
    private final PebbleEngine pebble;

    Templates() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.pebble = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
    }

    void render(Context ctx, String template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            pebble.getTemplate(template).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(out.toString());
    }
}
