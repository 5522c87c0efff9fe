package dev.sluice.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.User;
import dev.sluice.store.PipeRepository;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings page as its user, another user and nobody sees it; API tokens through its forms. */
class SettingsPageTest {
    private static final Pattern TOKEN = Pattern.compile("value=\"(slu_[A-Za-z0-9_-]{43})\"");
    static final String ME = "me@example.org";

    AccountFixture f;
    User me;
    String session;

    @BeforeEach
    void start() {
        f = new AccountFixture();
        me = f.user(ME);
        session = f.server.session(ME);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void showsTheAddressPlanAndLimits() throws Exception {
        f.server.sluice.pipes().create(me, new PipeRepository.Draft("One", "", Pipes.EMPTY, false, java.util.List.of()));
        HttpResponse<String> r = f.get("/settings", session);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(r.body()).contains(ME).contains("<dd>free</dd>").contains("<dd>10 s per run</dd>")
                .contains("<dd>1 of 50</dd>").contains("<dt>JavaScript rendering</dt><dd>no</dd>");
        f.server.sluice.users().setPlan(ME, "pro");
        assertThat(f.get("/settings", session).body()).contains("<dd>pro</dd>").contains("<dd>30 s per run</dd>")
                .contains("<dd>1 of 5000</dd>").contains("<dt>JavaScript rendering</dt><dd>yes</dd>");
    }

    @Test
    void anonymousVisitorsAreSentToLogIn() {
        HttpResponse<String> r = f.server.get("/settings");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/login?next=%2Fsettings");
        assertThat(f.server.get("/mypipes.opml").statusCode()).isEqualTo(302);
    }

    @Test
    void aNewTokenIsShownOnceAndWorksUntilRevoked() {
        HttpResponse<String> created = f.post("/settings/tokens", session, "name", "feed <script> reader");
        assertThat(created.statusCode()).isEqualTo(303);
        String page = f.follow(created, session).body();
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the token on the page").isTrue();
        String token = m.group(1);
        assertThat(page).contains("feed &lt;script&gt; reader").doesNotContain("<script>");
        assertThat(f.follow(created, session).body()).as("shown once").doesNotContain(token);
        assertThat(f.server.send("GET", "/api/pipes", token, null).statusCode()).isEqualTo(200);

        long id = f.server.sluice.tokens().list(me.id()).get(0).id();
        assertThat(f.get("/settings", session).body()).contains("/settings/tokens/" + id + "/revoke");
        HttpResponse<String> revoked = f.post("/settings/tokens/" + id + "/revoke", session);
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(f.follow(revoked, session).body()).as("said once, not again by the layout")
                .containsOnlyOnce("The token was revoked");
        assertThat(f.server.send("GET", "/api/pipes", token, null).statusCode()).isEqualTo(401);
        assertThat(f.post("/settings/tokens/" + id + "/revoke", session).statusCode()).as("revoked already").isEqualTo(404);
    }

    @Test
    void anotherUserCannotSeeOrRevokeMyTokens() {
        String mine = f.server.token(ME);
        long id = f.server.sluice.tokens().list(me.id()).get(0).id();
        String other = f.server.session("other@example.org");
        assertThat(f.get("/settings", other).body()).doesNotContain("/settings/tokens/" + id + "/revoke").doesNotContain(ME);
        HttpResponse<String> r = f.post("/settings/tokens/" + id + "/revoke", other);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(f.server.send("GET", "/api/pipes", mine, null).statusCode()).as("still works").isEqualTo(200);
    }

    @Test
    void aForgedPostFromAnotherSiteChangesNothing() {
        String mine = f.server.token(ME);
        long id = f.server.sluice.tokens().list(me.id()).get(0).id();
        assertThat(f.forged("/settings/tokens", session, "name", "evil").statusCode()).isEqualTo(403);
        assertThat(f.forged("/settings/tokens/" + id + "/revoke", session).statusCode()).isEqualTo(403);
        assertThat(f.server.post("/settings/tokens", AccountFixture.FORM, "name=x", "Cookie",
                dev.sluice.auth.Sessions.COOKIE + "=" + session).statusCode()).as("no origin at all").isEqualTo(403);
        assertThat(f.server.sluice.tokens().list(me.id())).hasSize(1);
        assertThat(f.server.send("GET", "/api/pipes", mine, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aTooLongTokenNameIsRefusedWithTheReason() {
        HttpResponse<String> r = f.post("/settings/tokens", session, "name", "x".repeat(101));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("at most 100 characters");
        assertThat(f.server.sluice.tokens().list(me.id())).isEmpty();
    }

    @Test
    void aMessageForOneUserIsNotShownToAnother() {
        HttpResponse<String> created = f.post("/settings/tokens", session, "name", "mine");
        String location = created.headers().firstValue("Location").orElseThrow();
        String other = f.server.session("other@example.org");
        assertThat(f.get(location.substring(0, location.indexOf('#')), other).body()).doesNotContain("slu_");
        assertThat(TOKEN.matcher(f.follow(created, session).body()).find()).as("still there for its user").isTrue();
    }
}
