-- Consent records and onward referral between organisations in Waymark.
--
-- A consent (or, for a child, the safeguarding basis) names what may be shared (scopes, a comma list of
-- vocabulary ids), with whom (an organisation), why (the purpose, sealed under the person's data key), and
-- when and how it was given; it can be withdrawn. An onward referral is a new referral row for the
-- receiving organisation, made under one consent; its package (the consented parts of the case, sealed
-- under the new person's key) waits here until the referral is accepted, and is then dropped.

CREATE TABLE case_consents (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    scopes TEXT NOT NULL,
    recipient_org_id TEXT NOT NULL REFERENCES organisations(id),
    purpose_ct BLOB NOT NULL,
    basis TEXT NOT NULL CHECK (basis IN ('consent', 'safeguarding')),
    method TEXT NOT NULL,
    given_on DATE NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users(id),
    withdrawn_at TIMESTAMP,
    withdrawn_by TEXT REFERENCES users(id),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX case_consents_case ON case_consents(case_id);

CREATE TABLE onward_referrals (
    referral_id TEXT PRIMARY KEY NOT NULL REFERENCES referrals(id),
    case_id TEXT NOT NULL REFERENCES cases(id),
    consent_id TEXT NOT NULL REFERENCES case_consents(id),
    scopes TEXT NOT NULL,
    package_ct BLOB,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX onward_referrals_case ON onward_referrals(case_id);
CREATE INDEX onward_referrals_consent ON onward_referrals(consent_id);
