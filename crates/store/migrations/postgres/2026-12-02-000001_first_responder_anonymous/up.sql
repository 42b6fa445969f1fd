-- First responders and anonymous notifications.

-- Whether a support organisation is designated a first responder: only its caseworkers and managers make
-- formal referrals to the decision body and anonymous notifications. Set by the operator
-- (`waymark org first-responder`); no organisation is one until then.
ALTER TABLE organisations ADD COLUMN first_responder BOOLEAN NOT NULL DEFAULT FALSE;

-- An anonymous notification (the duty to notify) about an adult who does not consent to a referral. It
-- holds no personal field and nothing sealed: only ids from closed lists, a checked place name of at most
-- 60 characters, and a month. It is never for a child: the CHECK refuses any age but adult even if the
-- code above it were wrong.
CREATE TABLE anonymous_notifications (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organisations(id),
    created_by TEXT NOT NULL REFERENCES users(id),
    age_band TEXT NOT NULL CHECK (age_band = 'adult'),
    nationality TEXT NOT NULL CHECK (length(nationality) <= 9),
    exploitation_types TEXT NOT NULL,
    nation TEXT NOT NULL,
    area TEXT CHECK (length(area) <= 60),
    indicators TEXT NOT NULL,
    encountered_in TEXT CHECK (length(encountered_in) = 7),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX anonymous_notifications_org ON anonymous_notifications(org_id, created_at);
