package dev.sluice.block.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.app.Config;
import dev.sluice.block.Integrations;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SLUICE_RSSBRIDGE_URL, SLUICE_RSSBOX_URL and SLUICE_CHROMIUM as the server reads them. */
class IntegrationsConfigTest {

    @Test
    void unsetMeansNotConfigured() {
        assertThat(Config.from(Map.of()).integrations()).isEqualTo(Integrations.NONE);
    }

    @Test
    void setValuesAreUsed() {
        Integrations i = Config.from(Map.of("SLUICE_RSSBRIDGE_URL", " https://bridge.example/ ",
                "SLUICE_RSSBOX_URL", "http://box.example", "SLUICE_CHROMIUM", "/usr/bin/chromium")).integrations();
        assertThat(i.rssBridge()).contains("https://bridge.example/");
        assertThat(i.rssBox()).contains("http://box.example");
        assertThat(i.browser()).contains("/usr/bin/chromium");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SLUICE_RSSBRIDGE_URL", "SLUICE_RSSBOX_URL"})
    void aGatewayThatIsNotAnHttpUrlStopsStartUp(String key) {
        assertThatThrownBy(() -> Config.from(Map.of(key, "bridge.example")))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining(key).hasMessageContaining("http(s) URL");
    }
}
