package dev.sluice.app;

import dev.sluice.cli.BackupCommand;
import dev.sluice.cli.ImportCommand;
import dev.sluice.cli.RunCommand;
import dev.sluice.cli.ServeCommand;
import dev.sluice.cli.TokenCommand;
import dev.sluice.cli.UserCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command: {@code serve} (the default), {@code run}, {@code import}, {@code user}, {@code token}, {@code backup}. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "Sluice " + Sluice.VERSION,
        description = "Self-hosted visual feed mashups.",
        subcommands = {ServeCommand.class, RunCommand.class, ImportCommand.class, UserCommand.class, TokenCommand.class, BackupCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {
    private final Map<String, String> env;
    private final PrintStream out;

    private Main(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(execute(System.getenv(), System.out, System.err, args));
    }

    /**
     * Runs the command line with the given environment and streams; returns its exit code
     * (0 ok, 2 bad input, 1 failure). Tests call this directly.
     */
    public static int execute(Map<String, String> env, PrintStream out, PrintStream err, String... args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        CommandLine cli = new CommandLine(new Main(env, out));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("sluice: " + e.getMessage());
            return 1;
        });
        return cli.execute(effective);
    }

    /** The settings from this invocation's environment. */
    public Config config() {
        return Config.from(env);
    }

    /** Standard output as bytes, for commands that print feeds. */
    public PrintStream out() {
        return out;
    }
}
