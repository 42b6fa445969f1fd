ALTER TABLE formal_referrals DROP COLUMN exploitation_types;
