package dev.sluice.block.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.Main;
import dev.sluice.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sluice run} reads the gateway settings from the environment like the server does. */
class CommandLineRunTest {

    @Test
    void sluiceRunReachesTheConfiguredRssBridge() throws Exception {
        try (GatewayStandIn gateway = new GatewayStandIn()) {
            Path dir = TestServer.tempDir();
            Path pipe = dir.resolve("reddit.json");
            Files.writeString(pipe, "{\"blocks\":[{\"id\":\"output\",\"type\":\"OutputBlock\","
                    + "\"inputs\":[{\"from\":\"r\",\"from_output_slot\":0}]},"
                    + "{\"id\":\"r\",\"type\":\"RedditBlock\",\"userinputs\":[\"rust\"]}]}");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.execute(Map.of("SLUICE_DATA_DIR", dir.toString(), "SLUICE_ALLOW_PRIVATE_NETWORKS", "true",
                            "SLUICE_RSSBRIDGE_URL", gateway.url("/bridge/")),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    "run", pipe.toString());
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(code).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("First post").contains("Second post");
            assertThat(gateway.paths()).containsExactly("/bridge/?action=display&bridge=Reddit&context=single&r=rust&format=Atom");
        }
    }
}
