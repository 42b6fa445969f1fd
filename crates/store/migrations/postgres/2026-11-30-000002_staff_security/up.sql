-- Staff security: a second factor (TOTP) for staff sign-in, recovery codes, a pending step between a
-- right password and the second factor, an idle timeout, and a list of one's own sessions.

-- The TOTP secret is sealed under the staff key (derived from the master key; never a person's data
-- key) with users/totp_secret_ct/<user id> as its context. It is set only once enrolment is confirmed
-- with a code; totp_last_step is the last 30-second step a code was accepted for (replay protection).
ALTER TABLE users ADD COLUMN totp_secret_ct BYTEA;
ALTER TABLE users ADD COLUMN totp_enrolled_at TIMESTAMP;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- One-time recovery codes, stored only as keyed SHA-256 digests (HMAC under the staff key, bound to the
-- account). A used code keeps its row with used_at set, so it can never be used again.
CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users(id),
    digest BYTEA NOT NULL,
    created_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    PRIMARY KEY (user_id, digest)
);

-- A right password whose second factor (or enrolment) is still to come. Its cookie grants nothing but
-- the right to type a code within a few minutes; only the digest of its secret is stored. An enrolment
-- holds the secret offered to the person, sealed, until a code confirms it.
CREATE TABLE pending_sign_ins (
    id_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    stage TEXT NOT NULL CHECK (stage IN ('code', 'enrol')),
    csrf_token TEXT NOT NULL,
    totp_secret_ct BYTEA,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    CHECK ((stage = 'enrol') = (totp_secret_ct IS NOT NULL))
);
CREATE INDEX pending_sign_ins_user ON pending_sign_ins(user_id);

-- Sessions gain a public id (to list and end them without showing the digest that finds them), when
-- they were last used (the idle timeout) and a coarse "browser on system" label — never an address.
-- Every existing session ends here: from now on signing in may need the second factor.
DROP TABLE sessions;
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    device TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
