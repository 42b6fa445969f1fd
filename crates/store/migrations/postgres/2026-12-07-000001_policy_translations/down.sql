DROP TABLE organisation_policies;
