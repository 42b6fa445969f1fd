-- Formal referral to an independent decision body, and the body's decisions.
--
-- The decision body's copy of the person: a new person (its own data key, wrapped by the master key), and
-- a package of only the fields that go (identity and exploitation history), sealed under that key. Only the
-- body's decision makers read it; the referring organisation sees the status and the dates. Reasons for
-- decisions are sealed under the same key. Dates are worked out by the clock rules in force, never here.
CREATE TABLE formal_referrals (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    from_org_id TEXT NOT NULL REFERENCES organisations(id),
    decision_body_id TEXT NOT NULL REFERENCES organisations(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    consent_id TEXT REFERENCES case_consents(id),
    basis TEXT NOT NULL CHECK (basis IN ('consent', 'safeguarding')),
    nation TEXT NOT NULL,
    package_ct BYTEA NOT NULL,
    status TEXT NOT NULL,
    referred_on DATE NOT NULL,
    reasonable_grounds_due DATE NOT NULL,
    rg_outcome TEXT,
    rg_reasons_ct BYTEA,
    rg_decided_on DATE,
    rg_decided_by TEXT REFERENCES users(id),
    rg_reviewed_by TEXT REFERENCES users(id),
    recovery_period_ends DATE,
    conclusive_earliest DATE,
    cg_outcome TEXT,
    cg_reasons_ct BYTEA,
    cg_decided_on DATE,
    cg_decided_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    updated_at TIMESTAMP NOT NULL,
    CHECK ((basis = 'consent') = (consent_id IS NOT NULL))
);
CREATE INDEX formal_referrals_body ON formal_referrals(decision_body_id, reasonable_grounds_due);
CREATE INDEX formal_referrals_case ON formal_referrals(case_id);
