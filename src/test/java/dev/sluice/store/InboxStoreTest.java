package dev.sluice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredAttachment;
import dev.sluice.model.StoredMail;
import dev.sluice.store.jdbc.JdbcInboxMailRepository;
import dev.sluice.store.jdbc.JdbcInboxRepository;
import dev.sluice.store.jdbc.JdbcPipeRepository;
import dev.sluice.store.jdbc.JdbcUserRepository;
import dev.sluice.testing.StoreBackend;
import dev.sluice.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The inbox tables on both databases (SQLite file, PostgreSQL on loopback where installed): the
 * same statements claim addresses, store mail once, trim to the cap, read newest first with
 * attachments, serve kept attachments and delete in batches.
 */
class InboxStoreTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock();

    record Store(Database db, InboxRepository inboxes, InboxMailRepository mails, PipeRepository pipes, long owner) {
        String pipe() {
            return pipes.create(owner, new PipeRepository.Draft("p", "", "{\"blocks\":[]}", false, List.of())).id();
        }
    }

    Store open(Dialect dialect) {
        Database db = StoreBackend.open(dialect, dir);
        long owner = new JdbcUserRepository(db, clock).findOrCreate("owner@example.org").id();
        return new Store(db, new JdbcInboxRepository(db), new JdbcInboxMailRepository(db), new JdbcPipeRepository(db, clock), owner);
    }

    InboxMailRepository.NewMail mail(String key, String subject) {
        return new InboxMailRepository.NewMail("from@example.org", clock.instant(), key, subject, "Author", null,
                "<p>" + subject + "</p>", "", "", 100, List.of(
                        new InboxMailRepository.NewAttachment("a.pdf", "application/pdf", "", 3, new byte[] {1, 2, 3}),
                        new InboxMailRepository.NewAttachment("big.bin", "application/octet-stream", "", 9999, null)));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void addressesBelongToTheFirstPipeThatClaimsThem(Dialect dialect) {
        Store s = open(dialect);
        try (Database ignored = s.db()) {
            String first = s.pipe();
            String second = s.pipe();
            assertThat(s.inboxes().replace(first, Set.of("aaaaaaaaaa", "bbbbbbbbbb"))).isEmpty();
            assertThat(s.inboxes().replace(second, Set.of("bbbbbbbbbb", "cccccccccc"))).containsExactly("bbbbbbbbbb");
            assertThat(s.inboxes().pipeOf("bbbbbbbbbb")).hasValue(first);
            assertThat(s.inboxes().pipeOf("cccccccccc")).hasValue(second);
            assertThat(s.inboxes().pipesToReindex("InboxBlock")).containsExactlyInAnyOrder(first, second);

            s.inboxes().replace(first, Set.of("aaaaaaaaaa"));
            assertThat(s.inboxes().pipeOf("bbbbbbbbbb")).isEmpty();
            s.inboxes().reindex(second, json -> Optional.empty());
            assertThat(s.inboxes().pipeOf("cccccccccc")).as("an unreadable pipe keeps its inboxes").hasValue(second);
            s.inboxes().reindex(second, json -> Optional.of(Set.of()));
            assertThat(s.inboxes().pipeOf("cccccccccc")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void mailIsStoredOnceTrimmedToTheCapAndReadNewestFirst(Dialect dialect) {
        Store s = open(dialect);
        try (Database ignored = s.db()) {
            String pipe = s.pipe();
            s.inboxes().replace(pipe, Set.of("aaaaaaaaaa"));
            for (int i = 1; i <= 4; i++) {
                Map<String, InboxMailRepository.Result> r = s.mails().store(List.of("aaaaaaaaaa", "zzzzzzzzzz"), mail("<" + i + "@x>", "Mail " + i), 3);
                assertThat(r).containsEntry("aaaaaaaaaa", InboxMailRepository.Result.STORED)
                        .containsEntry("zzzzzzzzzz", InboxMailRepository.Result.NO_INBOX);
                clock.advance(Duration.ofMinutes(1));
            }
            assertThat(s.mails().store(List.of("aaaaaaaaaa"), mail("<4@x>", "Again"), 3))
                    .containsEntry("aaaaaaaaaa", InboxMailRepository.Result.DUPLICATE);

            List<StoredMail> recent = s.mails().recent("aaaaaaaaaa", 10);
            assertThat(recent).extracting(StoredMail::subject).containsExactly("Mail 4", "Mail 3", "Mail 2");
            StoredMail newest = recent.get(0);
            assertThat(newest.sentAt()).isNull();
            assertThat(newest.attachments()).extracting(StoredAttachment::kept).containsExactly(true, false);
            assertThat(s.mails().attachment(newest.attachments().get(0).id())).hasValueSatisfying(d -> {
                assertThat(d.body()).containsExactly(1, 2, 3);
                assertThat(d.contentType()).isEqualTo("application/pdf");
            });
            assertThat(s.mails().attachment(newest.attachments().get(1).id())).as("listed, not kept").isEmpty();
            assertThat(s.mails().recent("aaaaaaaaaa", 1)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void retentionDeletesInBatchesAndRemovingAPipeTakesItsMail(Dialect dialect) {
        Store s = open(dialect);
        try (Database ignored = s.db()) {
            String pipe = s.pipe();
            s.inboxes().replace(pipe, Set.of("aaaaaaaaaa", "bbbbbbbbbb"));
            for (int i = 1; i <= 5; i++) {
                s.mails().store(List.of("aaaaaaaaaa"), mail("<a" + i + "@x>", "A" + i), 100);
                clock.advance(Duration.ofDays(1));
            }
            s.mails().store(List.of("bbbbbbbbbb"), mail("<b@x>", "B"), 100);
            Instant cutoff = clock.instant().minus(Duration.ofDays(2)); // A1–A3 (days 0–2) are older

            assertThat(s.mails().deleteOlderThan(cutoff, 2)).isEqualTo(2);
            assertThat(s.mails().deleteOlderThan(cutoff, 2)).isEqualTo(1);
            assertThat(s.mails().deleteOlderThan(cutoff, 2)).isZero();
            assertThat(s.mails().addressesWithMail()).containsExactlyInAnyOrder("aaaaaaaaaa", "bbbbbbbbbb");
            assertThat(s.mails().deleteBeyondNewest("aaaaaaaaaa", 1, 10)).isEqualTo(1);
            assertThat(s.mails().recent("aaaaaaaaaa", 10)).extracting(StoredMail::subject).containsExactly("A5");

            String kept = s.mails().recent("bbbbbbbbbb", 1).get(0).attachments().get(0).id();
            s.inboxes().removeAll(pipe);
            assertThat(s.mails().addressesWithMail()).isEmpty();
            assertThat(s.mails().attachment(kept)).isEmpty();
            assertThat(s.inboxes().pipeOf("aaaaaaaaaa")).isEmpty();
        }
    }
}
