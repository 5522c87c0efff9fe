package dev.sluice.cli;

import dev.sluice.app.Main;
import dev.sluice.auth.ApiTokenRefused;
import dev.sluice.auth.ApiTokens;
import dev.sluice.auth.NewApiToken;
import dev.sluice.model.User;
import dev.sluice.store.Database;
import dev.sluice.store.Stores;
import dev.sluice.store.UserRepository;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice token create EMAIL [--name NAME]}: creates an API token for the account (created
 * on the free plan if new) and prints it — alone on standard output, so scripts can capture it —
 * this one time; only its hash is stored.
 */
@Command(name = "token", description = "Manage API tokens.")
public final class TokenCommand {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Command(name = "create", description = "Create an API token for an account and print it (shown only this once).")
    int create(@Parameters(index = "0", paramLabel = "EMAIL") String email,
               @Option(names = "--name", paramLabel = "NAME", description = "What the token is for (default: \"API token\").")
               String name) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!EMAIL.matcher(email.strip()).matches()) {
            err.println("sluice token create: \"" + email + "\" is not an e-mail address");
            return 2;
        }
        try (Database db = Database.open(main.config().database())) {
            InstantSource clock = InstantSource.system();
            Stores stores = Stores.on(db, clock);
            UserRepository users = stores.users();
            User user = users.findOrCreate(email);
            NewApiToken created = new ApiTokens(stores.apiTokens(), users, clock).create(user.id(), name);
            out.println(created.value());
            err.println("API token " + created.token().id() + " (\"" + created.token().name() + "\") for " + user.email()
                    + ": it is shown only this once; send it as \"Authorization: Bearer <token>\"");
            return 0;
        } catch (ApiTokenRefused e) {
            err.println("sluice token create: " + e.getMessage());
            return 2;
        }
    }
}
