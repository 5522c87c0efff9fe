package dev.sluice.inbox;

import dev.sluice.pipe.BlockSpec;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.WebhookBlocks;
import dev.sluice.store.InboxRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox addresses of saved pipes: an Inbox block's id, in lower case, is the local part of
 * its mail address. Pipe saves keep the table in step ({@link #check} before, {@link #sync}
 * after); {@link #repair()} rebuilds it at start-up in case the process died between saving a
 * pipe and indexing it.
 *
 * <p>The id is the address's only secret, so it must be hard to guess: the editor makes every
 * block id from 40 random bits (10 hex digits), forks and duplicates get fresh ones, and an id
 * shorter than 10 characters is refused. An address belongs to the first pipe that claimed it; a
 * later pipe with the same block id (a copy) is refused on save and never receives that mail.
 */
public final class InboxAddresses {
    private static final Logger LOG = LoggerFactory.getLogger(InboxAddresses.class);
    /** The Inbox block type in pipe JSON. */
    public static final String TYPE = WebhookBlocks.INBOX_TYPE;
    /** What an Inbox block's id may be: the local part of a mail address, long enough not to be guessed. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{10,64}");

    private final InboxRepository inboxes;

    public InboxAddresses(InboxRepository inboxes) {
        this.inboxes = inboxes;
    }

    /** The address (local part) of the Inbox block {@code blockId}: mail addresses are read case-insensitively. */
    public static String addressOf(String blockId) {
        return blockId.toLowerCase(Locale.ROOT);
    }

    /** The addresses of {@code doc}'s Inbox blocks whose ids can be addresses. */
    static Set<String> addressesOf(PipeDoc doc) {
        Set<String> out = new LinkedHashSet<>();
        for (BlockSpec block : doc.blocks()) {
            if (TYPE.equals(block.type()) && ID.matcher(block.id()).matches()) {
                out.add(addressOf(block.id()));
            }
        }
        return out;
    }

    /** The Inbox block ids of {@code doc}, in order. */
    public static List<String> blockIdsOf(PipeDoc doc) {
        return doc.blocks().stream().filter(b -> TYPE.equals(b.type())).map(BlockSpec::id).toList();
    }

    /**
     * Refuses a pipe about to be saved (as {@code selfId}; null for a new pipe) whose Inbox blocks
     * cannot have addresses: an id that is no safe local part, two ids that differ only in case,
     * or an address another pipe already has.
     */
    public void check(PipeDoc doc, String selfId) throws PipeFormatException {
        List<PipeFormatException.Problem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (BlockSpec block : doc.blocks()) {
            if (!TYPE.equals(block.type())) {
                continue;
            }
            if (!ID.matcher(block.id()).matches()) {
                problems.add(PipeFormatException.Problem.ofBlock(block, "an Inbox block's id is its mail address: "
                        + "use 10 to 64 letters, digits, '-' or '_' (the editor makes a random one)"));
                continue;
            }
            String address = addressOf(block.id());
            if (seen.putIfAbsent(address, block.id()) != null) {
                problems.add(PipeFormatException.Problem.ofBlock(block,
                        "two Inbox blocks would share the address " + address + "; give one a new id"));
                continue;
            }
            Optional<String> holder = inboxes.pipeOf(address);
            if (holder.isPresent() && !holder.get().equals(selfId)) {
                problems.add(PipeFormatException.Problem.ofBlock(block, "another pipe already receives mail at this "
                        + "block's address; give the block a new id (add a new Inbox block instead of a copy)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new PipeFormatException(problems);
        }
    }

    /** Makes the inboxes of pipe {@code pipeId} those of {@code doc}; a removed block's mail goes with it. */
    public void sync(String pipeId, PipeDoc doc) {
        Set<String> taken = inboxes.replace(pipeId, addressesOf(doc));
        if (!taken.isEmpty()) {
            LOG.warn("Inbox blocks {} of pipe {} receive no mail: another pipe has those addresses", taken, pipeId);
        }
    }

    /** Forgets the inboxes of a deleted pipe, with all their mail. */
    public void remove(String pipeId) {
        inboxes.removeAll(pipeId);
    }

    /** Rebuilds the addresses of every pipe that has (or had) Inbox blocks. Answers how many pipes were indexed. */
    public int reindex() {
        List<String> ids = inboxes.pipesToReindex(TYPE);
        for (String id : ids) {
            inboxes.reindex(id, json -> {
                try {
                    return Optional.of(addressesOf(PipeCodec.parse(json)));
                } catch (PipeFormatException e) {
                    // Its mail stays: an unreadable pipe is a bug to fix, not a reason to lose mail.
                    LOG.warn("Stored pipe {} cannot be read for its inboxes: {}", id, e.getMessage());
                    return Optional.empty();
                }
            });
        }
        return ids.size();
    }

    /** {@link #reindex()} as a start-up job: a failure is logged, saves keep the table up to date meanwhile. */
    public void repair() {
        try {
            int pipes = reindex();
            if (pipes > 0) {
                LOG.info("Inbox addresses checked for {} pipes", pipes);
            }
        } catch (RuntimeException e) {
            LOG.warn("Inbox address repair failed; pipe saves keep the addresses up to date meanwhile", e);
        }
    }
}
