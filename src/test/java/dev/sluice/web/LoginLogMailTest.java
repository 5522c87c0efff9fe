package dev.sluice.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sluice.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Without SMTP (development) the login link is written to the server log, and it works. */
class LoginLogMailTest {

    @Test
    void theLinkGoesToTheLogAndLogsIn() {
        Logger log = (Logger) LoggerFactory.getLogger("dev.sluice.auth.LogMailer");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        ch.qos.logback.classic.Level before = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        try (TestServer server = new TestServer(Map.of("SLUICE_BASE_URL", "http://sluice.test"))) {
            HttpResponse<String> sent = server.post("/login", "application/x-www-form-urlencoded", "email=dev%40example.org");
            assertThat(sent.statusCode()).isEqualTo(200);

            String logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).reduce("", String::concat);
            assertThat(logged).contains("No SMTP server configured").contains("dev@example.org");
            Matcher link = Pattern.compile("http://sluice\\.test(/login/verify\\?token=[A-Za-z0-9_-]{43})").matcher(logged);
            assertThat(link.find()).isTrue();
            HttpResponse<String> landed = server.get(link.group(1));
            assertThat(landed.statusCode()).isEqualTo(303);
            assertThat(LoginFixture.sessionCookie(landed)).isPresent();
        } finally {
            log.detachAppender(lines);
            log.setLevel(before);
        }
    }
}
