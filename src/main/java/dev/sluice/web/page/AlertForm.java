package dev.sluice.web.page;

import dev.sluice.health.PipeHealth;
import dev.sluice.model.AlertSettings;
import dev.sluice.model.StoredPipe;
import dev.sluice.web.Caller;
import dev.sluice.web.Notice;
import dev.sluice.web.PipeAccess;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code POST /pipe/<id>/alerts}: the pipe page's alert settings form — {@code failures=on} to be
 * mailed when runs keep failing, {@code staleHours} (blank or 0: off) to be mailed when no new
 * item came for that long. The owner's only; answered like the page's other forms.
 */
public final class AlertForm {
    private final PipeAccess access;
    private final PipeHealth health;

    public AlertForm(PipeAccess access, PipeHealth health) {
        this.access = access;
        this.health = health;
    }

    public void save(Context ctx) {
        if (Caller.user(ctx).isEmpty()) {
            String back = "/pipe/" + ctx.pathParam("id");
            ctx.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        StoredPipe pipe = access.owned(ctx, "Only the pipe's owner can change its alerts");
        String page = "/pipe/" + pipe.id();
        Optional<Integer> hours = hours(ctx.formParam("staleHours"));
        if (hours.isEmpty()) {
            Notice.ALERTS_REFUSED.redirect(ctx, page);
            return;
        }
        health.save(pipe.id(), new AlertSettings("on".equals(ctx.formParam("failures")), hours.get()));
        Notice.ALERTS_SAVED.redirect(ctx, page);
    }

    /** Blank is 0 (off); anything but a whole number in range is refused. */
    static Optional<Integer> hours(String typed) {
        String s = typed == null ? "" : typed.strip();
        if (s.isEmpty()) {
            return Optional.of(0);
        }
        if (s.length() > 4 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int n = Integer.parseInt(s);
        return n <= AlertSettings.MAX_HOURS ? Optional.of(n) : Optional.empty();
    }
}
