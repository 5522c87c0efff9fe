package dev.sluice.app;

import dev.sluice.cli.ImportCommand;
import dev.sluice.cli.RunCommand;
import dev.sluice.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command: {@code serve} (the default), {@code run}, {@code import}. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "Sluice " + Sluice.VERSION,
        description = "Self-hosted visual feed mashups.",
        subcommands = {ServeCommand.class, RunCommand.class, ImportCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (0 ok, 2 bad input, 1 failure). */
    public static int execute(String... args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("sluice: " + e.getMessage());
            return 1;
        });
        return cli.execute(effective);
    }
}
