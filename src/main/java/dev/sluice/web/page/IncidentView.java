package dev.sluice.web.page;

import dev.sluice.model.AlertNotice;
import dev.sluice.model.Incident;
import dev.sluice.model.IncidentLog;

/** One incident on the pipe page: what, from when to when, and what became of its mails. */
public record IncidentView(String what, String from, String to, String mails) {

    static IncidentView of(IncidentLog log) {
        Incident i = log.incident();
        String what = i.kind() == Incident.Kind.FAILING ? "failing" : "no new items";
        String mails = mail("alert", log.openedMail()) + (log.clearedMail() == null ? "" : "; " + mail("recovery", log.clearedMail()));
        return new IncidentView(what, HealthView.TIME.format(i.since()),
                i.clearedAt() == null ? "ongoing" : HealthView.TIME.format(i.clearedAt()), mails);
    }

    private static String mail(String which, AlertNotice.State state) {
        if (state == null) {
            return which + " not mailed";
        }
        return which + " " + switch (state) {
            case PENDING -> "waiting to be mailed (the hourly mail limit, or the next check)";
            case SENDING, SENT -> "mailed";
            case SKIPPED -> "not mailed (alerts off)";
            case FAILED -> "could not be mailed (the mail server refused it)";
        };
    }
}
