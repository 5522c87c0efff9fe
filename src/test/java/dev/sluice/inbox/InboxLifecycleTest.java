package dev.sluice.inbox;

import static dev.sluice.inbox.InboxFixtures.DOMAIN;
import static dev.sluice.inbox.InboxFixtures.JSON;
import static dev.sluice.inbox.InboxFixtures.download;
import static dev.sluice.inbox.InboxFixtures.feed;
import static dev.sluice.inbox.InboxFixtures.pipeWithInbox;
import static dev.sluice.inbox.InboxFixtures.savedInbox;
import static dev.sluice.inbox.InboxFixtures.smtpPort;
import static dev.sluice.inbox.InboxFixtures.smtpSession;
import static dev.sluice.inbox.InboxFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.model.StoredPipe;
import dev.sluice.ops.InboxRetention;
import dev.sluice.store.Database;
import dev.sluice.store.InboxMailRepository;
import dev.sluice.store.jdbc.JdbcAccountDeletion;
import dev.sluice.store.jdbc.JdbcInboxMailRepository;
import dev.sluice.testing.TestServer;
import jakarta.mail.Transport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An inbox's mail belongs to its pipe and owner: other owners cannot read it or take the address
 * over, a fork gets an address of its own, deleting the pipe deletes the mail, retention removes
 * old mail, and the owner sees the address. One server per test: some move its clock.
 */
class InboxLifecycleTest {
    TestServer server;
    int port;

