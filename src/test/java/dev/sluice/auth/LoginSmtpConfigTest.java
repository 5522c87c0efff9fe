package dev.sluice.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.app.Config;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code SLUICE_SMTP_*}: defaults per TLS mode, clear errors for bad values, no password in logs. */
class LoginSmtpConfigTest {

    private static Config config(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return Config.from(env);
    }

    @Test
    void withoutAHostThereIsNoSmtp() {
        assertThat(config().smtp().configured()).isFalse();
        assertThat(config("SLUICE_SMTP_PORT", "25").smtp().configured()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"'', STARTTLS, 587", "starttls, STARTTLS, 587", "TLS, IMPLICIT, 465", "none, NONE, 25"})
    void eachTlsModeHasItsUsualPort(String mode, SmtpSettings.Tls tls, int port) {
        SmtpSettings smtp = config("SLUICE_SMTP_HOST", "mail.example.org", "SLUICE_SMTP_TLS", mode).smtp();
        assertThat(smtp.tls()).isEqualTo(tls);
        assertThat(smtp.port()).isEqualTo(port);
    }

    @Test
    void everySettingIsRead() {
        SmtpSettings smtp = config("SLUICE_SMTP_HOST", "mail.example.org", "SLUICE_SMTP_PORT", "2525",
                "SLUICE_SMTP_USER", "sluice", "SLUICE_SMTP_PASSWORD", "hunter2", "SLUICE_SMTP_FROM", "login@example.org",
                "SLUICE_SMTP_TLS", "none").smtp();
        assertThat(smtp).isEqualTo(new SmtpSettings("mail.example.org", 2525, "sluice", "hunter2", "login@example.org",
                SmtpSettings.Tls.NONE));
        assertThat(smtp.toString()).doesNotContain("hunter2");
    }

    @Test
    void theSenderDefaultsToTheSitesHost() {
        SmtpSettings smtp = config("SLUICE_SMTP_HOST", "mail.example.org", "SLUICE_BASE_URL", "https://pipes.example.org").smtp();
        assertThat(smtp.from()).isEqualTo("Sluice <sluice@pipes.example.org>");
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> config("SLUICE_SMTP_HOST", "m", "SLUICE_SMTP_TLS", "maybe"))
                .hasMessageContaining("SLUICE_SMTP_TLS");
        assertThatThrownBy(() -> config("SLUICE_SMTP_HOST", "m", "SLUICE_SMTP_PORT", "smtp"))
                .hasMessageContaining("SLUICE_SMTP_PORT");
        assertThatThrownBy(() -> config("SLUICE_BASE_URL", "sluice.example.org"))
                .hasMessageContaining("SLUICE_BASE_URL");
    }
}
