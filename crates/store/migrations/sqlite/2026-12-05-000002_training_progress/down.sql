DROP INDEX training_attempts_user;
DROP TABLE training_attempts;
DROP TABLE training_progress;
