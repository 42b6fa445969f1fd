DROP INDEX anonymous_notifications_org;
DROP TABLE anonymous_notifications;
ALTER TABLE organisations DROP COLUMN first_responder;
