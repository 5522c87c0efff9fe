-- Accounts (SPEC §12–§14): generated secrets, login links, sessions, API tokens, likes, webhooks.
-- Every secret value a user holds (link token, session id, API token) is stored only as a hash.

CREATE TABLE secrets (
    name       TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE login_links (
    token_hash TEXT    PRIMARY KEY,
    email      TEXT    NOT NULL,
    next_path  TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX login_links_expiry ON login_links (expires_at);

CREATE TABLE sessions (
    id_hash      TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE pipe_likes (
    pipe_id    TEXT    NOT NULL REFERENCES pipes (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (pipe_id, user_id)
);

-- Webhook blocks of saved pipes, kept in step with the pipes on every save: a hook id is the
-- Webhook block's id (exact match), its secret the block's userinputs[1] ('' = none).
CREATE TABLE hooks (
    hook_id TEXT NOT NULL PRIMARY KEY,
    pipe_id TEXT NOT NULL REFERENCES pipes (id) ON DELETE CASCADE,
    secret  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX hooks_pipe ON hooks (pipe_id);

-- Accepted webhook events, stored before the 202 is sent.
CREATE TABLE hook_events (
    id           INTEGER PRIMARY KEY,
    hook_id      TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,
    content_type TEXT    NOT NULL DEFAULT '',
    body         BLOB    NOT NULL,
    body_hash    TEXT    NOT NULL,
    delivery_id  TEXT
);
CREATE UNIQUE INDEX hook_events_delivery ON hook_events (hook_id, delivery_id) WHERE delivery_id IS NOT NULL;
CREATE INDEX hook_events_hash ON hook_events (hook_id, body_hash, received_at);
CREATE INDEX hook_events_age ON hook_events (hook_id, received_at);
