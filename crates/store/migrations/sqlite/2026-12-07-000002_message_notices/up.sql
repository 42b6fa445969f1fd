-- An automatic notice to the person (a decision that took effect, an onward referral) is stored as
-- facts, sealed like every message, and said in the reader's language when shown: this marks which
-- messages hold such facts rather than text someone wrote.
ALTER TABLE messages ADD COLUMN notice BOOLEAN NOT NULL DEFAULT 0;