    @BeforeEach
    void start() {
        server = InboxFixtures.receivingServer(Map.of("SLUICE_INBOX_KEEP_DAYS", "30"));
        port = smtpPort(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void mail(String to, String subject) throws Exception {
        Transport.send(InboxDeliveryTest.newsletterWithSubject(smtpSession(port), to, subject));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void anotherOwnersPipeCanNeitherReadTheInboxNorTakeItsAddress() throws Exception {
        InboxFixtures.Saved alice = savedInbox(server, "alice@example.org");
        mail(alice.address(), "Alice's private newsletter");
        String mallory = server.token("mallory@example.org");

        // An unsaved pipe naming Alice's block id: the inspector learns nothing.
        HttpResponse<String> run = server.send("POST", "/api/run", mallory, "{\"pipe\":" + pipeWithInbox(alice.blockId(), "") + "}");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(json(run).get("items")).isEmpty();
        assertThat(json(run).get("errors").get(0).get("message").asText()).contains("not part of a saved pipe of yours");
        assertThat(run.body()).doesNotContain("Alice's private newsletter", "/inbox/attachments/");

        // Saving a pipe with that block id (in any case) is refused: the address stays Alice's.
        for (String id : new String[] {alice.blockId(), alice.blockId().toUpperCase()}) {
            HttpResponse<String> save = server.send("POST", "/api/pipes", mallory,
                    "{\"title\":\"Copy\",\"pipe\":" + pipeWithInbox(id, "") + "}");
            assertThat(save.statusCode()).isEqualTo(400);
            assertThat(save.body()).contains("another pipe already receives mail");
        }
        // A visitor with no account is refused outright, like for a Webhook block.
        HttpResponse<String> visitor = server.post("/api/run", "application/json",
                "{\"pipe\":" + pipeWithInbox(alice.blockId(), "") + "}", "Origin", server.sluice.config().baseUrl());
        assertThat(visitor.statusCode()).isEqualTo(403);
        assertThat(visitor.body()).contains("Inbox block").contains("needs an account").doesNotContain("Alice's private newsletter");

        // Alice's own inspector run (an unsaved copy of her pipe) reads it.
        HttpResponse<String> own = server.send("POST", "/api/run", server.token("alice@example.org"),
                "{\"pipe\":" + pipeWithInbox(alice.blockId(), "") + "}");
        assertThat(json(own).get("items").get(0).get("title").asText()).isEqualTo("Alice's private newsletter");
    }

    @Test
    void aPublicPipesFeedShowsItsMailAndAForkGetsAnAddressOfItsOwn() throws Exception {
        String id = InboxFixtures.newBlockId();
        StoredPipe shared = server.save("alice@example.org", "Shared letters", pipeWithInbox(id, ""), true);
        mail(id + "@" + DOMAIN, "For everyone");
        String bob = server.token("bob@example.org");

        HttpResponse<String> fork = server.send("POST", "/api/pipes/" + shared.id() + "/fork", bob, null);
        assertThat(fork.statusCode()).isEqualTo(201);
        JsonNode copy = json(fork);
        String forkBlock = copy.get("inboxes").get(0).get("block").asText();
        assertThat(forkBlock).isNotEqualTo(id).matches("[0-9a-f]{10}");
        assertThat(copy.get("inboxes").get(0).get("address").asText()).isEqualTo(forkBlock + "@" + DOMAIN);
        StoredPipe forked = server.sluice.pipes().find(copy.get("id").asText()).orElseThrow();
        assertThat(feed(server, forked).get("items")).as("the fork starts empty").isEmpty();

        mail(forkBlock + "@" + DOMAIN, "For Bob's fork");
        assertThat(feed(server, forked).get("items").get(0).get("title").asText()).isEqualTo("For Bob's fork");
        assertThat(feed(server, shared).get("items")).hasSize(1);
        assertThat(feed(server, shared).get("items").get(0).get("title").asText()).isEqualTo("For everyone");

        // Bob's pipe may use Alice's public pipe through a Pipe block: it publishes its mail anyway.
        String usesShared = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
                + "\"inputs\":[{\"from\":\"p\",\"from_output_slot\":0}],\"textinputs\":[]},{\"id\":\"p\",\"type\":\"PipeBlock\","
                + "\"userinputs\":[\"" + shared.id() + "\"],\"inputs\":[],\"textinputs\":[]}]}";
        HttpResponse<String> viaPipe = server.send("POST", "/api/run", bob, "{\"pipe\":" + usesShared + "}");
        assertThat(json(viaPipe).get("items").get(0).get("title").asText()).isEqualTo("For everyone");
    }

    @Test
    void theOwnerSeesTheAddressInThePipeApiAndTheEditorIsToldTheDomain() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "alice@example.org");
        JsonNode mine = json(server.send("GET", "/api/pipes/" + inbox.pipe().id(), server.token("alice@example.org"), null));
        assertThat(mine.get("inboxes").get(0).get("block").asText()).isEqualTo(inbox.blockId());
        assertThat(mine.get("inboxes").get(0).get("address").asText()).isEqualTo(inbox.address());

        JsonNode inboxType = null;
        for (JsonNode b : json(server.get("/api/blocks"))) {
            if (b.get("type").asText().equals("InboxBlock")) {
                inboxType = b;
            }
        }
        assertThat(inboxType.get("palette").asBoolean()).isTrue();
        assertThat(inboxType.get("category").asText()).isEqualTo("Inputs");
        assertThat(inboxType.get("label").asText()).isEqualTo("Inbox");
        assertThat(inboxType.get("help").asText()).contains("newsletters", "address");
        assertThat(inboxType.get("mailDomain").asText()).isEqualTo(DOMAIN);

        // Someone else looking at a public pipe with an inbox is not handed its address.
        String id = InboxFixtures.newBlockId();
        StoredPipe shared = server.save("alice@example.org", "Shared", pipeWithInbox(id, ""), true);
        JsonNode theirs = json(server.send("GET", "/api/pipes/" + shared.id(), server.token("bob@example.org"), null));
        assertThat(theirs.has("inboxes")).isFalse();
    }

    @Test
    void deletingThePipeDeletesItsMailAndAttachments() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "alice@example.org");
        mail(inbox.address(), "Soon gone");
        String attachment = feed(server, inbox.pipe()).get("items").get(0).get("attachments").get(0).get("url").asText();
        assertThat(stored(server, inbox.blockId())).containsExactly(1, 2);

