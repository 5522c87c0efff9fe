package dev.sluice.hook;

import dev.sluice.block.Options;
import dev.sluice.block.input.WebhookBlock;
import dev.sluice.pipe.BlockSpec;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.HookStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code hooks} table: one row per Webhook block of a saved pipe, so that an incoming request
 * finds its hook (and secret) with one indexed lookup instead of reading pipes. Pipe saves keep it
 * in step; {@link #reindex()} repairs it at start-up, in case the process died between saving a
 * pipe and indexing it.
 *
 * <p>A hook id belongs to the first pipe that claimed it. A later pipe with a block of the same id
 * (a copied block) is refused on save, and never takes the hook over — otherwise copying the id
 * of someone's Webhook block would hand over their events and let the copier change the secret.
 */
public final class HookIndex {
    private static final Logger LOG = LoggerFactory.getLogger(HookIndex.class);
    /** A hook id is the last segment of the hook URL, so it must be a plain URL segment. */
    static final Pattern HOOK_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final HookStore store;

    public HookIndex(HookStore store) {
        this.store = store;
    }

    /** The Webhook blocks of {@code doc} as the hooks of pipe {@code pipeId}, by hook id. */
    static Map<String, Hook> hooksOf(String pipeId, PipeDoc doc) {
        Map<String, Hook> hooks = new LinkedHashMap<>();
        for (BlockSpec block : doc.blocks()) {
            if (isWebhook(block)) {
                String secret = new Options(block.userinputs()).text(WebhookBlock.SECRET);
                hooks.putIfAbsent(block.id(), new Hook(block.id(), pipeId, secret.isBlank() ? "" : secret));
            }
        }
        return hooks;
    }

    private static boolean isWebhook(BlockSpec block) {
        return WebhookBlock.TYPE.name().equals(block.type());
    }

    /**
     * Refuses a pipe about to be saved (as {@code selfId}; null for a new pipe) whose Webhook
     * blocks cannot be hooks: an id that is no URL segment, or one another pipe's hook already has.
     */
    public void check(PipeDoc doc, String selfId) throws PipeFormatException {
        List<PipeFormatException.Problem> problems = new ArrayList<>();
        for (BlockSpec block : doc.blocks()) {
            if (!isWebhook(block)) {
                continue;
            }
            if (!HOOK_ID.matcher(block.id()).matches()) {
                problems.add(PipeFormatException.Problem.ofBlock(block,
                        "a Webhook block's id is part of its URL: use 1 to 64 letters, digits, '-' or '_'"));
                continue;
            }
            Optional<Hook> taken = find(block.id());
            if (taken.isPresent() && !taken.get().pipeId().equals(selfId)) {
                problems.add(PipeFormatException.Problem.ofBlock(block,
                        "another pipe already receives webhooks at this block's id; give the block a new id "
                                + "(add a new Webhook block instead of a copy)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new PipeFormatException(problems);
        }
    }

    /** Makes the hooks of pipe {@code pipeId} those of {@code doc}; ids another pipe holds stay its own. */
    public void sync(String pipeId, PipeDoc doc) {
        warnLeftOut(pipeId, store.replace(pipeId, rows(hooksOf(pipeId, doc))));
    }

    /** Forgets the hooks of a deleted pipe; retention then removes their events in batches. */
    public void remove(String pipeId) {
        store.replace(pipeId, List.of());
    }

    public Optional<Hook> find(String hookId) {
        return store.find(hookId).map(row -> new Hook(row.hookId(), row.pipeId(), row.secret()));
    }

    /**
     * Rebuilds the rows of every pipe that has Webhook blocks or had hooks: cheap, because only
     * pipes whose JSON mentions the block type are read. Each pipe is re-read and re-indexed in
     * one transaction, so a save happening meanwhile is never overwritten with older blocks.
     * Answers how many pipes were indexed.
     */
    public int reindex() {
        List<String> ids = store.pipesMentioning(WebhookBlock.TYPE.name());
        for (String id : ids) {
            warnLeftOut(id, store.reindex(id, json -> rows(hooksOf(id, storedDoc(id, json)))));
        }
        return ids.size();
    }

    /** {@link #reindex()} for a background job: logs instead of throwing. */
    public void repair() {
        try {
            int pipes = reindex();
            LOG.debug("Webhook index checked for {} pipes", pipes);
        } catch (RuntimeException e) {
            LOG.warn("Webhook index repair failed; pipe saves keep it up to date meanwhile", e);
        }
    }

    /** The stored pipe's blocks; no blocks when it is gone or unreadable. */
    private static PipeDoc storedDoc(String pipeId, String json) {
        if (json != null) {
            try {
                return PipeCodec.parse(json);
            } catch (PipeFormatException e) {
                LOG.warn("Stored pipe {} cannot be read for its webhooks: {}", pipeId, e.getMessage());
            }
        }
        return new PipeDoc(List.of(), null);
    }

    /** The hooks as rows; an id that is no URL segment never becomes one. */
    private static List<HookStore.Row> rows(Map<String, Hook> hooks) {
        return hooks.values().stream()
                .filter(hook -> HOOK_ID.matcher(hook.hookId()).matches())
                .map(hook -> new HookStore.Row(hook.hookId(), hook.pipeId(), hook.secret()))
                .toList();
    }

    private static void warnLeftOut(String pipeId, List<String> hookIds) {
        for (String hookId : hookIds) {
            LOG.warn("Webhook block {} of pipe {} is ignored: another pipe has that hook id", hookId, pipeId);
        }
    }
}
