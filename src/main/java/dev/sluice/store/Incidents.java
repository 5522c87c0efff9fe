package dev.sluice.store;

import dev.sluice.model.Incident;
import dev.sluice.model.IncidentLog;
import java.time.Instant;
import java.util.List;

/**
 * Incidents and the notices they owe. At most one incident per pipe and kind is open (a unique
 * index), so two evaluations racing to open the same one open it once; opening and clearing each
 * add their notice in the same transaction, so an incident never exists without its mail.
 */
public interface Incidents {
    /** Opens an incident with its pending opening notice; false when one of this kind is already open. */
    boolean open(String pipeId, Incident.Kind kind, Instant since, String lastError, Instant now);

    /**
     * Clears an open incident; false when it was cleared already. With {@code notify}, a recovery
     * notice is added unless the opening one was never going to reach the owner (skipped or
     * undeliverable); without, it ends quietly (the owner changed what is watched).
     */
    boolean clear(Incident incident, Instant now, boolean notify);

    /** Every open incident of a kind. */
    List<Incident> open(Incident.Kind kind);

    /** A pipe's newest incidents, open or not, with their mails' states. */
    List<IncidentLog> recent(String pipeId, int limit);
}
