-- Self-referral and the codename channel.
--
-- A self-referral is a referral with no sending organisation (from_org_id NULL) and first_contact 'self'.
-- Its name and safe contact are optional: when the person gives none, the empty string is sealed, so
-- name_ct and contact_ct stay NOT NULL and every referral reads the same way.
-- How urgent is a coarse routing fact (plaintext, like needs); the person's own message is sealed.
ALTER TABLE referrals ADD COLUMN urgency TEXT;
ALTER TABLE referrals ADD COLUMN message_ct BYTEA;

-- One channel per self-referral, found only by the keyed Argon2id digest of its codename. Erasure at the
-- person's request clears the digest (the codename then finds nothing) and records when.
CREATE TABLE channels (
    id TEXT PRIMARY KEY NOT NULL,
    referral_id TEXT NOT NULL UNIQUE REFERENCES referrals(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    codename_digest BYTEA UNIQUE,
    created_at TIMESTAMP NOT NULL,
    erased_at TIMESTAMP,
    CHECK ((codename_digest IS NULL) = (erased_at IS NOT NULL))
);

-- Messages between the person and the organisation, sealed under the person's data key. An
-- organisation's message names the member of staff who wrote it; a person's never names anyone.
CREATE TABLE messages (
    id TEXT PRIMARY KEY NOT NULL,
    channel_id TEXT NOT NULL REFERENCES channels(id),
    sender TEXT NOT NULL CHECK (sender IN ('person', 'organisation')),
    author_user_id TEXT REFERENCES users(id),
    body_ct BYTEA NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CHECK ((sender = 'person') = (author_user_id IS NULL))
);
CREATE INDEX messages_channel ON messages(channel_id, created_at);
