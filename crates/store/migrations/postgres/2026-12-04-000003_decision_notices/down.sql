DROP INDEX decision_notices_referral;
DROP TABLE decision_notices;
