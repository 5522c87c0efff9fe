package dev.sluice.hook;

import dev.sluice.block.Options;
import dev.sluice.block.input.WebhookBlock;
import dev.sluice.pipe.BlockSpec;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final Database db;

    public HookIndex(Database db) {
        this.db = db;
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
        Map<String, Hook> hooks = hooksOf(pipeId, doc);
        db.transaction(c -> {
            write(c, pipeId, hooks);
            return null;
        });
    }

    /** Forgets the hooks of a deleted pipe; retention then removes their events in batches. */
    public void remove(String pipeId) {
        db.transaction(c -> {
            write(c, pipeId, Map.of());
            return null;
        });
    }

    public Optional<Hook> find(String hookId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT pipe_id, secret FROM hooks WHERE hook_id = ?")) {
                st.setString(1, hookId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Hook(hookId, rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Rebuilds the rows of every pipe that has Webhook blocks or had hooks: cheap, because only
     * pipes whose JSON mentions the block type are read. Each pipe is re-read and re-indexed in
     * one transaction, so a save happening meanwhile is never overwritten with older blocks.
     * Answers how many pipes were indexed.
     */
    public int reindex() {
        List<String> ids = db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM pipes WHERE pipe_json LIKE ? "
                    + "UNION SELECT pipe_id FROM hooks")) {
                st.setString(1, "%" + WebhookBlock.TYPE.name() + "%");
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
        for (String id : ids) {
            db.transaction(c -> {
                write(c, id, hooksOf(id, storedDoc(c, id)));
                return null;
            });
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
    private static PipeDoc storedDoc(Connection c, String pipeId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pipe_json FROM pipes WHERE id = ?")) {
            st.setString(1, pipeId);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    return PipeCodec.parse(rs.getString(1));
                }
            }
        } catch (PipeFormatException e) {
            LOG.warn("Stored pipe {} cannot be read for its webhooks: {}", pipeId, e.getMessage());
        }
        return new PipeDoc(List.of(), null);
    }

    private static void write(Connection c, String pipeId, Map<String, Hook> hooks) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM hooks WHERE pipe_id = ?")) {
            del.setString(1, pipeId);
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO hooks (hook_id, pipe_id, secret) VALUES (?, ?, ?) ON CONFLICT (hook_id) DO NOTHING")) {
            for (Hook hook : hooks.values()) {
                if (!HOOK_ID.matcher(hook.hookId()).matches()) {
                    continue;
                }
                ins.setString(1, hook.hookId());
                ins.setString(2, pipeId);
                ins.setString(3, hook.secret());
                if (ins.executeUpdate() == 0) {
                    LOG.warn("Webhook block {} of pipe {} is ignored: another pipe has that hook id", hook.hookId(), pipeId);
                }
            }
        }
    }
}