        HttpResponse<String> delete = server.send("DELETE", "/api/pipes/" + inbox.pipe().id(), server.token("alice@example.org"), null);
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(stored(server, inbox.blockId())).containsExactly(0, 0);
        assertThat(download(server, attachment).statusCode()).isEqualTo(404);
        try (SmtpDialog smtp = new SmtpDialog(port)) {
            assertThat(smtp.envelope("late@sender.example", inbox.address())).as("the address is gone").startsWith("550");
        }
    }

    @Test
    void deletingTheAccountDeletesItsInboxesMailAndAttachmentsAndNoOneElses() throws Exception {
        InboxFixtures.Saved leaver = savedInbox(server, "leaver@example.org");
        InboxFixtures.Saved stayer = savedInbox(server, "stayer@example.org");
        mail(leaver.address(), "Leaver's letter");
        mail(stayer.address(), "Stayer's letter");
        try (Database db = Database.open(server.dataDir)) {
            long id = server.sluice.users().findOrCreate("leaver@example.org").id();
            assertThat(new JdbcAccountDeletion(db).delete(id)).isPresent();
        }
        assertThat(stored(server, leaver.blockId())).containsExactly(0, 0);
        assertThat(stored(server, stayer.blockId())).containsExactly(1, 2);
        try (SmtpDialog smtp = new SmtpDialog(port)) {
            assertThat(smtp.envelope("late@sender.example", leaver.address())).startsWith("550");
        }
    }

    @Test
    void removingTheBlockFromThePipeDeletesItsMail() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "alice@example.org");
        mail(inbox.address(), "Block removed");
        server.update(inbox.pipe(), "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
                + "\"inputs\":[{}],\"textinputs\":[]}]}");
        assertThat(stored(server, inbox.blockId())).containsExactly(0, 0);
    }

    @Test
    void retentionRemovesMailOlderThanTheKeptDaysWithItsAttachments() throws Exception {
        InboxFixtures.Saved inbox = savedInbox(server, "alice@example.org");
        mail(inbox.address(), "Old news");
        server.clock.advance(Duration.ofDays(20));
        mail(inbox.address(), "Recent news");
        String oldAttachment = feed(server, inbox.pipe()).get("items").get(1).get("attachments").get(0).get("url").asText();
        server.clock.advance(Duration.ofDays(11));

        try (Database db = Database.open(server.dataDir)) {
            InboxRetention retention = new InboxRetention(new JdbcInboxMailRepository(db), server.sluice.config().inbox(),
                    server.clock, Duration.ZERO);
            assertThat(retention.runOnce()).isEqualTo(new InboxRetention.Pass(1, 0));
            assertThat(retention.runOnce().total()).as("nothing left to do").isZero();
        }
        assertThat(stored(server, inbox.blockId())).containsExactly(1, 2);
        server.sluice.outputs().contentChanged(inbox.pipe().id());
        JsonNode items = feed(server, inbox.pipe()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("title").asText()).isEqualTo("Recent news");
        assertThat(download(server, oldAttachment).statusCode()).isEqualTo(404);
    }

    @Test
    void aSenderOverItsHourlyRateIsToldToRetryLaterAndEveryAcceptedMailIsKept() throws Exception {
        server.close();
        server = InboxFixtures.receivingServer(Map.of("SLUICE_INBOX_MAILS_PER_IP_PER_HOUR", "3"));
        port = smtpPort(server);
        InboxFixtures.Saved first = savedInbox(server, "alice@example.org");
        InboxFixtures.Saved second = savedInbox(server, "bob@example.org");
        java.util.List<String> replies = new java.util.ArrayList<>();
        try (SmtpDialog smtp = new SmtpDialog(port)) {
            for (int i = 1; i <= 5; i++) {
                String to = (i % 2 == 0 ? second : first).address();
                replies.add(smtp.send("spray@sender.example", to, InboxFixtures.bytes(
                        InboxDeliveryTest.plain(smtpSession(port), to, "Spray " + i, "mail " + i))));
            }
        }
        assertThat(replies.subList(0, 3)).allSatisfy(r -> assertThat(r).startsWith("250"));
        assertThat(replies.subList(3, 5)).allSatisfy(r -> assertThat(r).startsWith("451 4.7.1").contains("try again in"));
        assertThat(feed(server, first.pipe()).get("items")).hasSize(2);
        assertThat(feed(server, second.pipe()).get("items")).hasSize(1);

        server.clock.advance(Duration.ofHours(1));
        try (SmtpDialog smtp = new SmtpDialog(port)) {
            assertThat(smtp.send("spray@sender.example", first.address(), InboxFixtures.bytes(
                    InboxDeliveryTest.plain(smtpSession(port), first.address(), "Later", "later")))).as("an hour on").startsWith("250");
        }
    }

    @Test
    void anInboxKeepsItsNewestMailsUpToTheCap() throws Exception {
        server.close();
        server = InboxFixtures.receivingServer(Map.of("SLUICE_INBOX_KEEP_MAILS", "3"));
        port = smtpPort(server);
        InboxFixtures.Saved inbox = savedInbox(server, "alice@example.org");
        for (int i = 1; i <= 5; i++) {
            mail(inbox.address(), "Mail " + i);
            server.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(stored(server, inbox.blockId())[0]).isEqualTo(3);
        java.util.List<String> titles = new java.util.ArrayList<>();
        feed(server, inbox.pipe()).get("items").forEach(i -> titles.add(i.get("title").asText()));
        assertThat(titles).containsExactly("Mail 5", "Mail 4", "Mail 3");
    }
}
