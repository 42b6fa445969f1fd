-- The case record: a reference per organisation, an assignee (need-to-know), the person, needs, the support
-- plan, notes, documents, exploitation history, risk assessments, blind indexes for search within the
-- organisation, and break-the-glass grants.
--
-- Every personal value is a *_ct column holding an envelope sealed under the person's data key, with the
-- table, column and row id as associated data. Plaintext holds only coarse facts: need ids and urgencies,
-- exploitation types, UK or abroad, dates, statuses, risk levels, document types and sizes, references.

-- A human-friendly reference (e.g. HL-2026-0007), unique per organisation, and the caseworker the case is
-- assigned to. Cases opened before this migration get CASE-<year>-<n> and the caseworker who opened them.
ALTER TABLE cases ADD COLUMN reference TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN assigned_to TEXT REFERENCES users(id);

-- The last reference number given per organisation and year.
CREATE TABLE case_reference_counters (
    org_id TEXT NOT NULL REFERENCES organisations(id),
    opened_year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (org_id, opened_year)
);

INSERT INTO case_reference_counters (org_id, opened_year, last_number)
SELECT org_id, CAST(strftime('%Y', opened_at) AS INTEGER), COUNT(*)
FROM cases GROUP BY org_id, strftime('%Y', opened_at);

UPDATE cases SET
    assigned_to = opened_by,
    reference = 'CASE-' || strftime('%Y', opened_at) || '-' || printf('%04d', (
        SELECT COUNT(*) FROM cases c2
        WHERE c2.org_id = cases.org_id
          AND strftime('%Y', c2.opened_at) = strftime('%Y', cases.opened_at)
          AND (c2.opened_at < cases.opened_at OR (c2.opened_at = cases.opened_at AND c2.id <= cases.id))
    ));

CREATE UNIQUE INDEX cases_org_reference ON cases(org_id, reference);
CREATE INDEX cases_assigned ON cases(assigned_to);

-- The person, as one sealed JSON document (names, aliases, date of birth or age, nationality, languages,
-- safe contact, addresses never to write to).
CREATE TABLE case_persons (
    case_id TEXT PRIMARY KEY NOT NULL REFERENCES cases(id),
    person_ct BLOB NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users(id)
);

-- The needs assessment: an urgency per need (plaintext, coarse), and a sealed note.
CREATE TABLE case_needs (
    case_id TEXT NOT NULL REFERENCES cases(id),
    need TEXT NOT NULL,
    urgency TEXT NOT NULL CHECK (urgency IN ('high', 'medium', 'low')),
    PRIMARY KEY (case_id, need)
);
CREATE TABLE case_needs_assessments (
    case_id TEXT PRIMARY KEY NOT NULL REFERENCES cases(id),
    note_ct BLOB,
    assessed_at TIMESTAMP NOT NULL,
    assessed_by TEXT NOT NULL REFERENCES users(id)
);

-- The support plan: actions with a sealed title, an owner and a due date.
CREATE TABLE case_plan_actions (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    title_ct BLOB NOT NULL,
    owner_id TEXT NOT NULL REFERENCES users(id),
    due_on DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done')),
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    done_at TIMESTAMP,
    done_by TEXT REFERENCES users(id),
    CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX case_plan_actions_case ON case_plan_actions(case_id, due_on);
CREATE INDEX case_plan_actions_owner ON case_plan_actions(owner_id, status, due_on);

CREATE TABLE case_notes (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    author_id TEXT NOT NULL REFERENCES users(id),
    body_ct BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX case_notes_case ON case_notes(case_id, created_at);

-- Documents: the type decided from the content, the size, and the name and content sealed.
CREATE TABLE case_documents (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'png', 'jpeg', 'text')),
    size_bytes BIGINT NOT NULL,
    filename_ct BLOB NOT NULL,
    content_ct BLOB NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX case_documents_case ON case_documents(case_id, uploaded_at);

-- Exploitation history: type, UK or abroad, dates (coarse), and a sealed note.
CREATE TABLE case_history (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    exploitation_type TEXT NOT NULL,
    place TEXT NOT NULL CHECK (place IN ('uk', 'abroad')),
    started_on DATE,
    ended_on DATE,
    note_ct BLOB,
    recorded_at TIMESTAMP NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX case_history_case ON case_history(case_id, recorded_at);

-- Risk-of-re-trafficking assessments, all kept; the latest is the current one.
CREATE TABLE case_risk_assessments (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    level TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
    reasons_ct BLOB NOT NULL,
    assessed_at TIMESTAMP NOT NULL,
    assessed_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX case_risk_assessments_case ON case_risk_assessments(case_id, assessed_at);

-- Blind indexes (HMAC under a key of the organisation's own) of the person's names and date of birth, for
-- exact-match search within the organisation.
CREATE TABLE case_index (
    case_id TEXT NOT NULL REFERENCES cases(id),
    org_id TEXT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL CHECK (kind IN ('name', 'date_of_birth')),
    digest BLOB NOT NULL,
    PRIMARY KEY (case_id, kind, digest)
);
CREATE INDEX case_index_lookup ON case_index(org_id, kind, digest);

-- Break-the-glass grants: one per user and case, replaced when the glass is broken again.
CREATE TABLE case_access_grants (
    case_id TEXT NOT NULL REFERENCES cases(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    granted_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
