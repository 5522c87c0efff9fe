-- Web pages (SPEC §10): how often each pipe's feed is requested ("most used" in the gallery),
-- counted in memory and added here in periodic batches; and how each pipe's last real run ended.

ALTER TABLE pipes ADD COLUMN use_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX pipes_public_use ON pipes (is_public, use_count);

CREATE TABLE pipe_runs (
    pipe_id     TEXT    NOT NULL PRIMARY KEY REFERENCES pipes (id) ON DELETE CASCADE,
    outcome     TEXT    NOT NULL,
    error_count INTEGER NOT NULL,
    finished_at INTEGER NOT NULL
);
