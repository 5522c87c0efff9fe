package dev.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.app.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SLUICE_REDIS_URL (README's configuration table): read without connecting, refused clearly, password never shown. */
class RedisUrlConfigTest {

    @Test
    void withoutTheVariableEveryNodeRunsAlone() {
        assertThat(Config.from(Map.of()).redis()).isNull();
        assertThat(Config.from(Map.of("SLUICE_REDIS_URL", " ")).redis()).isNull();
    }

    @Test
    void readsHostPortDatabaseAndPassword() {
        RedisAddress address = Config.from(Map.of("SLUICE_REDIS_URL", "redis://:pa55word@cache.internal:6380/3")).redis();

        assertThat(address.uri().getHost()).isEqualTo("cache.internal");
        assertThat(address.uri().getPort()).isEqualTo(6380);
        assertThat(address.uri().getDatabase()).isEqualTo(3);
        assertThat(new String(address.uri().getPassword())).isEqualTo("pa55word");
        assertThat(address.uri().isSsl()).isFalse();
        assertThat(address.toString()).isEqualTo("redis://***@cache.internal:6380/3");
    }

    @Test
    void rediss_usesTlsAndTheDefaultPort() {
        RedisAddress address = Config.from(Map.of("SLUICE_REDIS_URL", "rediss://user:pw@cache.example")).redis();

        assertThat(address.uri().isSsl()).isTrue();
        assertThat(address.uri().getPort()).isEqualTo(6379);
        assertThat(address.uri().getUsername()).isEqualTo("user");
        assertThat(Config.from(Map.of("SLUICE_REDIS_URL", "rediss://user:pw@cache.example")).toString()).doesNotContain("pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cache.internal:6379", "http://cache.internal", "redis://", "redis://:pw@/0",
        "redis://cache.internal/db7", "redis://cache.internal:99999", "redis://cache internal", "redis-sentinel://h"})
    void refusesWhatIsNotARedisUrlNamingTheVariable(String url) {
        assertThatThrownBy(() -> Config.from(Map.of("SLUICE_REDIS_URL", url)))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageStartingWith("SLUICE_REDIS_URL ");
    }

    @Test
    void aRefusalNeverShowsThePassword() {
        assertThatThrownBy(() -> Config.from(Map.of("SLUICE_REDIS_URL", "redis://:hunter2@cache.internal/x")))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("cache.internal")
                .hasMessageNotContaining("hunter2");
    }
}
