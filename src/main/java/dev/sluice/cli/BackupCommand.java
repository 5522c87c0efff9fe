package dev.sluice.cli;

import dev.sluice.app.Main;
import dev.sluice.store.Backup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice backup FILE}: a consistent copy of the database, taken while the server runs
 * (SQLite online backup). Exit 2, writing nothing, when there is no database or FILE exists.
 */
@Command(name = "backup", description = "Copy the database to FILE while the server runs (SQLite online backup).")
public final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The new backup file (must not exist).")
    Path file;

    @Override
    public Integer call() {
        try {
            Backup.Result r = Backup.copy(main.config().database(), file);
            spec.commandLine().getOut().printf("Backed up %d pipes and %d users to %s (%,d bytes)%n",
                    r.pipes(), r.users(), r.file(), r.bytes());
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("sluice backup: " + e.getMessage());
            return 2;
        }
    }
}
