package dev.sluice.cli;

import dev.sluice.app.Main;
import dev.sluice.app.PipeImport;
import dev.sluice.app.Sluice;
import dev.sluice.feed.OutputFormat;
import dev.sluice.model.User;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice import <file>}: stores the pipes of a Pipes CE account export (one pipe JSON per
 * line), of a Sluice export, or a single pipe JSON file, printing {@code id, title, feed URL}
 * per stored pipe. Invalid entries are reported and skipped; the exit code is then 2. The
 * reading and validating is {@link PipeImport}'s, shared with the settings page.
 */
@Command(name = "import", description = "Import pipes from a Pipes CE export, a Sluice export or a pipe JSON file.")
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--owner", defaultValue = "admin@localhost", description = "Owner's e-mail (default: ${DEFAULT-VALUE}).")
    String owner;

    @Option(names = "--public", description = "Share the imported pipes publicly.")
    boolean isPublic;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int failures = 0;
        try (Sluice sluice = Sluice.open(main.config())) {
            User user = sluice.users().findOrCreate(owner);
            List<PipeImport.Outcome> outcomes = new PipeImport(sluice.pipes()).asOperator(user, PipeImport.read(text), isPublic);
            for (PipeImport.Outcome outcome : outcomes) {
                switch (outcome) {
                    case PipeImport.Outcome.Imported imported -> out.println(imported.pipe().id() + "\t"
                            + imported.pipe().title() + "\t" + sluice.outputs().feedUrl(imported.pipe(), OutputFormat.RSS));
                    case PipeImport.Outcome.Refused refused -> {
                        err.println("sluice import: " + refused.where() + ": " + refused.reason());
                        failures++;
                    }
                }
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 2;
    }
}
