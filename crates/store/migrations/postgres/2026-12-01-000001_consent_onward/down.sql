DROP INDEX onward_referrals_consent;
DROP INDEX onward_referrals_case;
DROP TABLE onward_referrals;
DROP INDEX case_consents_case;
DROP TABLE case_consents;
