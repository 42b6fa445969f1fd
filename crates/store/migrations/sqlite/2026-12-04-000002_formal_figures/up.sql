-- A decision body's performance figures: outcomes by exploitation type.
--
-- The types of exploitation a formal referral records are inside its sealed package, which only the body's
-- decision makers open one at a time. They are also kept here as a coarse category (the same vocabulary
-- ids, comma-separated, as anonymous_notifications.exploitation_types), set when the referral is made, so
-- figures can count them without opening anyone's package. Referrals made before this change record none
-- ('': the figures count them as "none recorded").
ALTER TABLE formal_referrals ADD COLUMN exploitation_types TEXT NOT NULL DEFAULT '';
