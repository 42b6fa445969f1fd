DROP INDEX formal_requests_referral;
DROP TABLE formal_requests;
