package dev.sluice.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.app.Config;
import dev.sluice.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The receiver is off unless SLUICE_SMTP_LISTEN is set, needs SLUICE_MAIL_DOMAIN then, and says so clearly. */
class InboxConfigTest {
    @Test
    void withoutSmtpListenNothingListensAndTheInboxBlockSaysWhy() throws Exception {
        try (TestServer server = new TestServer(Map.of("SLUICE_MAIL_DOMAIN", "inbox.test"))) {
            assertThat(server.sluice.smtpPort()).isEmpty();
            assertThat(server.sluice.config().integrations().mail()).as("a domain alone receives nothing").isEmpty();
            for (JsonNode b : InboxFixtures.JSON.readTree(server.get("/api/blocks").body())) {
                if (b.get("type").asText().equals("InboxBlock")) {
                    assertThat(b.get("palette").asBoolean()).as("not offered without a receiver").isFalse();
                    assertThat(b.has("mailDomain")).isFalse();
                }
            }
            String id = InboxFixtures.newBlockId();
            server.save("owner@example.org", "No mail here", InboxFixtures.pipeWithInbox(id, ""), false);
            JsonNode run = InboxFixtures.JSON.readTree(server.send("POST", "/api/run", server.token("owner@example.org"),
                    "{\"pipe\":" + InboxFixtures.pipeWithInbox(id, "") + "}").body());
            assertThat(run.get("errors").get(0).get("message").asText()).contains("receives no mail", "SLUICE_SMTP_LISTEN");
        }
    }

    @Test
    void listeningNeedsAMailDomainAndAHostAndPort() {
        assertThatThrownBy(() -> Config.from(Map.of("SLUICE_SMTP_LISTEN", "127.0.0.1:2525")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("SLUICE_MAIL_DOMAIN");
        assertThatThrownBy(() -> Config.from(Map.of("SLUICE_SMTP_LISTEN", "127.0.0.1", "SLUICE_MAIL_DOMAIN", "inbox.test")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("SLUICE_SMTP_LISTEN").hasMessageContaining("host:port");
        assertThatThrownBy(() -> Config.from(Map.of("SLUICE_SMTP_LISTEN", "127.0.0.1:99999", "SLUICE_MAIL_DOMAIN", "inbox.test")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> Config.from(Map.of("SLUICE_SMTP_LISTEN", ":25", "SLUICE_MAIL_DOMAIN", "not a domain")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("SLUICE_MAIL_DOMAIN");

        Config config = Config.from(Map.of("SLUICE_SMTP_LISTEN", "[::1]:2525", "SLUICE_MAIL_DOMAIN", "Inbox.Example.org",
                "SLUICE_INBOX_MAX_MAIL_KB", "2048", "SLUICE_INBOX_KEEP_MAILS", "7"));
        assertThat(config.inbox().listen()).isEqualTo(new InboxSettings.Listen("::1", 2525));
        assertThat(config.inbox().domain()).isEqualTo("inbox.example.org");
        assertThat(config.inbox().maxMailBytes()).isEqualTo(2048 * 1024);
        assertThat(config.inbox().keepMails()).isEqualTo(7);
        assertThat(config.integrations().mail()).hasValue("inbox.example.org");
        assertThat(Config.from(Map.of()).inbox()).isEqualTo(InboxSettings.OFF);
    }

    @Test
    void aPortInUseStopsStartUpNamingTheSetting() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> InboxFixtures.receivingServer(Map.of("SLUICE_SMTP_LISTEN", "127.0.0.1:" + taken.getLocalPort())))
                    .hasMessageContaining("SLUICE_SMTP_LISTEN");
        }
    }
}
