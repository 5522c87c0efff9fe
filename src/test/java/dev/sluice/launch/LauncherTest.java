package dev.sluice.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which start-up cache the launcher gives the JVM it starts: an ahead-of-time cache for the
 * server on JDK 25+, recorded by the first start and used by the later ones; a class-data-sharing
 * archive for other commands and older JDKs; nothing when Sluice does not run from a jar.
 */
class LauncherTest {
    @TempDir
    Path dir;

    private Path jdk(String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return Files.createDirectories(home.resolve("bin")).resolve("java");
    }

    private Path jar() throws IOException {
        return Files.writeString(dir.resolve("sluice.jar"), "not really a jar");
    }

    @Test
    void theServerOnJdk25RecordsAnAheadOfTimeCacheFirstAndUsesItAfter() throws IOException {
        Path java = jdk("25.0.1");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path jar = jar();
        List<String> first = Launcher.startupCache(java, jar, tmp, List.of("serve"));
        assertTrue(first.get(0).startsWith("-XX:AOTCacheOutput=" + tmp), first.toString());
        Files.writeString(Path.of(first.get(0).substring("-XX:AOTCacheOutput=".length())), "recorded");
        List<String> later = Launcher.startupCache(java, jar, tmp, List.of());
        assertEquals(first.get(0).replace("AOTCacheOutput", "AOTCache"), later.get(0), "no arguments means serve");
    }

    @Test
    void otherCommandsAndOlderJdksGetAClassDataSharingArchive() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        assertEquals("-XX:+AutoCreateSharedArchive", Launcher.startupCache(jdk("25"), jar(), tmp, List.of("import", "x")).get(0));
        assertEquals("-XX:+AutoCreateSharedArchive", Launcher.startupCache(jdk("21.0.4"), jar(), tmp, List.of("serve")).get(0));
    }

    @Test
    void withoutAJarThereIsNoCache() throws IOException {
        assertEquals(List.of(), Launcher.startupCache(jdk("25"), dir, dir, List.of("serve")));
    }
}
