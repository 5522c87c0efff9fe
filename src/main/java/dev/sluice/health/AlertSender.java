package dev.sluice.health;

import dev.sluice.auth.Mailer;
import dev.sluice.model.AlertNotice;
import dev.sluice.model.Incident;
import dev.sluice.store.AlertNotices;
import dev.sluice.store.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails the pending notices, at most {@link AlertLimits#mailsPerHour()} mails per owner and hour.
 * The notices of one incident (its opening, and its clearing when both wait) make one message;
 * an owner with more messages than the hour has mails left gets the last mail as a digest of all
 * the rest, and one with none left gets them with the next hour's first mail: nothing is dropped,
 * only gathered. Each notice is claimed before its mail goes (see {@link AlertNotices}).
 */
public final class AlertSender {
    private static final Logger LOG = LoggerFactory.getLogger(AlertSender.class);
    static final Duration WINDOW = Duration.ofHours(1);
    /** Notices read per turn; more wait for the next turn. */
    static final int BATCH = 500;
    /** Tries per notice (one per turn, so about an hour) before it is given up as undeliverable. */
    static final int MAX_ATTEMPTS = 60;

    private final AlertNotices notices;
    private final Mailer mailer;
    private final AlertMail mails;
    private final int mailsPerHour;

    public AlertSender(AlertNotices notices, Mailer mailer, String baseUrl, AlertLimits limits) {
        this.notices = notices;
        this.mailer = mailer;
        this.mails = new AlertMail(baseUrl, limits.mailsPerHour());
        this.mailsPerHour = limits.mailsPerHour();
    }

    void sendPending(Instant now) {
        Map<Long, Map<String, List<AlertNotice>>> byOwner = new LinkedHashMap<>();
        for (AlertNotice notice : notices.pending(BATCH)) {
            if (!wanted(notice)) {
                notices.skip(notice.id());
                continue;
            }
            byOwner.computeIfAbsent(notice.ownerId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(notice.incident().id(), k -> new ArrayList<>()).add(notice);
        }
        for (var owner : byOwner.entrySet()) {
            List<List<AlertNotice>> messages = new ArrayList<>(owner.getValue().values());
            int left = mailsPerHour - notices.mailsSince(owner.getKey(), now.minus(WINDOW));
            if (left <= 0) {
                LOG.debug("{} alert messages for owner {} wait: {} alert mails were sent in the last hour",
                        messages.size(), owner.getKey(), mailsPerHour);
                continue;
            }
            int singles = messages.size() <= left ? messages.size() : left - 1;
            for (List<AlertNotice> message : messages.subList(0, singles)) {
                if (!send(List.of(message), now)) {
                    return; // the mail server is unwell: the rest waits for the next turn
                }
            }
            if (singles < messages.size() && !send(messages.subList(singles, messages.size()), now)) {
                return;
            }
        }
    }

    /** Whether the owner still wants this kind of alert (settings may have changed since it was noted). */
    private static boolean wanted(AlertNotice notice) {
        return notice.incident().kind() == Incident.Kind.FAILING ? notice.settings().onFailure()
                : notice.settings().staleAfterHours() > 0;
    }

    /** Claims and mails the messages as one mail; false when the mail server refused it. */
    private boolean send(List<List<AlertNotice>> messages, Instant now) {
        String mailId = Ids.random(16);
        List<List<AlertNotice>> claimed = new ArrayList<>();
        for (List<AlertNotice> message : messages) {
            List<AlertNotice> mine = message.stream().filter(n -> notices.claim(n.id(), mailId, now)).toList();
            if (!mine.isEmpty()) {
                claimed.add(mine);
            }
        }
        if (claimed.isEmpty()) {
            return true;
        }
        AlertMail.Mail mail = claimed.size() == 1 ? mails.single(claimed.get(0)) : mails.digest(claimed);
        String to = claimed.get(0).get(0).email();
        try {
            mailer.send(to, mail.subject(), mail.text());
            notices.sent(mailId);
            LOG.info("alert mail to owner {}: {}", claimed.get(0).get(0).ownerId(), mail.subject());
            return true;
        } catch (Mailer.Undeliverable e) {
            notices.undelivered(mailId, MAX_ATTEMPTS);
            LOG.warn("Alert mail not sent, tried again at the next turn: {}", e.getMessage());
            return false;
        }
    }
}
