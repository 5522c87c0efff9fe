package dev.sluice.ops;

import dev.sluice.inbox.InboxSettings;
import dev.sluice.store.InboxMailRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox retention job: deletes mails older than {@code SLUICE_INBOX_KEEP_DAYS}, and per inbox
 * those beyond the newest {@code SLUICE_INBOX_KEEP_MAILS} (storing a mail already trims its inbox;
 * this catches up after the cap was lowered). Batches of {@link #BATCH} mails with their
 * attachments, each its own short transaction with a pause between, so arriving mail is never
 * held up for long. Mail of deleted pipes needs no sweep: it goes with the pipe.
 */
public final class InboxRetention implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);
    /** Mails deleted per transaction: each may carry up to the mail size limit in bodies. */
    public static final int BATCH = 50;
    /** How often the job runs. */
    public static final Duration EVERY = Duration.ofMinutes(10);

    private final InboxMailRepository mails;
    private final InboxSettings settings;
    private final InstantSource clock;
    private final Duration pause;

    /** @param pause the rest between two batches, letting writers in */
    public InboxRetention(InboxMailRepository mails, InboxSettings settings, InstantSource clock, Duration pause) {
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
    }

    /** What one pass deleted. */
    public record Pass(int expired, int beyondNewest) {
        public int total() {
            return expired + beyondNewest;
        }
    }

    /** One pass over all stored mail. */
    public Pass runOnce() {
        Instant cutoff = clock.instant().minus(settings.keepFor());
        int expired = inBatches(() -> mails.deleteOlderThan(cutoff, BATCH));
        int beyond = 0;
        for (String address : mails.addressesWithMail()) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the next start's pass finishes the job
            }
            beyond += inBatches(() -> mails.deleteBeyondNewest(address, settings.keepMails(), BATCH));
        }
        return new Pass(expired, beyond);
    }

    /** Runs as a scheduled task: a failure is logged and the next run tries again. */
    @Override
    public void run() {
        try {
            Pass pass = runOnce();
            if (pass.total() > 0) {
                LOG.info("Inbox retention deleted {} mails ({} older than {} days, {} beyond the newest {})", pass.total(),
                        pass.expired(), settings.keepFor().toDays(), pass.beyondNewest(), settings.keepMails());
            }
        } catch (RuntimeException e) {
            LOG.warn("Inbox retention failed; it runs again in {} min", EVERY.toMinutes(), e);
        }
    }

    private int inBatches(java.util.function.IntSupplier batch) {
        return Batches.deleteAll(batch, BATCH, pause);
    }
}
