ALTER TABLE messages DROP COLUMN notice;
