package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The editor offers the Inbox block where the server receives mail, and shows each block's own address. */
class InboxEditorBrowserTest {
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.forBrowser(Map.of("SLUICE_SMTP_LISTEN", "127.0.0.1:0", "SLUICE_MAIL_DOMAIN", "inbox.test"));
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void aNewInboxBlockShowsItsAddressReadOnly() {
        browser.logIn(server, "reader@example.org");
        EditorDriver editor = new EditorDriver(browser, server).open("/editor");
        assertThat(editor.paletteEntry("InboxBlock").getText()).contains("Inbox");
        String id = editor.drag("InboxBlock", 300, 200);
        var address = editor.field(id, 0);
        assertThat(address.getAttribute("value")).isEqualTo(id + "@inbox.test").matches("[0-9a-f]{10}@inbox\\.test");
        assertThat(address.getAttribute("readonly")).isNotNull();
        assertThat(editor.field(id, 1).getAttribute("value")).as("items shown by default").isEqualTo("20");
        browser.screenshot("editor-inbox-block");
        editor.noConsoleErrors();
    }
}
