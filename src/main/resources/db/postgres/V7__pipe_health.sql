-- Pipe health and alerts: the last runs of each saved pipe, its health as those runs left it, the
-- owner's alert settings, incidents (at most one open per pipe and kind) and the alert mails they
-- owe. Times are epoch milliseconds (UTC).

-- The newest runs per pipe (50 are kept), written in batches behind the requests that ran them.
CREATE TABLE pipe_run_history (
    id          TEXT    NOT NULL PRIMARY KEY,
    pipe_id     TEXT    NOT NULL REFERENCES pipes (id) ON DELETE CASCADE,
    finished_at BIGINT  NOT NULL,
    outcome     TEXT    NOT NULL,
    duration_ms INTEGER NOT NULL,
    item_count  INTEGER NOT NULL,           -- -1: the output was data, not items
    errors      TEXT    NOT NULL DEFAULT '' -- one message per line
);
CREATE INDEX pipe_run_history_pipe ON pipe_run_history (pipe_id, finished_at);

-- Per pipe, what its runs add up to: failed runs in a row, and when an item last was new.
CREATE TABLE pipe_health (
    pipe_id          TEXT    NOT NULL PRIMARY KEY REFERENCES pipes (id) ON DELETE CASCADE,
    last_run_at      BIGINT  NOT NULL,
    failures         INTEGER NOT NULL,
    failing_since    BIGINT ,
    last_error       TEXT    NOT NULL DEFAULT '',
    last_ok_at       BIGINT ,
    last_new_item_at BIGINT ,
    item_keys        BYTEA
);

-- What the owner wants to be mailed about.
CREATE TABLE pipe_alerts (
    pipe_id           TEXT    NOT NULL PRIMARY KEY REFERENCES pipes (id) ON DELETE CASCADE,
    on_failure        INTEGER NOT NULL DEFAULT 0,
    stale_after_hours INTEGER NOT NULL DEFAULT 0, -- 0: no watch on new items
    updated_at        BIGINT  NOT NULL
);

-- A stretch of failing (FAILING) or of no new items (STALE); cleared_at is null while it lasts.
CREATE TABLE pipe_incidents (
    id         TEXT    NOT NULL PRIMARY KEY,
    pipe_id    TEXT    NOT NULL REFERENCES pipes (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    since      BIGINT  NOT NULL,
    opened_at  BIGINT  NOT NULL,
    last_error TEXT    NOT NULL DEFAULT '',
    cleared_at BIGINT 
);
CREATE UNIQUE INDEX pipe_incidents_open ON pipe_incidents (pipe_id, kind) WHERE cleared_at IS NULL;
CREATE INDEX pipe_incidents_cleared ON pipe_incidents (cleared_at);

-- The mails an incident owes (its opening and its clearing), each claimed by a conditional
-- update before it is sent, so no restart or second job sends one twice. Several notices sent
-- in one mail share its mail_id; sent_at counts mails against the per-owner hourly limit.
CREATE TABLE alert_notices (
    id          TEXT    NOT NULL PRIMARY KEY,
    incident_id TEXT    NOT NULL REFERENCES pipe_incidents (id) ON DELETE CASCADE,
    owner_id    BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    state       TEXT    NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    mail_id     TEXT,
    sent_at     BIGINT ,
    UNIQUE (incident_id, kind)
);
CREATE INDEX alert_notices_state ON alert_notices (state, owner_id, created_at);
CREATE INDEX alert_notices_sent ON alert_notices (owner_id, sent_at);
