-- The foundation: organisations, accounts, sessions, tokens, people's keys, referrals, cases, the audit log.
-- Personal fields are *_ct columns holding sealed envelopes; nothing personal is stored in plaintext.

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    nation TEXT,
    area TEXT,
    needs TEXT NOT NULL,
    data_sharing_policy TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organisations(id),
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL,
    locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX users_org ON users(org_id);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE persons (
    id TEXT PRIMARY KEY NOT NULL,
    wrapped_key BYTEA,
    master_key_id TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE referrals (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id),
    to_org_id TEXT NOT NULL REFERENCES organisations(id),
    from_org_id TEXT REFERENCES organisations(id),
    from_user_id TEXT REFERENCES users(id),
    status TEXT NOT NULL,
    age_band TEXT NOT NULL,
    nation TEXT NOT NULL,
    area TEXT,
    needs TEXT NOT NULL,
    indicators TEXT NOT NULL,
    first_contact TEXT NOT NULL,
    basis TEXT NOT NULL,
    policy_digest TEXT,
    name_ct BYTEA NOT NULL,
    contact_ct BYTEA NOT NULL,
    language_ct BYTEA NOT NULL,
    children_services_ct BYTEA,
    decline_reason_ct BYTEA,
    created_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP,
    answered_by TEXT REFERENCES users(id)
);
CREATE INDEX referrals_to_org ON referrals(to_org_id, created_at);
CREATE INDEX referrals_from_org ON referrals(from_org_id, created_at);

CREATE TABLE cases (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organisations(id),
    referral_id TEXT NOT NULL UNIQUE REFERENCES referrals(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    status TEXT NOT NULL,
    opened_at TIMESTAMP NOT NULL,
    opened_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX cases_org ON cases(org_id);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY NOT NULL,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    org_id TEXT,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    prev_hash BYTEA NOT NULL,
    hash BYTEA NOT NULL
);

-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
