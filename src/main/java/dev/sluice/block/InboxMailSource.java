package dev.sluice.block;

import java.util.List;
import java.util.Optional;

/**
 * Where a run reads the mail of Inbox blocks from. The engine holds one and checks, before
 * handing mail to a block, that the inbox belongs to the pipe being run or to a pipe of the
 * run's owner; a run without a store (a pipe file run from the command line) has {@link #NONE}.
 */
public interface InboxMailSource {
    /** What a block reports when there is no mail store. */
    String UNAVAILABLE = "Inboxes are not available here: they need a running Sluice server";

    /** No mail store: every lookup fails with a clear message. */
    InboxMailSource NONE = new InboxMailSource() {
        @Override
        public Optional<String> pipeOf(String blockId) {
            throw new BlockError(UNAVAILABLE);
        }

        @Override
        public List<InboxMail> recent(String blockId, int limit) {
            throw new BlockError(UNAVAILABLE);
        }
    };

    /** The id of the saved pipe whose Inbox block has this id; empty when no saved pipe has it. */
    Optional<String> pipeOf(String blockId);

    /** The inbox's newest mails, newest first, at most {@code limit}. */
    List<InboxMail> recent(String blockId, int limit);
}
