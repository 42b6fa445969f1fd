-- Requests between a decision body and the organisation that referred: the body asks for more
-- information (with a reply deadline) and the referrer answers; the referrer asks for a negative decision
-- to be reconsidered, with reasons. Questions, answers and reasons are sealed under the decision body's
-- person key (the same key as its copy of the person), so erasing that copy erases them too.
CREATE TABLE formal_requests (
    id TEXT PRIMARY KEY NOT NULL,
    formal_referral_id TEXT NOT NULL REFERENCES formal_referrals(id),
    kind TEXT NOT NULL CHECK (kind IN ('information', 'reconsideration')),
    text_ct BYTEA NOT NULL,
    asked_by TEXT NOT NULL REFERENCES users(id),
    asked_at TIMESTAMP NOT NULL,
    reply_by DATE,
    reply_ct BYTEA,
    replied_by TEXT REFERENCES users(id),
    replied_at TIMESTAMP,
    CHECK ((kind = 'information') = (reply_by IS NOT NULL))
);
CREATE INDEX formal_requests_referral ON formal_requests(formal_referral_id, asked_at);
