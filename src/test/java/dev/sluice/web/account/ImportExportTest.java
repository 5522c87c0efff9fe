package dev.sluice.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.PipeRepository;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export of all one's pipes and import of an export (ours or Pipes CE's) from the settings page. */
class ImportExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String OWNER = "exporter@example.org";

    AccountFixture f;
    String session;
    User owner;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        // A small pipe limit, so the plan's cap can be met with a few pipes.
        Path plans = dir.resolve("plans.json");
        Files.writeString(plans, "{\"free\":{\"runLimitMs\":10000,\"maxPipes\":4,\"jsRendering\":false},"
                + "\"pro\":{\"runLimitMs\":30000,\"maxPipes\":5000,\"jsRendering\":true}}");
        f = new AccountFixture(Map.of("SLUICE_PLANS_FILE", plans.toString()));
        owner = f.user(OWNER);
        session = f.server.session(OWNER);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void anExportDeletedAndImportedAgainGivesBackTheSamePipes() throws Exception {
        create("Rust news & more", "Filtered <b>news</b>", Pipes.EMPTY, true, List.of("rust", "news"));
        create("", "", Pipes.withWebhook("my-own-secret"), false, List.of());
        create("Ünïcode “title”", "line one\nline two", Pipes.EMPTY, false, List.of("misc"));
        List<StoredPipe> before = sorted(f.server.sluice.pipeRepository().listByOwner(owner.id()));

        HttpResponse<String> export = f.get("/settings/export", session);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("sluice-pipes-").endsWith(".json\"");
        JsonNode doc = JSON.readTree(export.body());
        assertThat(doc.path("format").asText()).isEqualTo("sluice-export");
        assertThat(doc.path("pipes")).hasSize(3);
        assertThat(export.body()).as("the owner's own Webhook secret stays in their export").contains("my-own-secret");

        for (StoredPipe p : before) {
            f.server.sluice.pipes().delete(p.id());
        }
        assertThat(f.server.sluice.pipeRepository().listByOwner(owner.id())).isEmpty();

        Response imported = f.upload(session, "export.json", export.body().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.code()).isEqualTo(303);
        HttpResponse<String> page = f.follow(imported, session);
        assertThat(page.body()).contains("Imported 3 of 3 pipes.");

        List<StoredPipe> after = sorted(f.server.sluice.pipeRepository().listByOwner(owner.id()));
        assertThat(after).hasSize(3);
        for (int i = 0; i < 3; i++) {
            StoredPipe b = before.get(i);
            StoredPipe a = after.get(i);
            assertThat(a.title()).isEqualTo(b.title());
            assertThat(a.description()).isEqualTo(b.description());
            assertThat(a.tags()).isEqualTo(b.tags());
            assertThat(a.isPublic()).isEqualTo(b.isPublic());
            assertThat(JSON.readTree(a.json())).isEqualTo(JSON.readTree(b.json()));
        }
        // The imported Webhook block receives events again.
        String hookJson = after.stream().filter(p -> p.json().contains("WebhookBlock")).findFirst().orElseThrow().json();
        assertThat(f.count("SELECT COUNT(*) FROM hooks WHERE hook_id = ?", Pipes.hookIdOf(hookJson))).isEqualTo(1);
    }

    @Test
    void aPipesCeAccountExportImportsUnchanged() throws Exception {
        byte[] export = resource("pipes-ce-export.txt");
        Response r = f.upload(session, "pipes-ce.txt", export);
        assertThat(r.code()).isEqualTo(303);
        assertThat(f.follow(r, session).body()).contains("Imported 3 of 3 pipes.").contains("line 1").contains("line 3");
        List<StoredPipe> pipes = f.server.sluice.pipeRepository().listByOwner(owner.id());
        assertThat(pipes).hasSize(3).allSatisfy(p -> assertThat(p.isPublic()).isFalse());
        assertThat(pipes).extracting(StoredPipe::json).anySatisfy(json -> assertThat(json).contains("/rust|java/i"))
                .anySatisfy(json -> assertThat(json).contains("https://example.org/news.xml"));
    }

    @Test
    void eachPipeIsImportedOrRefusedWholeAndTheReportSaysWhy() throws Exception {
        String lines = Pipes.EMPTY + "\n"
                + "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\",\"userinputs\":[\"\"],\"inputs\":[{\"from\":\"gone\",\"from_output_slot\":0}],\"textinputs\":[]}]}\n"
                + "{\"blocks\":[{\"id\":\"output\",\"type\":\"NoSuchBlock\",\"userinputs\":[],\"inputs\":[],\"textinputs\":[]}]}\n"
                + "{not json at all\n";
        Response r = f.upload(session, "mixed.txt", lines.getBytes(StandardCharsets.UTF_8));
        assertThat(r.code()).isEqualTo(303);
        String page = f.follow(r, session).body();
        assertThat(page).contains("Imported 1 of 4 pipes.").contains("line 4").contains("refused: not valid JSON")
                .contains("gone").contains("NoSuchBlock");
        assertThat(f.count("SELECT COUNT(*) FROM pipes WHERE owner_id = ?", owner.id())).isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM pipe_versions v JOIN pipes p ON p.id = v.pipe_id WHERE p.owner_id = ?", owner.id()))
                .as("no version rows of refused pipes").isEqualTo(1);
    }

    @Test
    void theImportStopsAtThePlansPipeLimit() {
        create("Already here", "", Pipes.EMPTY, false, List.of());
        StringBuilder five = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            five.append(Pipes.EMPTY).append('\n');
        }
        Response r = f.upload(session, "five.txt", five.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.code()).isEqualTo(303);
        assertThat(f.follow(r, session).body()).contains("Imported 3 of 5 pipes.").contains("allows 4 pipes");
        assertThat(f.server.sluice.pipeRepository().countByOwner(owner.id())).isEqualTo(4);
    }

    @Test
    void aFileThatHoldsNoPipesIsRefusedAndChangesNothing() {
        Response r = f.upload(session, "photo.json", "\u0089PNG\r\n\u001a\n garbage".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.code()).isEqualTo(400);
        assertThat(f.server.sluice.pipeRepository().countByOwner(owner.id())).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefusedUnread() {
        byte[] huge = new byte[(int) ImportUpload.MAX_FILE + 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        Response r = f.upload(session, "huge.json", huge);
        assertThat(r.code()).isEqualTo(413);
        assertThat(f.server.sluice.pipeRepository().countByOwner(owner.id())).isZero();
    }

    @Test
    void aFormWithoutAFileIsRefused() {
        HttpResponse<String> r = f.post("/settings/import", session, "file", "not a file");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Choose an export file");
    }

    @Test
    void anotherUsersExportHoldsNoneOfMyPipes() throws Exception {
        create("Mine only", "", Pipes.withWebhook("secret-of-mine"), false, List.of());
        String other = f.server.session("someone-else@example.org");
        HttpResponse<String> r = f.get("/settings/export", other);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("pipes")).isEmpty();
        assertThat(r.body()).doesNotContain("Mine only").doesNotContain("secret-of-mine");
        assertThat(f.server.get("/settings/export").statusCode()).as("anonymous: to the login").isEqualTo(302);
    }

    @Test
    void aForgedImportFromAnotherSiteImportsNothing() {
        HttpResponse<String> r = f.server.post("/settings/import", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n" + Pipes.EMPTY + "\r\n--x--\r\n",
                "Cookie", dev.sluice.auth.Sessions.COOKIE + "=" + session, "Origin", "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(f.server.sluice.pipeRepository().countByOwner(owner.id())).isZero();
    }

    private void create(String title, String description, String json, boolean isPublic, List<String> tags) {
        try {
            f.server.sluice.pipes().create(owner, new PipeRepository.Draft(title, description, json, isPublic, tags));
        } catch (dev.sluice.pipe.PipeFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static List<StoredPipe> sorted(List<StoredPipe> pipes) {
        return pipes.stream().sorted(Comparator.comparing(StoredPipe::title)).toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportExportTest.class.getResourceAsStream("/account/" + name)) {
            return in.readAllBytes();
        }
    }
}
