package dev.sluice.health;

/**
 * How eager alerts are (settings {@code SLUICE_ALERT_FAILURES}, {@code SLUICE_ALERT_MAILS_PER_HOUR}).
 *
 * @param failuresToAlert failed runs in a row that make a pipe "failing": one failed poll is
 *                        often an upstream's hiccup, two in a row rarely are
 * @param mailsPerHour    alert mails one owner gets at most per hour; more changes than that are
 *                        gathered into the last mail the hour allows, or wait for the next hour
 */
public record AlertLimits(int failuresToAlert, int mailsPerHour) {
    public static final AlertLimits DEFAULTS = new AlertLimits(2, 5);

    public AlertLimits {
        if (failuresToAlert < 1 || mailsPerHour < 1) {
            throw new IllegalArgumentException("failuresToAlert and mailsPerHour must be at least 1");
        }
    }
}
