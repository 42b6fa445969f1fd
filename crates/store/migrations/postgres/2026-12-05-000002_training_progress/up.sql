-- A helper's learning: the modules they marked as read, and each attempt at a course's quiz (the answer
-- chosen for each question, the score and whether it passed). No personal field beyond the account: the
-- course content is public, and a score is about the helper's training, not about anyone they help.
CREATE TABLE training_progress (
    user_id TEXT NOT NULL REFERENCES users(id),
    course_id TEXT NOT NULL,
    module_id TEXT NOT NULL,
    read_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, course_id, module_id)
);
CREATE TABLE training_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    course_id TEXT NOT NULL,
    course_version INTEGER NOT NULL,
    answers TEXT NOT NULL,
    correct INTEGER NOT NULL,
    total INTEGER NOT NULL,
    passed BOOLEAN NOT NULL,
    attempted_at TIMESTAMP NOT NULL
);
CREATE INDEX training_attempts_user ON training_attempts(user_id, course_id, attempted_at);
