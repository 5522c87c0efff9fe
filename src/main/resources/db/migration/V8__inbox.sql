-- Newsletter inbox: Inbox blocks of saved pipes and the mail they received.

-- One row per Inbox block of a saved pipe, kept in step with the pipes on every save: the address
-- is the block's id in lower case (the local part of <id>@<SLUICE_MAIL_DOMAIN>). The first pipe
-- to claim an address keeps it.
CREATE TABLE inboxes (
    address TEXT NOT NULL PRIMARY KEY,
    pipe_id TEXT NOT NULL REFERENCES pipes (id) ON DELETE CASCADE
);
CREATE INDEX inboxes_pipe ON inboxes (pipe_id);

-- Accepted mails, parsed, stored (and committed) before the SMTP "250" is sent. message_key is
-- the Message-ID, or a hash of the message when it has none: a repeated delivery is kept once.
CREATE TABLE inbox_mails (
    id           INTEGER PRIMARY KEY,
    address      TEXT    NOT NULL REFERENCES inboxes (address) ON DELETE CASCADE,
    received_at  INTEGER NOT NULL,
    envelope_from TEXT   NOT NULL DEFAULT '',
    message_key  TEXT    NOT NULL,
    subject      TEXT    NOT NULL DEFAULT '',
    author       TEXT    NOT NULL DEFAULT '',
    sent_at      INTEGER,
    html         TEXT    NOT NULL DEFAULT '',
    text_body    TEXT    NOT NULL DEFAULT '',
    problem      TEXT    NOT NULL DEFAULT '',
    size         INTEGER NOT NULL
);
CREATE UNIQUE INDEX inbox_mails_key ON inbox_mails (address, message_key);
CREATE INDEX inbox_mails_age ON inbox_mails (address, received_at);
CREATE INDEX inbox_mails_received ON inbox_mails (received_at);

-- Attachments (and inline images) of stored mails. The id is random and long: it is the
-- download URL's only credential. body is NULL for one larger than the attachment limit (listed, not kept).
CREATE TABLE inbox_attachments (
    id           TEXT    NOT NULL PRIMARY KEY,
    mail_id      INTEGER NOT NULL REFERENCES inbox_mails (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    file_name    TEXT    NOT NULL DEFAULT '',
    content_type TEXT    NOT NULL DEFAULT 'application/octet-stream',
    content_id   TEXT    NOT NULL DEFAULT '',
    size         INTEGER NOT NULL,
    body         BLOB
);
CREATE INDEX inbox_attachments_mail ON inbox_attachments (mail_id, position);
