-- Core schema: accounts, pipes with their version history, and last good outputs.
-- Times are epoch milliseconds (UTC). Portable SQL where possible (SPEC §18: PostgreSQL later).

CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    email       TEXT    NOT NULL UNIQUE,
    plan        TEXT    NOT NULL DEFAULT 'free',
    created_at  INTEGER NOT NULL
);

CREATE TABLE pipes (
    id          TEXT    PRIMARY KEY,
    owner_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    pipe_json   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    is_public   INTEGER NOT NULL DEFAULT 0,
    feed_key    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    shared_at   INTEGER
);
CREATE INDEX pipes_owner ON pipes (owner_id, updated_at);
CREATE INDEX pipes_public ON pipes (is_public, shared_at);

CREATE TABLE pipe_tags (
    pipe_id TEXT NOT NULL REFERENCES pipes (id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (pipe_id, tag)
);
CREATE INDEX pipe_tags_tag ON pipe_tags (tag);

-- Every saved version, for history and rollback.
CREATE TABLE pipe_versions (
    pipe_id    TEXT    NOT NULL REFERENCES pipes (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    pipe_json  TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (pipe_id, version)
);

-- The last complete output of a pipe per parameter set: served when a run fails (stale-if-error),
-- and the source of Last-Modified ("when the content last changed").
CREATE TABLE last_outputs (
    pipe_id     TEXT    NOT NULL REFERENCES pipes (id) ON DELETE CASCADE,
    params_key  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    feed_json   BLOB    NOT NULL,
    content_tag TEXT    NOT NULL,
    computed_at INTEGER NOT NULL,
    changed_at  INTEGER NOT NULL,
    PRIMARY KEY (pipe_id, params_key)
);
CREATE INDEX last_outputs_age ON last_outputs (computed_at);
