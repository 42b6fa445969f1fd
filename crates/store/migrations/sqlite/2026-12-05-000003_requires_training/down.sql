ALTER TABLE organisations DROP COLUMN requires_training;
