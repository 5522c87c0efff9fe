package dev.sluice.hook;

import java.time.Duration;

/**
 * The webhook settings.
 *
 * @param ratePerMinute requests one hook accepts per minute, sustained ({@code SLUICE_HOOK_RATE_PER_MIN})
 * @param burst         requests one hook accepts at once before the rate applies ({@code SLUICE_HOOK_BURST})
 * @param keepEvents    newest events kept per hook ({@code SLUICE_HOOK_KEEP_EVENTS})
 * @param keepFor       oldest event kept ({@code SLUICE_HOOK_KEEP_DAYS})
 */
public record HookLimits(int ratePerMinute, int burst, int keepEvents, Duration keepFor) {
    public static final HookLimits DEFAULTS = new HookLimits(60, 20, 500, Duration.ofDays(7));

    public HookLimits {
        if (ratePerMinute < 1 || burst < 1 || keepEvents < 1 || keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("webhook limits must be positive: " + ratePerMinute + "/min, burst "
                    + burst + ", keep " + keepEvents + " events for " + keepFor);
        }
    }
}
