package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.block.Blocks;
import dev.sluice.model.StoredPipe;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.WebhookBlocks;
import dev.sluice.store.PipeRepository;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authorisation on every route: each route the server registers × {owner, another
 * user, anonymous} × {private pipe, public pipe}, with the status each must get. Private pipes
 * are 404 to everyone but their owner; changes need a login (401) and ownership (403 on public
 * pipes). Beyond the status: no answer to anyone but the owner carries the feed key or a Webhook
 * secret, a 404 says nothing about the pipe, and a refused request changes nothing.
 *
 * <p>A new route must get a row here: {@link #everyRegisteredRouteHasARow()} fails until it does.
 */
class AuthorizationMatrixTest {
    enum Who { OWNER, OTHER, ANONYMOUS }

    enum Visibility { PRIVATE, PUBLIC }

    static final String TITLE = "Matrix pipe 7f3a";
    static final String SECRET = "matrix-hook-secret-9c1e";
    static final String EMPTY = "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],"
            + "\"inputs\":[{}],\"textinputs\":[]}]}";

    /**
     * One request. {@code path} may use {@code {id}} (the pipe's id) and {@code {key}} (its feed
     * key); {@code expected} is the status for owner, other, anonymous on a private pipe, then
     * (after "|") on a public one.
     */
    record Row(String route, String method, String path, String body, String expected) {
        int status(Who who, Visibility visibility) {
            String[] halves = expected.split("\\|");
            String[] codes = halves[visibility.ordinal()].trim().split("\\s+");
            return Integer.parseInt(codes[who.ordinal()]);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String RUN = "{\"pipe\":" + EMPTY + "}";
    static final String NEW_PIPE = "{\"title\":\"New\",\"pipe\":" + EMPTY + "}";
    static final String ALERTS = "{\"onFailure\":true,\"staleAfterHours\":6}";

    // @formatter:off
    static final List<Row> ROWS = List.of(
            //      route as WebServer registers it          method    path                                   body                   private: owner other anon | public: owner other anon
            new Row("GET /healthz",                           "GET",    "/healthz",                            null,                  "200 200 200 | 200 200 200"),
            new Row("GET /readyz",                            "GET",    "/readyz",                             null,                  "200 200 200 | 200 200 200"),
            new Row("GET /favicon.ico",                       "GET",    "/favicon.ico",                        null,                  "301 301 301 | 301 301 301"),
            new Row("GET /metrics",                           "GET",    "/metrics",                            null,                  "200 200 200 | 200 200 200"),
            new Row("GET /feed/{file}",                       "GET",    "/feed/{id}",                          null,                  "200 404 404 | 200 200 200"),
            new Row("GET /feed/{file}",                       "GET",    "/feed/{id}.rss",                      null,                  "200 404 404 | 200 200 200"),
            new Row("GET /feed/{file}",                       "GET",    "/feed/{id}.xml",                      null,                  "200 404 404 | 200 200 200"),
            new Row("GET /feed/{file}",                       "GET",    "/feed/{id}.atom",                     null,                  "200 404 404 | 200 200 200"),
            new Row("GET /feed/{file}",                       "GET",    "/feed/{id}.json",                     null,                  "200 404 404 | 200 200 200"),
            new Row("GET /feed/{file}",                       "GET",    "/feed/{id}.txt",                      null,                  "200 404 404 | 200 200 200"),
            new Row("GET /feed/{file}",                       "GET",    "/feed/{id}.rss?key={key}",            null,                  "200 200 200 | 200 200 200"),
            new Row("GET /feed/{file}",                       "GET",    "/feed/{id}.rss?key=not-the-key",      null,                  "200 404 404 | 200 200 200"),
            new Row("HEAD /feed/{file}",                      "HEAD",   "/feed/{id}.atom",                     null,                  "200 404 404 | 200 200 200"),
            new Row("HEAD /feed/{file}",                      "HEAD",   "/feed/{id}?key={key}",                null,                  "200 200 200 | 200 200 200"),
            new Row("GET /preview/{id}",                      "GET",    "/preview/{id}",                       null,                  "200 404 404 | 200 200 200"),
            new Row("GET /preview/{id}",                      "GET",    "/preview/{id}?key={key}",             null,                  "200 200 200 | 200 200 200"),
            new Row("GET /feedpreview/{id}",                  "GET",    "/feedpreview/{id}",                   null,                  "200 404 404 | 200 200 200"),
            // Visitors with no account may run pipes from this site's editor: the origin check is
            // theirs too, so a request naming no origin (as here) is refused (403). AnonymousRunApiTest has the rest.
            new Row("POST /api/run",                          "POST",   "/api/run",                            RUN,                   "200 200 403 | 200 200 403"),
            new Row("GET /api/pipes",                         "GET",    "/api/pipes",                          null,                  "200 200 401 | 200 200 401"),
            new Row("POST /api/pipes",                        "POST",   "/api/pipes",                          NEW_PIPE,              "201 201 401 | 201 201 401"),
            new Row("GET /api/pipes/{id}",                    "GET",    "/api/pipes/{id}",                     null,                  "200 404 404 | 200 200 200"),
            new Row("PUT /api/pipes/{id}",                    "PUT",    "/api/pipes/{id}",                     "{\"description\":\"x\"}", "200 404 401 | 200 403 401"),
            new Row("PUT /api/pipes/{id}",                    "PUT",    "/api/pipes/{id}",                     RUN,                   "200 404 401 | 200 403 401"),
            new Row("DELETE /api/pipes/{id}",                 "DELETE", "/api/pipes/{id}",                     null,                  "204 404 401 | 204 403 401"),
            new Row("GET /api/pipes/{id}/versions",           "GET",    "/api/pipes/{id}/versions",            null,                  "200 404 401 | 200 403 401"),
            new Row("GET /api/pipes/{id}/versions/{version}", "GET",    "/api/pipes/{id}/versions/1",          null,                  "200 404 401 | 200 403 401"),
            new Row("POST /api/pipes/{id}/share",             "POST",   "/api/pipes/{id}/share",               null,                  "200 404 401 | 200 403 401"),
            new Row("POST /api/pipes/{id}/unshare",           "POST",   "/api/pipes/{id}/unshare",             null,                  "200 404 401 | 200 403 401"),
            new Row("POST /api/pipes/{id}/like",              "POST",   "/api/pipes/{id}/like",                null,                  "403 404 401 | 403 200 401"),
            new Row("POST /api/pipes/{id}/unlike",            "POST",   "/api/pipes/{id}/unlike",              null,                  "403 404 401 | 403 200 401"),
            new Row("PUT /api/pipes/{id}/tags",               "PUT",    "/api/pipes/{id}/tags",                "{\"tags\":[\"x\"]}",  "200 404 401 | 200 403 401"),
            new Row("POST /api/pipes/{id}/tags",              "POST",   "/api/pipes/{id}/tags",                "{\"tags\":[\"x\"]}",  "200 404 401 | 200 403 401"),
            new Row("POST /api/pipes/{id}/fork",              "POST",   "/api/pipes/{id}/fork",                null,                  "201 404 401 | 201 201 401"),
            // Pipe health and alerts: the run history and alert settings are the owner's alone, like the version history.
            new Row("GET /api/pipes/{id}/runs",               "GET",    "/api/pipes/{id}/runs",                null,                  "200 404 401 | 200 403 401"),
            new Row("GET /api/pipes/{id}/alerts",             "GET",    "/api/pipes/{id}/alerts",              null,                  "200 404 401 | 200 403 401"),
            new Row("PUT /api/pipes/{id}/alerts",             "PUT",    "/api/pipes/{id}/alerts",              ALERTS,                "200 404 401 | 200 403 401"),
            // API tokens: one's own only; nobody can revoke a token that is not theirs.
            new Row("GET /api/tokens",                        "GET",    "/api/tokens",                         null,                  "200 200 401 | 200 200 401"),
            new Row("POST /api/tokens",                       "POST",   "/api/tokens",                         "{\"name\":\"x\"}",  "201 201 401 | 201 201 401"),
            new Row("DELETE /api/tokens/{id}",                "DELETE", "/api/tokens/999999",                  null,                  "404 404 401 | 404 404 401"),
            // Portier is off unless SLUICE_PORTIER_BROKER is set: its routes do not exist then.
            new Row("GET /login/portier",                     "GET",    "/login/portier?email=a@b.example",    null,                  "404 404 404 | 404 404 404"),
            new Row("POST /login/portier/verify",             "POST",   "/login/portier/verify",               null,                  "404 404 404 | 404 404 404"),
            // Login pages: open to all. A made-up link token is refused for everyone (400).
            new Row("GET /login",                             "GET",    "/login",                              null,                  "200 200 200 | 200 200 200"),
            new Row("POST /login",                            "POST",   "/login",                              null,                  "400 400 400 | 400 400 400"),
            new Row("GET /login/verify",                      "GET",    "/login/verify?token=made-up",         null,                  "400 400 400 | 400 400 400"),
            // Logging out needs nothing but ends whatever session the cookie names (none here): back to /login.
            new Row("POST /logout",                           "POST",   "/logout",                             null,                  "303 303 303 | 303 303 303"),
            new Row("POST /logout/everywhere",                "POST",   "/logout/everywhere",                  null,                  "303 303 302 | 303 303 302"),
            // The user's own pipes; anonymous callers are sent to log in.
            new Row("GET /mypipes",                           "GET",    "/mypipes",                            null,                  "200 200 302 | 200 200 302"),
            // Web pages (pages area): private pipes are 404 to all but their owner; form actions answer
            // with a redirect (303), anonymous visitors are sent to log in (303 for POSTs, 302 for pages).
            new Row("GET /",                                  "GET",    "/",                                   null,                  "302 302 200 | 302 302 200"),
            new Row("GET /pipes",                             "GET",    "/pipes",                              null,                  "200 200 200 | 200 200 200"),
            new Row("GET /templates",                         "GET",    "/templates",                          null,                  "200 200 200 | 200 200 200"),
            new Row("GET /templates/{id}/thumbnail.svg",      "GET",    "/templates/merge-feeds/thumbnail.svg", null,                 "200 200 200 | 200 200 200"),
            new Row("GET /templates/{id}/thumbnail.svg",      "GET",    "/templates/nope/thumbnail.svg",       null,                  "404 404 404 | 404 404 404"),
            new Row("GET /api/templates",                     "GET",    "/api/templates",                      null,                  "200 200 200 | 200 200 200"),
            new Row("GET /api/templates/{id}",                "GET",    "/api/templates/merge-feeds",          null,                  "200 200 200 | 200 200 200"),
            new Row("GET /api/templates/{id}",                "GET",    "/api/templates/no-such-one",          null,                  "404 404 404 | 404 404 404"),
            new Row("GET /pipe/{id}",                         "GET",    "/pipe/{id}",                          null,                  "200 404 404 | 200 200 200"),
            new Row("GET /pipe/{id}/thumbnail.svg",           "GET",    "/pipe/{id}/thumbnail.svg",            null,                  "200 404 404 | 200 200 200"),
            new Row("GET /pipe/{id}/delete",                  "GET",    "/pipe/{id}/delete",                   null,                  "200 404 302 | 200 403 302"),
            new Row("POST /pipe/{id}/delete",                 "POST",   "/pipe/{id}/delete",                   null,                  "303 404 303 | 303 403 303"),
            new Row("POST /pipe/{id}/like",                   "POST",   "/pipe/{id}/like",                     null,                  "403 404 303 | 403 303 303"),
            new Row("POST /pipe/{id}/unlike",                 "POST",   "/pipe/{id}/unlike",                   null,                  "403 404 303 | 403 303 303"),
            new Row("POST /pipe/{id}/share",                  "POST",   "/pipe/{id}/share",                    null,                  "303 404 303 | 303 403 303"),
            new Row("POST /pipe/{id}/unshare",                "POST",   "/pipe/{id}/unshare",                  null,                  "303 404 303 | 303 403 303"),
            new Row("POST /pipe/{id}/tags",                   "POST",   "/pipe/{id}/tags",                     null,                  "303 404 303 | 303 403 303"),
            new Row("POST /pipe/{id}/fork",                   "POST",   "/pipe/{id}/fork",                     null,                  "303 404 303 | 303 303 303"),
            new Row("POST /pipe/{id}/duplicate",              "POST",   "/pipe/{id}/duplicate",                null,                  "303 404 303 | 303 403 303"),
            new Row("POST /pipe/{id}/versions/{version}/rollback", "POST", "/pipe/{id}/versions/1/rollback",   null,                  "303 404 303 | 303 403 303"),
            new Row("POST /pipe/{id}/alerts",                 "POST",   "/pipe/{id}/alerts",                   null,                  "303 404 303 | 303 403 303"),
            // The block catalogue is public.
            new Row("GET /api/blocks",                        "GET",    "/api/blocks",                         null,                  "200 200 200 | 200 200 200"),
            // Editor: the page is open to all (it asks to log in at save); a private pipe's editor is its owner's alone.
            new Row("GET /editor",                            "GET",    "/editor",                             null,                  "200 200 200 | 200 200 200"),
            new Row("GET /editor",                            "GET",    "/editor?fork={id}",                   null,                  "200 200 200 | 200 200 200"),
            new Row("GET /editor/{id}",                       "GET",    "/editor/{id}",                        null,                  "200 404 404 | 200 200 200"),
            // Editor inspector: the Extract picker's page is for logged-in users (no address: 400); others log in.
            new Row("GET /editor/picker",                     "GET",    "/editor/picker",                      null,                  "400 400 302 | 400 400 302"),
            // Webhooks need no login: the hook id (and its secret, when set) is the credential.
            new Row("POST /hook/{hookId}",                    "POST",   "/hook/0000000000",                    "{}",                  "404 404 404 | 404 404 404"),
            // Inbox attachments need no login: the random id in the pipe's feed is the credential (InboxDeliveryTest).
            new Row("GET /inbox/attachments/{id}",            "GET",    "/inbox/attachments/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null,  "404 404 404 | 404 404 404"),
            new Row("GET /inbox/attachments/{id}",            "GET",    "/inbox/attachments/..%2Fsluice.db",   null,                  "404 404 404 | 404 404 404"),
            // The WebSub hub is for subscribers' servers: no login, no session; the topic must be a
            // public pipe's feed and the callback must confirm. An empty request is 400 for everyone.
            new Row("POST /websub",                           "POST",   "/websub",                             null,                  "400 400 400 | 400 400 400"),
            // Settings and account: one's own only; anonymous callers are sent to log in. Changing
            // or deleting the account needs a browser session: an API token is refused (403).
            new Row("GET /settings",                          "GET",    "/settings",                           null,                  "200 200 302 | 200 200 302"),
            new Row("POST /settings/email",                   "POST",   "/settings/email",                     null,                  "403 403 302 | 403 403 302"),
            new Row("GET /settings/email/confirm",            "GET",    "/settings/email/confirm?token=made-up", null,                "400 400 302 | 400 400 302"),
            new Row("POST /settings/email/confirm",           "POST",   "/settings/email/confirm",             null,                  "403 403 302 | 403 403 302"),
            new Row("POST /settings/tokens",                  "POST",   "/settings/tokens",                    null,                  "303 303 302 | 303 303 302"),
            new Row("POST /settings/tokens/{id}/revoke",      "POST",   "/settings/tokens/999999/revoke",      null,                  "404 404 302 | 404 404 302"),
            new Row("GET /settings/export",                   "GET",    "/settings/export",                    null,                  "200 200 302 | 200 200 302"),
            new Row("POST /settings/import",                  "POST",   "/settings/import",                    "{}",                  "400 400 302 | 400 400 302"),
            new Row("POST /settings/delete",                  "POST",   "/settings/delete",                    null,                  "403 403 302 | 403 403 302"),
            new Row("GET /mypipes.opml",                      "GET",    "/mypipes.opml",                       null,                  "200 200 302 | 200 200 302"));
    // @formatter:on

    static TestServer server;
    static String ownerToken;
    static String otherToken;
    static long ownerId;
    /** Pipes carry a Webhook block with a secret once this build has the block. */
    static final boolean WEBHOOKS = Blocks.registry().find(WebhookBlocks.TYPE).isPresent();

    @BeforeAll
    static void start() {
        server = TestServer.standard();
        ownerToken = server.token("owner@example.org");
        otherToken = server.token("other@example.org");
        // Many pipes are made here; the plan's pipe limit is PipeApiTest's subject, not this one's.
        server.sluice.users().setPlan("owner@example.org", "pro");
        server.sluice.users().setPlan("other@example.org", "pro");
        ownerId = server.sluice.users().findByEmail("owner@example.org").orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> cases() {
        return ROWS.stream().flatMap(row -> Stream.of(Visibility.values()).flatMap(v -> Stream.of(Who.values())
                .map(who -> Arguments.of(row, v, who))));
    }

    @ParameterizedTest(name = "{0} as {2} on a {1} pipe")
    @MethodSource("cases")
    void eachCallerGetsWhatTheyMayAndNothingMore(Row row, Visibility visibility, Who who) {
        StoredPipe pipe = newPipe(visibility == Visibility.PUBLIC);
        String path = row.path().replace("{id}", pipe.id()).replace("{key}", pipe.feedKey());
        String token = switch (who) {
            case OWNER -> ownerToken;
            case OTHER -> otherToken;
            case ANONYMOUS -> null;
        };
        HttpResponse<String> r = server.send(row.method(), path, token, row.body());
        int expected = row.status(who, visibility);
        assertThat(r.statusCode()).as("%s as %s on a %s pipe: %s", row, who, visibility, r.body()).isEqualTo(expected);

        if (who != Who.OWNER) {
            String everything = r.headers().map() + r.body();
            if (!row.path().contains("{key}")) {
                assertThat(everything).as("the feed key, shown to a non-owner").doesNotContain(pipe.feedKey());
            }
            assertThat(everything).as("a Webhook secret, shown to a non-owner").doesNotContain(SECRET);
        }
        if (expected == 404 || expected == 401) {
            assertThat(r.body()).as("a refusal that tells about the pipe").doesNotContain(TITLE).doesNotContain("matrix-tag");
        }
        if (expected >= 400) {
            StoredPipe after = server.sluice.pipeRepository().find(pipe.id()).orElse(null);
            assertThat(after).as("a refused request changed the pipe").isEqualTo(pipe);
        }
    }

    @Test
    void everyRegisteredRouteHasARow() {
        Set<String> registered = new TreeSet<>(server.sluice.routes());
        Set<String> covered = ROWS.stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).as("routes in the matrix (left) and routes the server registers (right)")
                .isEqualTo(registered);
    }

    @Test
    void anUnknownOrRevokedTokenIsAnonymous() {
        StoredPipe pipe = newPipe(false);
        assertThat(server.send("GET", "/api/pipes/" + pipe.id(), "not-a-token", null).statusCode()).isEqualTo(404);
        assertThat(server.send("GET", "/api/pipes", "not-a-token", null).statusCode()).isEqualTo(401);
        String revoked = server.token("owner@example.org");
        assertThat(server.send("GET", "/api/pipes/" + pipe.id(), revoked, null).statusCode()).isEqualTo(200);
        server.revoke(revoked);
        assertThat(server.send("GET", "/api/pipes/" + pipe.id(), revoked, null).statusCode()).isEqualTo(404);
        assertThat(server.send("DELETE", "/api/pipes/" + pipe.id(), revoked, null).statusCode()).isEqualTo(401);
    }

    /** A fresh pipe of the owner for each case, so that a delete or share in one case cannot leak into another. */
    static StoredPipe newPipe(boolean isPublic) {
        String json = EMPTY;
        if (WEBHOOKS) {
            byte[] id = new byte[5];
            new SecureRandom().nextBytes(id);
            json = json.substring(0, json.length() - 2) + ",{\"id\":\"" + HexFormat.of().formatHex(id) + "\",\"type\":\""
                    + WebhookBlocks.TYPE + "\",\"userinputs\":[\"events\",\"" + SECRET + "\"],\"inputs\":[],\"textinputs\":[]}]}";
        }
        try {
            return server.sluice.pipes().create(ownerId,
                    new PipeRepository.Draft(TITLE, "", json, isPublic, List.of("matrix-tag")));
        } catch (PipeFormatException e) {
            throw new AssertionError(e);
        }
    }
}
