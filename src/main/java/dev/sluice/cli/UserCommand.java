package dev.sluice.cli;

import dev.sluice.app.Config;
import dev.sluice.app.Main;
import dev.sluice.plan.Plan;
import dev.sluice.plan.Plans;
import dev.sluice.store.Database;
import dev.sluice.store.Stores;
import dev.sluice.store.UserRepository;
import java.io.PrintWriter;
import java.time.InstantSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sluice user plan EMAIL PLAN}: the admin puts an account on a plan. Exit 2,
 * changing nothing, for an unknown plan (the message lists the plans) or an unknown user. A
 * running server sees the new plan on the user's next run.
 */
@Command(name = "user", description = "Manage accounts.")
public final class UserCommand {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Command(name = "plan", description = "Put an account on a plan (free, supporter, pro or those of SLUICE_PLANS_FILE).")
    int plan(@Parameters(index = "0", paramLabel = "EMAIL") String email,
             @Parameters(index = "1", paramLabel = "PLAN") String planName) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config = main.config();
        Plans plans = Plans.load(config.plansFile(), config.runLimitOverride());
        if (!plans.exists(planName)) {
            err.println("sluice user plan: unknown plan \"" + planName + "\"; the plans are: " + String.join(", ", plans.names()));
            return 2;
        }
        try (Database db = Database.open(config.database())) {
            UserRepository users = Stores.on(db, InstantSource.system()).users();
            if (!users.setPlan(email, planName)) {
                err.println("sluice user plan: no such user " + email);
                return 2;
            }
        }
        Plan plan = plans.get(planName);
        out.println(email.strip() + " is now on the " + plan.name() + " plan: run limit "
                + seconds(plan.runLimit().toMillis()) + " s, " + plan.maxPipes() + " pipes, JS rendering "
                + (plan.jsRendering() ? "on" : "off"));
        return 0;
    }

    /** "10" for 10,000 ms, "0.7" for 700 ms. */
    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
