package dev.sluice.web;

import dev.sluice.model.User;
import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Pebble templates from {@code templates/} in the jar, autoescaping on. */
public final class Templates {
    private final PebbleEngine pebble;

    public Templates() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.pebble = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
    }

    /**
     * Renders {@code template} as the answer. Every page also gets {@code viewer}: the logged-in
     * user's e-mail address, or null — the layout's navigation depends on it.
     */
    public void render(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("viewer", Caller.user(ctx).map(User::email).orElse(null));
        // settings and account: a fixed notice named by ?notice= (the layout shows it)
        Notice.of(ctx).ifPresent(n -> all.putIfAbsent("notice", n.text()));
        StringWriter out = new StringWriter();
        try {
            pebble.getTemplate(template).evaluate(out, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(out.toString());
    }
}
