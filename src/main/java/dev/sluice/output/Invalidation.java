package dev.sluice.output;

/**
 * Tells every Sluice node serving the same pipes that what it caches for one pipe is out of date:
 * on one node only this node ({@link LocalInvalidation}), on several all of them (through Redis).
 * The node that announces a change always forgets at once, before this returns, so its own next
 * request sees the change; the others follow as soon as the message reaches them.
 */
public interface Invalidation {

    /** The pipe was saved, shared or deleted: its lookup, compiled plan and outputs are out of date. */
    void pipeChanged(String pipeId);

    /** New input reached the pipe without a save (a webhook event): its outputs are out of date. */
    void contentChanged(String pipeId);

    /** Registers what this node forgets when told; called once, at start. */
    void listen(Caches caches);

    /** The caches of one node, as an announcement reaches them. */
    interface Caches {
        void forgetPipe(String pipeId);

        void forgetOutputs(String pipeId);

        /** Announcements may have been missed (the link to the other nodes was down): forget every pipe. */
        void forgetAll();
    }
}
