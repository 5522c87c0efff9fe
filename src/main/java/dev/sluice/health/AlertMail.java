package dev.sluice.health;

import dev.sluice.model.AlertNotice;
import dev.sluice.model.Incident;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The words of alert mails: which pipe, what happened and since when, the last error, a link to
 * the pipe's page and how to turn the alerts off. One message is the notices of one incident.
 */
final class AlertMail {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int SUBJECT_TITLE = 80;

    record Mail(String subject, String text) {
    }

    private final String baseUrl;
    private final int mailsPerHour;

    AlertMail(String baseUrl, int mailsPerHour) {
        this.baseUrl = baseUrl;
        this.mailsPerHour = mailsPerHour;
    }

    Mail single(List<AlertNotice> message) {
        return new Mail(subject(message), "Hello,\n\n" + paragraph(message) + "\n" + footer(List.of(message)));
    }

    /** Several messages in one mail: the hour's mail limit is reached with this one. */
    Mail digest(List<List<AlertNotice>> messages) {
        StringBuilder text = new StringBuilder("Hello,\n\n").append(messages.size())
                .append(" changes to your pipes. You get at most ").append(mailsPerHour)
                .append(mailsPerHour == 1 ? " alert mail" : " alert mails")
                .append(" an hour, so these are gathered in one.\n\n");
        for (List<AlertNotice> message : messages) {
            text.append("* ").append(paragraph(message)).append('\n');
        }
        return new Mail("Sluice alerts: " + messages.size() + " changes to your pipes", text + footer(messages));
    }

    private static String subject(List<AlertNotice> message) {
        AlertNotice n = message.get(0);
        String title = "“" + shortTitle(n) + "”";
        boolean failing = n.incident().kind() == Incident.Kind.FAILING;
        if (cleared(message)) {
            return "Sluice: " + title + (failing ? " works again" : " has new items again");
        }
        return "Sluice alert: " + title + (failing ? " is failing" : " has no new items");
    }

    private String paragraph(List<AlertNotice> message) {
        AlertNotice n = message.get(0);
        Incident i = n.incident();
        boolean opened = message.stream().anyMatch(m -> m.kind() == AlertNotice.Kind.OPENED);
        boolean cleared = cleared(message);
        String pipe = "Your pipe “" + title(n) + "” (" + pageUrl(i.pipeId()) + ")";
        StringBuilder s = new StringBuilder();
        if (i.kind() == Incident.Kind.FAILING) {
            if (opened && cleared) {
                s.append(pipe).append(" was failing from ").append(at(i.since())).append(" to ").append(at(i.clearedAt()))
                        .append(" and works again.\n");
            } else if (cleared) {
                s.append(pipe).append(" works again: a run succeeded at ").append(at(i.clearedAt()))
                        .append(" after failing since ").append(at(i.since())).append(".\n");
            } else {
                s.append(pipe).append(" is failing: ").append(n.failures() > 1 ? n.failures() + " runs in a row failed"
                        : "its runs keep failing").append(", the first at ").append(at(i.since())).append(".\n");
            }
            if (!i.lastError().isBlank()) {
                s.append("Last error: ").append(i.lastError()).append('\n');
            }
        } else {
            int hours = n.settings().staleAfterHours();
            if (opened && cleared) {
                s.append(pipe).append(" had no new item from ").append(at(i.since())).append(" to ").append(at(i.clearedAt()))
                        .append("; it has new items again.\n");
            } else if (cleared) {
                s.append(pipe).append(" has new items again (at ").append(at(i.clearedAt())).append(").\n");
            } else {
                s.append(pipe).append(" has had no new item since ").append(at(i.since())).append(": more than ")
                        .append(hours).append(hours == 1 ? " hour" : " hours").append(", the time you set.\n");
                if (n.lastRunAt() != null) {
                    s.append("Its last run was at ").append(at(n.lastRunAt()))
                            .append(" (a pipe runs when its feed is requested).\n");
                }
            }
        }
        return s.toString();
    }

    private String footer(List<List<AlertNotice>> messages) {
        StringBuilder s = new StringBuilder("\nEach pipe's page shows its last runs and their errors.\n"
                + "To stop these mails, turn the alerts off on the pipe's page, under \"Health and alerts\":\n");
        for (List<AlertNotice> message : messages) {
            s.append(pageUrl(message.get(0).incident().pipeId())).append("#alerts\n");
        }
        return s.toString();
    }

    private static boolean cleared(List<AlertNotice> message) {
        return message.stream().anyMatch(m -> m.kind() == AlertNotice.Kind.CLEARED);
    }

    private String pageUrl(String pipeId) {
        return baseUrl + "/pipe/" + pipeId;
    }

    /** The title as typed, minus control characters (a mail header must stay one line). */
    private static String title(AlertNotice n) {
        String t = n.pipeTitle().replaceAll("\\p{Cntrl}", " ").strip();
        return t.isEmpty() ? "Untitled pipe " + n.incident().pipeId() : t;
    }

    private static String shortTitle(AlertNotice n) {
        String t = title(n);
        return t.length() > SUBJECT_TITLE ? t.substring(0, SUBJECT_TITLE - 1) + "…" : t;
    }

    private static String at(Instant instant) {
        return instant == null ? "an unknown time" : TIME.format(instant);
    }
}
