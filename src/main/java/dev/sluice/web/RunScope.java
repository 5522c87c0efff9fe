package dev.sluice.web;

import dev.sluice.pipe.PipeReferences;
import java.time.Duration;

/**
 * What bounds one run of {@code POST /api/run}, decided by who asks: a logged-in user's plan and
 * pipes, or the anonymous plan and public pipes for a visitor with no account.
 *
 * @param admissionKey whose share of the concurrent runs the run takes
 * @param readable     the stored pipes its Pipe blocks may use
 * @param anonymous    true for a visitor with no account (then Webhook blocks are refused)
 */
record RunScope(String admissionKey, PipeReferences readable, Duration runLimit, boolean jsRendering, boolean anonymous) {
}
