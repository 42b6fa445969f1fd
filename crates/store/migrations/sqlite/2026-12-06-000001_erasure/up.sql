-- Erasure notices: whoever held a copy of a person's details that an erasure reached (or, for a copy that
-- another organisation accepted, did not reach) is told here, with no personal detail: which of its
-- records, why (erasure: person, manager or retention) and whether its copy was erased (kept = false) or
-- stays its own (kept = true). One row per holder and record; erasing again adds nothing.
CREATE TABLE erasure_notices (
    org_id TEXT NOT NULL REFERENCES organisations(id),
    record_type TEXT NOT NULL CHECK (record_type IN ('case', 'referral', 'formal_referral')),
    record_id TEXT NOT NULL,
    erasure TEXT NOT NULL CHECK (erasure IN ('person', 'manager', 'retention')),
    kept BOOLEAN NOT NULL,
    at TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, record_type, record_id)
);

-- Break-the-glass reasons, sealed under the case's person key (context case_glass_reasons/reason/<id>),
-- so that they go with the case when it is erased. The audit log keeps only that a reason was given.
CREATE TABLE case_glass_reasons (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    at TIMESTAMP NOT NULL,
    reason_ct BLOB NOT NULL
);
CREATE INDEX case_glass_reasons_case ON case_glass_reasons(case_id, at);
