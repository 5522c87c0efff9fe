package dev.sluice.web.account;

import dev.sluice.app.PipeImport;
import java.util.List;

/** What the settings page shows once after a form was sent. */
sealed interface SettingsMessage {

    /** A sentence; {@code problem} when something was refused. */
    record Notice(String text, boolean problem) implements SettingsMessage {
        static Notice ok(String text) {
            return new Notice(text, false);
        }

        static Notice problem(String text) {
            return new Notice(text, true);
        }
    }

    /** A new API token, shown this once. */
    record TokenShown(String name, String value) implements SettingsMessage {
    }

    /** What an import did, pipe by pipe. */
    record ImportReport(List<PipeImport.Outcome> outcomes) implements SettingsMessage {
        long imported() {
            return outcomes.stream().filter(o -> o instanceof PipeImport.Outcome.Imported).count();
        }
    }
}
