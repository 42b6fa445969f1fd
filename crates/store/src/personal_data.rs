//! The personal-data map: every place in the database that holds personal data about a person, or a key
//! or secret that opens it, in one declaration ([`MAP`]).
//!
//! Each [`Place`] says what it is, who holds it, which key it is sealed under, on what basis it is held,
//! how long, and what erasure does to it. Erasure, the subject-access export and consent withdrawal find a
//! person's copies through [`Tx::copies_of_case`] and act on them through [`Tx::shred_copy`], the one
//! place that knows how copies link to one another; the policy of what each erasure reaches is
//! [`waymark_domain::erasure::reach`].
//!
//! A test reads the schema of both backends and fails when a column that stores bytes (where sealed values
//! and keys live) is neither in [`MAP`] nor in [`NOT_PERSONAL`], so a new feature cannot add a copy that
//! erasure would forget.

use diesel::prelude::*;
use diesel::sql_types::Text;
use time::PrimitiveDateTime;
use waymark_domain::erasure::{CopyKind, Trigger};
use waymark_domain::ids::{ConsentId, FormalReferralId, PersonId};
use waymark_domain::referral::ReferralStatus;
use waymark_domain::{CaseId, OrgId, ReferralId};

use crate::schema::{erasure_notices, referrals};
use crate::{AnyConnection, Case, StoreError, Tx};

/// What a place holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// The wrapped data key that opens everything sealed for one person (or one copy of them).
    PersonKey,
    /// A referral's personal fields (the original, or an onward copy in the receiver's inbox).
    Referral,
    /// A part of the case record.
    CasePart,
    /// A document's name or bytes.
    Document,
    /// A message of the codename channel.
    Message,
    /// A consent's purpose, in the person's words.
    Consent,
    /// The consented parts of a case, packed for the organisation an onward referral goes to.
    OnwardCopy,
    /// The decision body's copy of the person, or its reasons, questions and answers about them.
    FormalCopy,
    /// The reasons a decision letter is written from.
    DecisionLetter,
    /// Why someone broke the glass to open a case.
    GlassReason,
    /// A keyed digest of a name or date of birth, for search.
    SearchIndex,
    /// A keyed digest of the codename.
    Codename,
    /// A staff member's second-factor secret or recovery code digest (not a person's data).
    StaffSecret,
    /// A request for help being written, before it is sent (and its codename, until kept).
    Draft,
}

/// Who holds a place's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// The support organisation a referral went to, and whose case it became.
    Receiver,
    /// The decision body a formal referral went to.
    DecisionBody,
    /// The person, through their codename (the channel is theirs; the receiver reads it).
    Person,
    /// A staff member's own account.
    Staff,
}

/// The key a place is sealed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The person key named by the row, by the path given (`table.column` of the `person_id`).
    Person(&'static str),
    /// The master key wraps it.
    Master,
    /// The staff key (derived from the master key).
    Staff,
    /// A keyed digest: nothing to open, only to compare.
    Digest,
}

/// On what basis a place is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The referral's own basis: the person's consent, child safeguarding, or their own request.
    Referral,
    /// A recorded consent of the person (its id is on the copy).
    Consent,
    /// A formal referral: the person's consent for an adult, child safeguarding for a child.
    FormalReferral,
    /// The staff member's account.
    Account,
}

/// How long a place is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retention {
    /// Until the holder's case is erased: by the person, a manager, or the retention period for closed
    /// cases (six years unless the organisation chose otherwise).
    Case,
    /// Until the receiver answers (the package is opened into a case, or dropped) or it is withdrawn.
    UntilAnswered,
    /// While the account exists.
    Account,
    /// An hour after the last answer at most; deleted when the request is sent and its codename
    /// checked, or when the person leaves with "Exit this page".
    Draft,
}

/// What erasure does to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnErasure {
    /// Its key is forgotten, so it can never be opened again.
    KeyForgotten,
    /// The key itself: set to NULL (SQLite overwrites it in place with `secure_delete`; a truncating
    /// checkpoint empties the write-ahead log).
    Forgotten,
    /// The rows are deleted.
    Deleted,
    /// The bytes are emptied (large; the key is forgotten as well).
    Emptied,
    /// Set to NULL.
    Nulled,
    /// Not a person's data: erasure of a person does not touch it.
    NotAPerson,
    /// Linked to no one yet (a request for help being written): nothing finds it to erase, so it is
    /// deleted by its own short lifetime, or at once when the person leaves or keeps their codename.
    Expires,
}

/// One place that holds personal data, or a key or secret that opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub table: &'static str,
    pub column: &'static str,
    pub what: What,
    pub holder: Holder,
    pub key: Key,
    pub basis: Basis,
    pub retention: Retention,
    pub on_erasure: OnErasure,
}

