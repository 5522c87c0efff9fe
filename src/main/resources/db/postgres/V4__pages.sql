-- Web pages: how often each pipe's feed is requested, and how each pipe's last real run ended.
ALTER TABLE pipes ADD COLUMN use_count BIGINT NOT NULL DEFAULT 0;
CREATE INDEX pipes_public_use ON pipes (is_public, use_count);

CREATE TABLE pipe_runs (
    pipe_id     TEXT    NOT NULL PRIMARY KEY REFERENCES pipes (id) ON DELETE CASCADE,
    outcome     TEXT    NOT NULL,
    error_count INTEGER NOT NULL,
    finished_at BIGINT  NOT NULL
);
