DROP INDEX messages_channel;
DROP TABLE messages;
DROP TABLE channels;
ALTER TABLE referrals DROP COLUMN message_ct;
ALTER TABLE referrals DROP COLUMN urgency;