#[allow(clippy::too_many_arguments)] // one argument per column of the map's table
const fn place(
    table: &'static str,
    column: &'static str,
    what: What,
    holder: Holder,
    key: Key,
    basis: Basis,
    retention: Retention,
    on_erasure: OnErasure,
) -> Place {
    Place {
        table,
        column,
        what,
        holder,
        key,
        basis,
        retention,
        on_erasure,
    }
}

use Basis as B;
use Holder as H;
use OnErasure as E;
use Retention as R;
use What as W;

const REFERRAL_KEY: Key = Key::Person("referrals.person_id");
const CASE_KEY: Key = Key::Person("cases.person_id");
const FORMAL_KEY: Key = Key::Person("formal_referrals.person_id");

/// Every place that holds personal data, or a key or secret that opens it.
#[rustfmt::skip]
pub const MAP: &[Place] = &[
    place("persons", "wrapped_key", W::PersonKey, H::Receiver, Key::Master, B::Referral, R::Case, E::Forgotten),
    place("referrals", "name_ct", W::Referral, H::Receiver, REFERRAL_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("referrals", "contact_ct", W::Referral, H::Receiver, REFERRAL_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("referrals", "language_ct", W::Referral, H::Receiver, REFERRAL_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("referrals", "children_services_ct", W::Referral, H::Receiver, REFERRAL_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("referrals", "decline_reason_ct", W::Referral, H::Receiver, REFERRAL_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("referrals", "message_ct", W::Referral, H::Receiver, REFERRAL_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("cases", "move_on_plan_ct", W::CasePart, H::Receiver, CASE_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("case_persons", "person_ct", W::CasePart, H::Receiver, CASE_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("case_needs_assessments", "note_ct", W::CasePart, H::Receiver, CASE_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("case_plan_actions", "title_ct", W::CasePart, H::Receiver, CASE_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("case_notes", "body_ct", W::CasePart, H::Receiver, CASE_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("case_documents", "filename_ct", W::Document, H::Receiver, CASE_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("case_documents", "content_ct", W::Document, H::Receiver, CASE_KEY, B::Referral, R::Case, E::Emptied),
    place("case_history", "note_ct", W::CasePart, H::Receiver, CASE_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("case_risk_assessments", "reasons_ct", W::CasePart, H::Receiver, CASE_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("case_consents", "purpose_ct", W::Consent, H::Receiver, CASE_KEY, B::Consent, R::Case, E::KeyForgotten),
    place("case_glass_reasons", "reason_ct", W::GlassReason, H::Receiver, CASE_KEY, B::Referral, R::Case, E::KeyForgotten),
    place("case_index", "digest", W::SearchIndex, H::Receiver, Key::Digest, B::Referral, R::Case, E::Deleted),
    place("channels", "codename_digest", W::Codename, H::Person, Key::Digest, B::Referral, R::Case, E::Nulled),
    place("messages", "body_ct", W::Message, H::Person, Key::Person("channels.person_id"), B::Referral, R::Case, E::KeyForgotten),
    place("onward_referrals", "package_ct", W::OnwardCopy, H::Receiver, Key::Person("referrals.person_id of onward_referrals.referral_id"), B::Consent, R::UntilAnswered, E::Nulled),
    place("formal_referrals", "package_ct", W::FormalCopy, H::DecisionBody, FORMAL_KEY, B::FormalReferral, R::Case, E::KeyForgotten),
    place("formal_referrals", "rg_reasons_ct", W::FormalCopy, H::DecisionBody, FORMAL_KEY, B::FormalReferral, R::Case, E::KeyForgotten),
    place("formal_referrals", "cg_reasons_ct", W::FormalCopy, H::DecisionBody, FORMAL_KEY, B::FormalReferral, R::Case, E::KeyForgotten),
    place("formal_requests", "text_ct", W::FormalCopy, H::DecisionBody, FORMAL_KEY, B::FormalReferral, R::Case, E::KeyForgotten),
    place("formal_requests", "reply_ct", W::FormalCopy, H::DecisionBody, FORMAL_KEY, B::FormalReferral, R::Case, E::KeyForgotten),
    place("decision_notices", "reasons_ct", W::DecisionLetter, H::DecisionBody, FORMAL_KEY, B::FormalReferral, R::Case, E::KeyForgotten),
    place("help_drafts", "wrapped_key", W::Draft, H::Person, Key::Master, B::Referral, R::Draft, E::Expires),
    place("help_drafts", "answers_ct", W::Draft, H::Person, Key::Person("help_drafts.wrapped_key"), B::Referral, R::Draft, E::Expires),
    place("help_drafts", "codename_ct", W::Draft, H::Person, Key::Person("help_drafts.wrapped_key"), B::Referral, R::Draft, E::Expires),
    place("users", "totp_secret_ct", W::StaffSecret, H::Staff, Key::Staff, B::Account, R::Account, E::NotAPerson),
    place("pending_sign_ins", "totp_secret_ct", W::StaffSecret, H::Staff, Key::Staff, B::Account, R::Account, E::NotAPerson),
    place("recovery_codes", "digest", W::StaffSecret, H::Staff, Key::Digest, B::Account, R::Account, E::NotAPerson),
];

/// Columns that store bytes and hold nothing about a person, with why.
pub const NOT_PERSONAL: &[(&str, &str, &str)] = &[
    ("audit_log", "prev_hash", "the hash chain of the audit log"),
    ("audit_log", "hash", "the hash chain of the audit log"),
    ("signing_keys", "public_key", "the certificate signing key"),
    (
        "signing_keys",
        "wrapped_key",
        "the certificate signing key, wrapped by the master key",
    ),
];

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

/// One copy of a person's details, found from a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub kind: CopyKind,
    /// Who holds it (the organisation or decision body that is told about an erasure).
    pub holder: OrgId,
    /// The record the holder knows it by.
    pub record: CopyRecord,
    /// The key it is sealed under.
    pub person_id: PersonId,
    /// When it was made (the case opened, the channel started, the referral sent).
    pub made_at: PrimitiveDateTime,
    /// The consent it was made under: an onward or formal referral's. `None` for the organisation's own
    /// record (held on the basis of the referral that opened it) and a formal referral for a child.
    pub consent: Option<ConsentId>,
}

/// The record a copy is known by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyRecord {
    Case(CaseId),
    /// The codename channel, and the referral it was opened with (what its holder is told about).
    Channel(waymark_domain::ChannelId, ReferralId),
    /// An onward referral in the receiver's inbox (and, once accepted, the case it became).
    Referral(ReferralId, Option<CaseId>),
    Formal(FormalReferralId),
}

impl CopyRecord {
    /// The record type and id a holder is told about.
    pub fn told_as(&self) -> (&'static str, &str) {
        match self {
            CopyRecord::Case(id) => ("case", id.as_str()),
            CopyRecord::Channel(_, referral) => ("referral", referral.as_str()),
            CopyRecord::Referral(id, _) => ("referral", id.as_str()),
            CopyRecord::Formal(id) => ("formal_referral", id.as_str()),
        }
    }
}

/// An erasure notice: a holder is told that a record was erased (or that the original of its copy was).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureNotice {
    pub erasure: Trigger,
    /// Whether the holder keeps its copy (an accepted onward referral it now owns).
    pub kept: bool,
    pub at: PrimitiveDateTime,
}

impl Tx<'_> {
    /// Every column of the live schema that stores bytes, as (table, column).
    pub fn binary_columns(&mut self) -> Result<Vec<(String, String)>, StoreError> {
        let sql = match self.conn {
            AnyConnection::Sqlite(_) => {
                "SELECT m.name AS table_name, p.name AS column_name \
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND upper(p.type) = 'BLOB' ORDER BY 1, 2"
            }
            AnyConnection::Postgresql(_) => {
                "SELECT table_name::text AS table_name, column_name::text AS column_name \
                 FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND data_type = 'bytea' ORDER BY 1, 2"
            }
        };
        let rows: Vec<ColumnRow> = diesel::sql_query(sql).load(self.conn)?;
        Ok(rows
            .into_iter()
            .map(|r| (r.table_name, r.column_name))
            .collect())
    }

    /// The columns of the live schema that store bytes and are in neither [`MAP`] nor [`NOT_PERSONAL`].
    pub fn unmapped_columns(&mut self) -> Result<Vec<(String, String)>, StoreError> {
        Ok(self
            .binary_columns()?
            .into_iter()
            .filter(|(t, c)| {
                !MAP.iter().any(|p| p.table == t && p.column == c)
                    && !NOT_PERSONAL.iter().any(|(nt, nc, _)| nt == t && nc == c)
            })
            .collect())
    }

    /// Tells `org` that its record was erased (or, `kept`, that the original of its copy was). Once per
    /// holder and record: a second erasure changes nothing.
    pub fn tell_erasure(
        &mut self,
        org: &OrgId,
        record: &CopyRecord,
        erasure: Trigger,
        kept: bool,
        at: PrimitiveDateTime,
    ) -> Result<(), StoreError> {
        let (record_type, record_id) = record.told_as();
        let exists = erasure_notices::table
            .filter(erasure_notices::org_id.eq(org.as_str()))
            .filter(erasure_notices::record_type.eq(record_type))
            .filter(erasure_notices::record_id.eq(record_id))
            .count()
            .get_result::<i64>(self.conn)?;
        if exists == 0 {
            diesel::insert_into(erasure_notices::table)
                .values((
                    erasure_notices::org_id.eq(org.as_str()),
                    erasure_notices::record_type.eq(record_type),
                    erasure_notices::record_id.eq(record_id),
                    erasure_notices::erasure.eq(erasure.as_str()),
                    erasure_notices::kept.eq(kept),
                    erasure_notices::at.eq(at),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    /// What `org` was told about one of its records, if anything.
    pub fn erasure_notice(
        &mut self,
        org: &OrgId,
        record_type: &str,
        record_id: &str,
    ) -> Result<Option<ErasureNotice>, StoreError> {
        let row = erasure_notices::table
            .filter(erasure_notices::org_id.eq(org.as_str()))
            .filter(erasure_notices::record_type.eq(record_type))
            .filter(erasure_notices::record_id.eq(record_id))
            .select((
                erasure_notices::erasure,
                erasure_notices::kept,
                erasure_notices::at,
            ))
            .first::<(String, bool, PrimitiveDateTime)>(self.conn)
            .optional()?;
        row.map(|(erasure, kept, at)| {
            Ok(ErasureNotice {
                erasure: Trigger::parse(&erasure)
                    .map_err(|e| StoreError::Corrupt(format!("erasure notice: {e}")))?,
                kept,
                at,
            })
        })
        .transpose()
    }

    /// Every copy of the person of `case` that was made from it: the case itself, the codename channel
    /// of the referral it was opened from, the onward referrals it sent (pending or accepted) and the
    /// formal referrals it made (before or after a final decision). Not recursive: the caller walks an
    /// accepted onward copy's own case if its policy reaches it.
    pub fn copies_of_case(&mut self, case: &Case) -> Result<Vec<Copy>, StoreError> {
        let mut copies = vec![Copy {
            kind: CopyKind::Case,
            holder: case.org_id.clone(),
            record: CopyRecord::Case(case.id.clone()),
            person_id: case.person_id.clone(),
            made_at: case.opened_at,
            consent: None,
        }];
        if let Some(ch) = self.channel_for_referral(&case.org_id, &case.referral_id)? {
            copies.push(Copy {
                kind: CopyKind::Channel,
                holder: case.org_id.clone(),
                record: CopyRecord::Channel(ch.id.clone(), case.referral_id.clone()),
                person_id: ch.person_id.clone(),
                made_at: ch.created_at,
                consent: None,
            });
        }
        for o in self.onward_of_case(&case.id)? {
            let r = referrals::table
                .filter(referrals::id.eq(o.referral_id.as_str()))
                .select((
                    referrals::to_org_id,
                    referrals::person_id,
                    referrals::status,
                ))
                .first::<(String, String, String)>(self.conn)
                .optional()?;
            let Some((to, person, status)) = r else {
                continue;
            };
            let to = OrgId::parse(&to).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let accepted = status == ReferralStatus::Accepted.as_str();
            let opened = if accepted {
                self.case_for_referral(&to, &o.referral_id)?.map(|c| c.id)
            } else {
                None
            };
            copies.push(Copy {
                kind: if accepted {
                    CopyKind::OnwardAccepted
                } else {
                    CopyKind::OnwardPending
                },
                holder: to,
                record: CopyRecord::Referral(o.referral_id.clone(), opened),
                person_id: PersonId::parse(&person)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                made_at: o.created_at,
                consent: Some(o.consent_id.clone()),
            });
        }
        for f in self.formal_referrals_from_case(&case.id)? {
            copies.push(Copy {
                kind: if f.status.is_final() {
                    CopyKind::FormalDecided
                } else {
                    CopyKind::FormalUndecided
                },
                holder: f.decision_body_id.clone(),
                record: CopyRecord::Formal(f.id.clone()),
                person_id: f.person_id.clone(),
                made_at: f.created_at,
                consent: f.consent_id.clone(),
            });
        }
        Ok(copies)
    }

    /// Erases one copy: its key forgotten, what is not sealed under it removed (see [`MAP`]), a pending
    /// referral withdrawn first, and a case it became marked erased. Safe to repeat: returns whether this
    /// call was the one that erased it (a concurrent erasure waits on the row, then finds it done).
    pub fn shred_copy(&mut self, copy: &Copy, at: PrimitiveDateTime) -> Result<bool, StoreError> {
        let first = match &copy.record {
            CopyRecord::Case(id) => self.erase_case_traces(id, at)?,
            CopyRecord::Channel(id, _) => self.erase_channel(id, at)?,
            CopyRecord::Referral(id, opened) => {
                let withdrawn = self.withdraw_referral(id, at)?;
                self.drop_onward_package(id)?;
                let erased = match opened {
                    Some(case) => self.erase_case_traces(case, at)?,
                    None => false,
                };
                withdrawn || erased
            }
            CopyRecord::Formal(_) => false,
        };
        let forgotten = self.erase_person_key(&copy.person_id)?;
        Ok(first || forgotten)
    }
}
