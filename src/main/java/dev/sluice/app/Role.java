package dev.sluice.app;

/**
 * What a node does when several share one database ({@code SLUICE_ROLE}). Every role serves HTTP
 * (a jobs node answers {@code /healthz} and {@code /metrics} like any other); what differs is
 * whether the node runs the background jobs that work on the shared data — retention, sweeps,
 * index repairs, pipe health, the WebSub refresher. Such a job runs on one node at a time even
 * when several nodes may run it: each run takes the job's lock in the database first.
 */
public enum Role {
    /** Serves requests and may run the background jobs (the default, and all a single node needs). */
    ALL,
    /** Serves requests only; the background jobs are left to other nodes. */
    WEB,
    /** Runs the background jobs; a proxy need not send it requests. */
    JOBS;

    public boolean runsJobs() {
        return this != WEB;
    }
}
