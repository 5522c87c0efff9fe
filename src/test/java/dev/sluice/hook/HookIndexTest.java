package dev.sluice.hook;

import static dev.sluice.hook.HookFixtures.newHookId;
import static dev.sluice.hook.HookFixtures.pipeWithWebhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.Database;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.Stores;
import dev.sluice.testing.TestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hooks table follows the saved pipes: create, update, delete, copied ids, repair after a crash. */
class HookIndexTest {
    static TestServer server;
    static Database db;
    static HookIndex index;

    @BeforeAll
    static void start() {
        server = TestServer.standard();
        db = Database.open(server.dataDir);
        index = new HookIndex(Stores.on(db).hooks());
    }

    @AfterAll
    static void stop() {
        db.close();
        server.close();
    }

    private static StoredPipe save(String owner, String json) {
        return server.save(owner, "t", json, false);
    }

    private static long ownerId(String email) {
        return server.sluice.users().findOrCreate(email).id();
    }

    @Test
    void savingAPipeIndexesItsWebhookBlocksWithTheirSecrets() {
        String id = newHookId();
        StoredPipe pipe = save("a@example.org", pipeWithWebhook(id, "top secret"));
        assertThat(index.find(id)).contains(new Hook(id, pipe.id(), "top secret"));

        server.update(pipe, pipeWithWebhook(id, ""));
        assertThat(index.find(id).orElseThrow().signed()).as("secret removed").isFalse();

        String other = newHookId();
        server.update(pipe, pipeWithWebhook(other, ""));
        assertThat(index.find(id)).as("block replaced").isEmpty();
        assertThat(index.find(other)).isPresent();

        server.sluice.pipes().delete(pipe.id());
        assertThat(index.find(other)).isEmpty();
    }

    @Test
    void aCopiedBlockIdCannotTakeOverAnotherPipesHook() {
        String id = newHookId();
        StoredPipe alice = save("alice@example.org", pipeWithWebhook(id, "alice's secret"));
        assertThatThrownBy(() -> server.sluice.pipes().create(ownerId("mallory@example.org"),
                new PipeRepository.Draft("copy", "", pipeWithWebhook(id, "mallory's secret"), false, List.of())))
                .isInstanceOf(PipeFormatException.class)
                .hasMessageContaining("Block \"Webhook\" (" + id + ")")
                .hasMessageContaining("another pipe already receives webhooks at this block's id");
        assertThat(index.find(id)).contains(new Hook(id, alice.id(), "alice's secret"));
        assertThat(server.update(alice, pipeWithWebhook(id, "rotated")).id()).as("the owner may still save").isEqualTo(alice.id());
    }

    @Test
    void refusesAnIdThatCannotBeAUrlSegment() {
        assertThatThrownBy(() -> server.sluice.pipes().create(ownerId("a@example.org"),
                new PipeRepository.Draft("bad", "", pipeWithWebhook("a/b", ""), false, List.of())))
                .isInstanceOf(PipeFormatException.class).hasMessageContaining("part of its URL");
    }

    @Test
    void reindexRepairsRowsLostOrLeftBehindByACrash() throws Exception {
        String lost = newHookId();
        String removed = newHookId();
        StoredPipe a = save("a@example.org", pipeWithWebhook(lost, "k"));
        StoredPipe b = save("a@example.org", pipeWithWebhook(removed, ""));
        try (Connection c = HookFixtures.open(server.dataDir); Statement st = c.createStatement()) {
            // As if the process died between saving and indexing: a's row missing, b's still there after an update.
            st.executeUpdate("DELETE FROM hooks WHERE hook_id = '" + lost + "'");
            st.executeUpdate("UPDATE pipes SET pipe_json = '{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\"}]}' "
                    + "WHERE id = '" + b.id() + "'");
        }
        assertThat(index.reindex()).isGreaterThanOrEqualTo(2);
        assertThat(index.find(lost)).contains(new Hook(lost, a.id(), "k"));
        assertThat(index.find(removed)).isEmpty();
    }
}
