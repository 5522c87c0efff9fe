-- Settings and account (SPEC §10, §12): pending changes of a user's e-mail address. As with
-- login links, only the hash of the link token is stored; a used link keeps used_at so a second
-- click can be told "already used".
CREATE TABLE email_changes (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    new_email  TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX email_changes_user ON email_changes (user_id);
CREATE INDEX email_changes_expiry ON email_changes (expires_at);
