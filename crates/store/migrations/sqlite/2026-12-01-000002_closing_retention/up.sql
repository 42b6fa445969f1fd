-- Closing safely, retention and erasure.
--
-- A case is closed with a move-on plan (sealed under the person's data key, like every personal value),
-- when and by whom. Closing schedules follow-up check-ins as plan actions of kind 'follow_up'. After the
-- organisation's retention period (days after closure; six years unless the organisation chose otherwise)
-- a scheduled job erases the case: the person's wrapped data key is forgotten (crypto-shredding), and
-- erased_at records when. Only plaintext statistical facts remain.
ALTER TABLE cases ADD COLUMN closed_at TIMESTAMP;
ALTER TABLE cases ADD COLUMN closed_by TEXT REFERENCES users(id);
ALTER TABLE cases ADD COLUMN move_on_plan_ct BLOB;
ALTER TABLE cases ADD COLUMN erased_at TIMESTAMP;
CREATE INDEX cases_closed ON cases(status, closed_at);

ALTER TABLE case_plan_actions ADD COLUMN kind TEXT NOT NULL DEFAULT 'action'
    CHECK (kind IN ('action', 'follow_up'));

ALTER TABLE organisations ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 2190;
