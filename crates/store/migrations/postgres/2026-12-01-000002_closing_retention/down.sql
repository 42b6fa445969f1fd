ALTER TABLE organisations DROP COLUMN retention_days;
ALTER TABLE case_plan_actions DROP COLUMN kind;
DROP INDEX cases_closed;
ALTER TABLE cases DROP COLUMN erased_at;
ALTER TABLE cases DROP COLUMN move_on_plan_ct;
ALTER TABLE cases DROP COLUMN closed_by;
ALTER TABLE cases DROP COLUMN closed_at;
