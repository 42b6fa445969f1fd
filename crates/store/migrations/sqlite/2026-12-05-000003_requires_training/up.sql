-- An organisation may require a valid training certificate before helpers may refer to it.
ALTER TABLE organisations ADD COLUMN requires_training BOOLEAN NOT NULL DEFAULT 0;
