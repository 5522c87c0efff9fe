package dev.sluice.cli;

import dev.sluice.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code sluice} in-process against a data directory, capturing what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun sluice(Path dataDir, Map<String, String> extraEnv, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("SLUICE_DATA_DIR", dataDir.toString());
        int code = Main.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun sluice(Path dataDir, String... args) {
        return sluice(dataDir, Map.of(), args);
    }
}
