-- Decision notices: each decision of a formal referral that took effect (a positive reasonable-grounds
-- decision, a negative one once a second decision maker confirmed it, a conclusive decision), or its
-- closure (withdrawn, left the UK, missing), as it was told.
--
-- A row keeps what the decision letter is written from, as it was on the day, so the letter does not change
-- if the referral is decided again later: the dates, and a copy of the reasons sealed under the decision
-- body's key (context decision_notices/reasons/<id>; NULL for a closure, which has no letter). The
-- threshold is not stored: it is the one in force on decided_on under the dated clock rules.
-- task_id is the plan action that tells the referring organisation's caseworker (NULL when the case had
-- been erased); it is not a foreign key because erasure removes open plan actions. person_told: a message
-- went to the person's codename channel.
CREATE TABLE decision_notices (
    id TEXT PRIMARY KEY NOT NULL,
    formal_referral_id TEXT NOT NULL REFERENCES formal_referrals(id),
    kind TEXT NOT NULL CHECK (kind IN ('reasonable_grounds_positive', 'reasonable_grounds_negative',
        'conclusive_positive', 'conclusive_negative', 'withdrawn', 'left_uk', 'missing')),
    decided_on DATE NOT NULL,
    confirmed_on DATE,
    recovery_period_ends DATE,
    conclusive_earliest DATE,
    reasons_ct BYTEA,
    task_id TEXT,
    person_told BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX decision_notices_referral ON decision_notices(formal_referral_id, created_at);
