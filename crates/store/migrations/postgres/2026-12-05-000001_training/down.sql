DROP INDEX certificates_expiry;
DROP INDEX certificates_user;
DROP TABLE certificates;
DROP INDEX signing_keys_one_active;
DROP TABLE signing_keys;
