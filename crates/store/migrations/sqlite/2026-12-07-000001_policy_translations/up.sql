-- An organisation's data-sharing policy in the languages of the public pages other than English (the
-- English text stays `organisations.data_sharing_policy`, its main text). A survivor who asks for help
-- in Arabic reads the policy they agree to in Arabic when the organisation has given it. Plain text: a
-- policy is the organisation's public statement, not anyone's personal data.
CREATE TABLE organisation_policies (
    org_id TEXT NOT NULL REFERENCES organisations(id),
    lang TEXT NOT NULL,
    policy TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, lang)
);
