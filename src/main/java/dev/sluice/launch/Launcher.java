package dev.sluice.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's entry point, compiled for Java 11 so that {@code java -jar sluice.jar} works even
 * where the default {@code java} is older than the 21 Sluice needs: on an older runtime it finds
 * an installed JDK 21+ (SLUICE_JAVA, JAVA_HOME, the usual JDK folders) and runs Sluice on it,
 * passing arguments, standard streams, exit code and termination signals through.
 */
public final class Launcher {
    static final int REQUIRED = 21;
    static final String MAIN = "dev.sluice.app.Main";
    /** The first JDK that writes an ahead-of-time cache from a run by itself (-XX:AOTCacheOutput). */
    static final int AOT_CACHE = 25;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() >= REQUIRED) {
            Class.forName(MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
            return;
        }
        Path java = findJava();
        if (java == null) {
            System.err.println("Sluice needs Java " + REQUIRED + " or newer, and this is Java "
                    + Runtime.version().feature() + ". Install a JDK " + REQUIRED
                    + "+ or point SLUICE_JAVA (a java binary) or JAVA_HOME at one.");
            System.exit(1);
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(startupCache(java, Path.of(System.getProperty("java.class.path")),
                Path.of(System.getProperty("java.io.tmpdir")), List.of(args)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy(); // SIGTERM: Sluice shuts down gracefully
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        System.exit(child.waitFor());
    }

    /**
     * A start-up cache for this jar and JDK, kept in the temp folder and named after the jar's
     * path, size and time and the JDK, so a rebuilt jar or another JDK gets its own. On JDK 25+
     * the server gets an ahead-of-time cache: the first start records which classes it loads and
     * links and how its methods ran (the start-up warm-up included) and writes the cache as it
     * stops; later starts begin with those classes loaded and linked and the JIT compiling from
     * the recorded profiles, so the first requests meet faster code sooner. Other commands, and
     * older JDKs, get a dynamic class-data-sharing archive of the classes they load.
     */
    static List<String> startupCache(Path java, Path classPath, Path tmp, List<String> args) {
        try {
            Path jar = classPath.toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                return List.of();
            }
            String identity = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|" + java;
            String name = "sluice-" + Integer.toHexString(identity.hashCode());
            Path home = java.toAbsolutePath().getParent().getParent();
            boolean serving = args.isEmpty() || args.get(0).equals("serve");
            if (serving && featureVersion(home) >= AOT_CACHE) {
                Path cache = tmp.resolve(name + ".aot");
                return List.of(Files.isRegularFile(cache) ? "-XX:AOTCache=" + cache : "-XX:AOTCacheOutput=" + cache,
                        "-Xlog:aot=off", "-Xlog:cds=off");
            }
            Path archive = tmp.resolve(name + ".jsa");
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The newest java binary of version 21+, or null. */
    static Path findJava() throws IOException {
        List<Path> homes = new ArrayList<>();
        String explicit = System.getenv("SLUICE_JAVA");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        for (String root : new String[] {"/usr/lib/jvm", "/opt/java", "/usr/java", "/Library/Java/JavaVirtualMachines"}) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path e : entries) {
                        homes.add(e);
                        homes.add(e.resolve("Contents/Home"));
                    }
                }
            }
        }
        Path best = null;
        int bestVersion = 0;
        for (Path home : homes) {
            int version = featureVersion(home);
            Path bin = home.resolve("bin").resolve("java");
            if (version >= REQUIRED && version > bestVersion && Files.isExecutable(bin)) {
                best = bin;
                bestVersion = version;
            }
        }
        return best;
    }

    /** The feature version from a JDK's {@code release} file (JAVA_VERSION="25.0.1"), or 0. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "").strip();
                    String first = v.split("[.+-]")[0];
                    int major = Integer.parseInt(first);
                    return major == 1 ? Integer.parseInt(v.split("\\.")[1]) : major;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
