package dev.sluice.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.PipeRepository;
import dev.sluice.web.Notice;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting an account from the settings page removes every row the account owned, in every table
 * of the schema (found from the database itself, so tables added later are checked too), and not
 * one row of anybody else's.
 */
class AccountDeletionTest {
    static final String LEAVER = "leaver@example.org";
    static final String STAYER = "stayer@example.org";
    /** Columns that tie a row to an account, directly or through its pipes and hooks. */
    static final Set<String> ACCOUNT_COLUMNS = Set.of("user_id", "owner_id");

    AccountFixture f;
    User leaver;
    User stayer;
    String leaverSession;
    String leaverToken;
    List<StoredPipe> leaverPipes = new ArrayList<>();
    StoredPipe stayerPipe;

    @BeforeEach
    void start() {
        f = new AccountFixture();
        leaver = f.user(LEAVER);
        stayer = f.user(STAYER);
        leaverSession = f.server.session(LEAVER);
        f.server.session(STAYER);
        leaverToken = f.server.token(LEAVER);
        String stayerToken = f.server.token(STAYER);

        leaverPipes.add(create(leaver, Pipes.withWebhook(""), false, List.of("mine")));
        leaverPipes.add(create(leaver, Pipes.EMPTY, true, List.of("shared")));
        stayerPipe = create(stayer, Pipes.withWebhook(""), true, List.of("theirs"));

        // Likes both ways, webhook events, outputs, first-seen dates, pending links and changes.
        assertThat(f.server.send("POST", "/api/pipes/" + stayerPipe.id() + "/like", leaverToken, null).statusCode()).isEqualTo(200);
        assertThat(f.server.send("POST", "/api/pipes/" + leaverPipes.get(1).id() + "/like", stayerToken, null).statusCode()).isEqualTo(200);
        for (StoredPipe p : List.of(leaverPipes.get(0), stayerPipe)) {
            assertThat(f.server.post("/hook/" + Pipes.hookIdOf(p.json()), "application/json", "{\"n\":1}").statusCode()).isLessThan(300);
            f.query("INSERT INTO first_seen (pipe_id, block_id, guid, first_seen_at) VALUES (?, 'b', 'g', 1) RETURNING pipe_id", p.id());
        }
        assertThat(f.server.get("/feed/" + leaverPipes.get(1).id() + ".rss").statusCode()).isEqualTo(200);
        assertThat(f.server.get("/feed/" + stayerPipe.id() + ".rss").statusCode()).isEqualTo(200);
        for (String email : List.of(LEAVER, STAYER)) {
            f.server.post("/login", AccountFixture.FORM, "email=" + AccountFixture.encode(email));
        }
        assertThat(f.post("/settings/email", leaverSession, "email", "leaver-new@example.org").statusCode()).isEqualTo(303);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void deletingTheAccountRemovesEveryRowItOwnedAndNothingElse() {
        Map<String, List<Map<String, Object>>> before = everything();
        assertThat(before.keySet()).contains("hook_events", "last_outputs", "first_seen", "login_links", "email_changes",
                "pipe_likes", "api_tokens", "sessions", "hooks", "pipe_versions", "pipe_tags");
        for (String table : List.of("hook_events", "last_outputs", "first_seen", "login_links", "email_changes",
                "pipe_likes", "api_tokens", "sessions", "hooks", "pipe_versions", "pipe_tags", "pipes")) {
            assertThat(before.get(table)).as("the leaver has rows in %s before", table).anyMatch(this::isLeavers);
        }

        HttpResponse<String> r = f.post("/settings/delete", leaverSession, "confirm", " Leaver@Example.org ");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/?notice=" + Notice.ACCOUNT_DELETED.code());
        assertThat(r.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(dev.sluice.auth.Sessions.COOKIE + "=;")
                || c.startsWith(dev.sluice.auth.Sessions.COOKIE + "=\"\"") || c.contains("Max-Age=0"));

        Map<String, List<Map<String, Object>>> after = everything();
        for (var table : after.entrySet()) {
            assertThat(table.getValue()).as("the leaver's rows left in %s", table.getKey()).noneMatch(this::isLeavers);
            List<Map<String, Object>> othersBefore = before.get(table.getKey()).stream().filter(row -> !isLeavers(row)).toList();
            assertThat(table.getValue()).as("other accounts' rows in %s", table.getKey())
                    .containsExactlyInAnyOrderElementsOf(othersBefore);
        }

        assertThat(f.get("/settings", leaverSession).statusCode()).as("the session is gone").isEqualTo(302);
        assertThat(f.server.send("GET", "/api/pipes", leaverToken, null).statusCode()).as("the token is gone").isEqualTo(401);
        assertThat(f.server.get("/feed/" + leaverPipes.get(1).id() + ".rss").statusCode()).as("no cached feed is served").isEqualTo(404);
        assertThat(f.server.get("/feed/" + stayerPipe.id() + ".rss").statusCode()).isEqualTo(200);
        assertThat(f.server.get("/login?notice=account-deleted").body()).contains(Notice.ACCOUNT_DELETED.text());
    }

    @Test
    void nothingIsDeletedWithoutTheTypedAddressOrFromAnotherSiteOrByAToken() {
        Map<String, List<Map<String, Object>>> before = everything();
        HttpResponse<String> wrong = f.post("/settings/delete", leaverSession, "confirm", STAYER);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Nothing was deleted");
        assertThat(f.post("/settings/delete", leaverSession).statusCode()).isEqualTo(400);
        assertThat(f.forged("/settings/delete", leaverSession, "confirm", LEAVER).statusCode()).isEqualTo(403);
        assertThat(f.server.request("POST", "/settings/delete", "confirm=" + AccountFixture.encode(LEAVER),
                "Authorization", "Bearer " + leaverToken, "Content-Type", AccountFixture.FORM).statusCode()).isEqualTo(403);
        assertThat(f.server.post("/settings/delete", AccountFixture.FORM, "confirm=" + AccountFixture.encode(LEAVER)).statusCode())
                .as("anonymous: to the login").isEqualTo(302);
        Map<String, List<Map<String, Object>>> after = everything();
        after.remove("sessions");
        before.remove("sessions");
        assertThat(after).isEqualTo(before);
    }

    /** Every row of every table but the schema's bookkeeping, by table. */
    private Map<String, List<Map<String, Object>>> everything() {
        Map<String, List<Map<String, Object>>> all = new HashMap<>();
        for (Map<String, Object> t : f.query("SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%' AND name NOT IN ('flyway_schema_history', 'secrets')")) {
            String table = (String) t.get("name");
            all.put(table, f.query("SELECT * FROM " + table));
        }
        return all;
    }

    /** Whether a row belongs to the leaver: by account id, address, one of their pipes or one of its hooks. */
    private boolean isLeavers(Map<String, Object> row) {
        Set<String> pipeIds = new HashSet<>();
        Set<String> hookIds = new HashSet<>();
        for (StoredPipe p : leaverPipes) {
            pipeIds.add(p.id());
            if (p.json().contains("WebhookBlock")) {
                hookIds.add(Pipes.hookIdOf(p.json()));
            }
        }
        for (var cell : row.entrySet()) {
            Object v = cell.getValue();
            String column = cell.getKey();
            if (ACCOUNT_COLUMNS.contains(column) && v instanceof Number n && n.longValue() == leaver.id()) {
                return true;
            }
            if (v instanceof String s && (s.equals(LEAVER) || pipeIds.contains(s) && !column.equals("tag") || hookIds.contains(s))) {
                return true;
            }
        }
        // The users table: the account itself.
        return LEAVER.equals(row.get("email"));
    }

    private StoredPipe create(User owner, String json, boolean isPublic, List<String> tags) {
        try {
            return f.server.sluice.pipes().create(owner, new PipeRepository.Draft("Pipe of " + owner.email(), "", json, isPublic, tags));
        } catch (dev.sluice.pipe.PipeFormatException e) {
            throw new AssertionError(e);
        }
    }
}
