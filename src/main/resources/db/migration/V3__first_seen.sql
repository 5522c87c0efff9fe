-- First-seen dates of undated generated items (SPEC §4): per pipe, block and guid, so a feed
-- reader sees the same date on every poll. Rows older than the retention are deleted in batches.

CREATE TABLE first_seen (
    pipe_id       TEXT    NOT NULL,
    block_id      TEXT    NOT NULL,
    guid          TEXT    NOT NULL,
    first_seen_at INTEGER NOT NULL,
    PRIMARY KEY (pipe_id, block_id, guid)
) WITHOUT ROWID;
CREATE INDEX first_seen_age ON first_seen (first_seen_at);
