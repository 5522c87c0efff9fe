package dev.sluice.model;

/**
 * An incident with what became of its mails, for the pipe page.
 *
 * @param openedMail  the state of its opening mail ({@link AlertNotice.State}), or null when none
 * @param clearedMail the state of its recovery mail, or null when none (not cleared, or nothing to recover from)
 */
public record IncidentLog(Incident incident, AlertNotice.State openedMail, AlertNotice.State clearedMail) {
}
