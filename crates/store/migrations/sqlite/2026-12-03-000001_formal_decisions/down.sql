DROP INDEX formal_referrals_case;
DROP INDEX formal_referrals_body;
DROP TABLE formal_referrals;
