-- Training certificates and the key that signs them.
--
-- signing_keys: one row per signing key. The secret is stored only wrapped by the master key (wrapped_key:
-- the vault's envelope under its signing-key subkey, bound to the key's id); the public key is kept as it
-- is, for publishing. id is 16 hex characters of SHA-256 of the public key, the id every token names.
-- master_key_id says which master key wrapped it (for a rotation of the master key). At most one key per
-- purpose is active (retired_at NULL): the partial unique index enforces it, and makes two processes that
-- create the first key at the same moment keep one. A retired key stays, so certificates it signed still
-- check.
CREATE TABLE signing_keys (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    purpose TEXT NOT NULL CHECK (purpose IN ('certificate')),
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    wrapped_key BLOB NOT NULL,
    master_key_id TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    retired_at TIMESTAMP
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys(purpose) WHERE retired_at IS NULL;

-- certificates: one row per certificate issued (a pass of a course's quiz). code is the verification code
-- (WM-XXXX-XXXX-XXXX-XXXX). holder_name is the holder's display name as it was on the day, and nothing
-- else about them; the other columns are what the signed token says, and token is that token exactly
-- (base64url payload "." base64url signature, signed by key_id). A revocation sets revoked_at, revoked_by
-- and a short reason together, once.
CREATE TABLE certificates (
    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 22),
    user_id TEXT NOT NULL REFERENCES users(id),
    key_id TEXT NOT NULL REFERENCES signing_keys(id),
    course_id TEXT NOT NULL,
    course_version INTEGER NOT NULL CHECK (course_version >= 0),
    nation TEXT NOT NULL CHECK (nation IN ('england_wales', 'scotland', 'northern_ireland')),
    holder_name TEXT NOT NULL,
    issued_on DATE NOT NULL,
    expires_on DATE NOT NULL CHECK (expires_on >= issued_on),
    token TEXT NOT NULL,
    revoked_at TIMESTAMP,
    revoked_by TEXT REFERENCES users(id),
    revoke_reason TEXT CHECK (length(revoke_reason) <= 200),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE INDEX certificates_user ON certificates(user_id, issued_on);
CREATE INDEX certificates_expiry ON certificates(expires_on);
