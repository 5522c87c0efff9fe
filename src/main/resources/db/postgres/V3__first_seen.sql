-- First-seen dates of undated generated items: per pipe, block and guid.
CREATE TABLE first_seen (
    pipe_id       TEXT    NOT NULL,
    block_id      TEXT    NOT NULL,
    guid          TEXT    NOT NULL,
    first_seen_at BIGINT  NOT NULL,
    PRIMARY KEY (pipe_id, block_id, guid)
);
CREATE INDEX first_seen_age ON first_seen (first_seen_at);
