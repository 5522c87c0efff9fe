package dev.sluice.inbox;

import dev.sluice.auth.RateLimit;
import dev.sluice.store.InboxMailRepository;
import dev.sluice.store.InboxRepository;
import dev.sluice.store.StoreException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SMTP receiver accepts, independent of SMTP: a sender within its address's rate, a
 * recipient that is a saved pipe's inbox within that inbox's rate, a mail within the size limit —
 * which is then parsed and stored for its recipients before the sender hears "accepted". Every
 * refusal is an SMTP reply (code and text): 5xx when sending again cannot help (unknown
 * address, too large), 4xx when it can (rates, a busy database), so a well-behaved sender keeps
 * the mail and retries, and nothing that was accepted is ever dropped.
 */
public final class InboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(InboxDelivery.class);
    /** Pauses between attempts to store while the database is busy; one more attempt than pauses. */
    static final List<Duration> STORE_BACKOFF = List.of(Duration.ofMillis(50), Duration.ofMillis(200));

    private final InboxRepository inboxes;
    private final InboxMailRepository mails;
    private final InboxSettings settings;
    private final RateLimit perInbox;
    private final RateLimit perSender;
    private final InstantSource clock;
    private final Consumer<String> onStored;

    /**
     * @param perInbox  mails one inbox address accepts ({@link InboxSettings#mailsPerHour()})
     * @param perSender mails one sending IP may send ({@link InboxSettings#mailsPerIpPerHour()})
     * @param onStored  told the pipe id after a mail for one of its inboxes is stored (to drop the
     *                  pipe's cached output, so readers see the mail on their next poll)
     */
    public InboxDelivery(InboxRepository inboxes, InboxMailRepository mails, InboxSettings settings, RateLimit perInbox,
            RateLimit perSender, InstantSource clock, Consumer<String> onStored) {
        this.inboxes = inboxes;
        this.mails = mails;
        this.settings = settings;
        this.perInbox = perInbox;
        this.perSender = perSender;
        this.clock = clock;
        this.onStored = onStored;
    }

    /** An SMTP reply that refuses: the code and the text after it. */
    public record Refusal(int code, String text) {
    }

    /** A recipient accepted for delivery: its inbox address and the pipe it belongs to. */
    public record Recipient(String address, String pipeId) {
    }

    /** A recipient, or the refusal of it. */
    public record Addressed(Recipient recipient, Refusal refusal) {
    }

    public InboxSettings settings() {
        return settings;
    }

    /** Whether a mail from the client at {@code ip} may start (MAIL FROM); empty when it may. */
    public Optional<Refusal> sender(String ip) {
        RateLimit.Verdict verdict = perSender.take(ip);
        return verdict.allowed() ? Optional.empty() : Optional.of(new Refusal(451,
                "4.7.1 Too many messages from your address; try again in " + seconds(verdict.retryAfter()) + " s"));
    }

    /**
     * The inbox {@code rcpt} names (RCPT TO), or why not: an address of another domain or one no
     * saved pipe has is refused for good (550, nothing is stored); an inbox over its rate, for now.
     */
    public Addressed recipient(String rcpt) {
        String address = rcpt == null ? "" : rcpt.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        String local = at < 0 ? "" : address.substring(0, at);
        String domain = at < 0 ? "" : address.substring(at + 1);
        Optional<String> pipe;
        try {
            pipe = domain.equals(settings.domain()) && InboxAddresses.ID.matcher(local).matches()
                    ? inboxes.pipeOf(local) : Optional.empty();
        } catch (StoreException e) {
            return new Addressed(null, new Refusal(451, "4.3.0 The inbox could not be looked up; try again later"));
        }
        if (pipe.isEmpty()) {
            return new Addressed(null, new Refusal(550, "5.1.1 <" + address + ">: no such inbox here"));
        }
        RateLimit.Verdict verdict = perInbox.take(local);
        if (!verdict.allowed()) {
            return new Addressed(null, new Refusal(450, "4.2.1 <" + address + ">: this inbox is receiving too much mail; "
                    + "try again in " + seconds(verdict.retryAfter()) + " s"));
        }
        return new Addressed(new Recipient(local, pipe.get()), null);
    }

    /**
     * Parses {@code raw} (the message as sent, at most {@link InboxSettings#maxMailBytes()}) and
     * stores it for {@code recipients}; empty once it is stored (durably), else why not.
     */
    public Optional<Refusal> deliver(String envelopeFrom, List<Recipient> recipients, byte[] raw) {
        if (raw.length > settings.maxMailBytes()) {
            return Optional.of(tooLarge());
        }
        InboxMailRepository.NewMail mail = MailReader.read(raw, envelopeFrom == null ? "" : envelopeFrom, clock.instant(),
                settings.maxAttachmentBytes());
        List<String> addresses = new ArrayList<>(recipients.stream().map(Recipient::address).distinct().toList());
        for (int attempt = 0; ; attempt++) {
            try {
                Map<String, InboxMailRepository.Result> results = mails.store(addresses, mail, settings.keepMails());
                recipients.stream().filter(r -> results.get(r.address()) == InboxMailRepository.Result.STORED)
                        .map(Recipient::pipeId).distinct().forEach(this::tellStored);
                return Optional.empty();
            } catch (StoreException e) {
                if (!e.busy() || attempt >= STORE_BACKOFF.size() || !pause(STORE_BACKOFF.get(attempt))) {
                    LOG.warn("Mail for {} not stored ({} attempts): {}", addresses, attempt + 1, e.getMessage());
                    return Optional.of(new Refusal(451, "4.3.0 The message could not be stored; nothing was kept, "
                            + "try again later"));
                }
            }
        }
    }

    /** The refusal of a message over the size limit. */
    public Refusal tooLarge() {
        return new Refusal(552, "5.3.4 Message too big: the limit is " + settings.maxMailBytes() / 1024
                + " KiB; nothing was kept");
    }

    /** The mail is stored whatever happens here, so a failure must not turn the answer into an error. */
    private void tellStored(String pipeId) {
        try {
            onStored.accept(pipeId);
        } catch (RuntimeException e) {
            LOG.warn("After storing a mail for pipe {}: {}", pipeId, e.toString());
        }
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
