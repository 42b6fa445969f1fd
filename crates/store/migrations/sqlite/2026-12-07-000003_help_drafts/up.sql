-- A request for help being written: the answers so far, kept between one question's page and the next so
-- that each answer is sent once and Back and Forward show the questions again without sending anything.
-- Sealed under a key of its own, wrapped by the master key; known by the digest of the handle the pages
-- carry. Deleted once the request is sent and its codename checked, when the person leaves with "Exit this
-- page", or an hour after the last answer.
CREATE TABLE help_drafts (
    id TEXT PRIMARY KEY NOT NULL,
    wrapped_key BLOB NOT NULL,
    master_key_id TEXT NOT NULL,
    answers_ct BLOB NOT NULL,
    codename_ct BLOB,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX help_drafts_expires_at ON help_drafts (expires_at);
