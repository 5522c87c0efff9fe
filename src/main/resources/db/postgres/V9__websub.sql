-- WebSub (PostgreSQL): the built-in hub's subscriptions, and what each pipe output last announced.
-- The same tables and columns as the SQLite schema; times are epoch milliseconds (UTC) in BIGINT.

-- Verified subscriptions only: a request waiting for its callback to confirm lives in memory, so
-- a failed verification never replaces a working subscription. One row per topic and callback
-- (a new request for the pair renews it). The topic is the feed's canonical URL; the secret is
-- kept as given because every delivery is signed with it.
CREATE TABLE websub_subscriptions (
    topic         TEXT    NOT NULL,
    callback      TEXT    NOT NULL,
    pipe_id       TEXT    NOT NULL REFERENCES pipes (id) ON DELETE CASCADE,
    format        TEXT    NOT NULL,
    secret        TEXT,
    lease_seconds INTEGER NOT NULL,
    created_at    BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL,
    failures      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (topic, callback)
);
CREATE INDEX websub_subscriptions_pipe ON websub_subscriptions (pipe_id);
CREATE INDEX websub_subscriptions_expiry ON websub_subscriptions (expires_at);

-- Per pipe output (pipe and declared parameters): the hash of the items last announced, so that
-- subscribers are told of changed items only (not of a run that produced the same ones).
CREATE TABLE websub_topics (
    pipe_id    TEXT    NOT NULL REFERENCES pipes (id) ON DELETE CASCADE,
    params_key TEXT    NOT NULL,
    items_hash TEXT    NOT NULL,
    changed_at BIGINT  NOT NULL,
    PRIMARY KEY (pipe_id, params_key)
);
CREATE INDEX websub_topics_age ON websub_topics (changed_at);
