//! Casework: the case record and need-to-know.
//!
//! Every use case on a case goes through one gate, [`crate::gate::open_case`]: the case is looked up in the actor's
//! organisation only, and [`waymark_domain::case::decide`] answers for the action — the role policy and
//! the case policy together (a manager works every case of the organisation, a caseworker the cases
//! assigned to them or that they broke the glass for). A refusal on a case the actor may not open is
//! `NotFound`, exactly as for a case that does not exist, and leaves no audit entry; everything allowed
//! appends one entry in the same transaction as the work (reads too). Work done through a break-the-glass
//! grant is audited with the reason `break-glass`; breaking the glass itself carries the reason given.
//!
//! Every personal value is sealed under the person's data key with its table, column and row id as
//! context. Names and the date of birth are also indexed with keyed blind indexes under a key of the
//! organisation's own, for exact-match search within the organisation.

use std::collections::BTreeMap;

use time::{Date, PrimitiveDateTime};
use waymark_domain::case::{
    BreakGlassReason, CaseAction, CaseListScope, CaseStatus, Decision, age_in_days,
    break_glass_duration, case_list_scope, normalise_reference,
};
use waymark_domain::case_record::{
    DocumentKind, DueState, ExploitationEpisode, ExploitationPlace, IndexKind, NeedUrgency,
    NeedsAssessment, PersonDraft, PlanStatus, RiskLevel, check_document, document_name, due_date,
    due_state, note_body, plan_action_title, risk_reasons,
};
use waymark_domain::ids::{DocumentId, HistoryEntryId, NoteId, PlanActionId, RiskAssessmentId};
use waymark_domain::self_referral::Urgency;
use waymark_domain::{CaseId, ExploitationType, Need, Permission, ReferralId, Role, UserId};
use waymark_store::{
    Account, AuditEvent, Case, CaseDocument, CaseNote, CaseRecordRows, HistoryEntry, PlanAction,
    RiskAssessment, SealedColumn, StaffMember, Tx,
};
use waymark_vault::{DataKey, Zeroizing};

use crate::audit::AuditAction;
use crate::audit::case_event;
use crate::gate::{
    BREAK_GLASS_ACCESS, CaseMatch, Opened, decision, org_name, require, visible_matches,
};
use crate::referrals::ReferralView;
use crate::sealing::{
    ERASED, NOT_GIVEN, PersonDoc, ctx, index_entries, index_key, iso_date, new_id, seal_person,
    writable_key,
};
use crate::{App, AppError, Keys};

mod access;
mod my_work;
mod part;
mod parts;
mod record;
mod search;

pub(crate) use record::case_view;

// ---- views ---------------------------------------------------------------------------------------------

/// The person, opened. Every field reads [`ERASED`] after erasure.
#[derive(Clone, Default)]
pub struct Person {
    /// The name the person uses, or [`NOT_GIVEN`].
    pub name: String,
    pub aliases: Vec<String>,
    pub date_of_birth: Option<Date>,
    pub age: Option<u8>,
    pub nationality: String,
    pub languages: String,
    pub safe_contact: String,
    pub never_write_to: String,
}

impl std::fmt::Debug for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Person(…)")
    }
}

/// The needs assessment, opened.
#[derive(Clone)]
pub struct NeedsView {
    pub needs: Vec<(Need, NeedUrgency)>,
    pub note: Option<String>,
    pub assessed_at: PrimitiveDateTime,
    pub assessed_by: String,
}

#[derive(Clone)]
pub struct PlanActionView {
    pub id: PlanActionId,
    pub title: String,
    pub owner_id: UserId,
    pub owner: String,
    pub due_on: Date,
    pub status: PlanStatus,
    pub due: DueState,
    pub done_at: Option<PrimitiveDateTime>,
}

#[derive(Clone)]
pub struct NoteView {
    pub id: NoteId,
    pub author: String,
    pub body: String,
    pub at: PrimitiveDateTime,
}

#[derive(Clone)]
pub struct DocumentView {
    pub id: DocumentId,
    /// The name it was uploaded with (sealed at rest; never sent as the download's file name).
    pub name: String,
    pub kind: DocumentKind,
    pub size_bytes: i64,
    pub uploaded_at: PrimitiveDateTime,
    pub uploaded_by: String,
}

#[derive(Clone)]
pub struct HistoryView {
    pub id: HistoryEntryId,
    pub kind: ExploitationType,
    pub place: ExploitationPlace,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub note: Option<String>,
    pub recorded_at: PrimitiveDateTime,
    pub recorded_by: String,
}

#[derive(Clone)]
pub struct RiskView {
    pub id: RiskAssessmentId,
    pub level: RiskLevel,
    pub reasons: String,
    pub assessed_at: PrimitiveDateTime,
    pub assessed_by: String,
}

macro_rules! redacted_debug {
    ($($t:ty),+) => {$(
        impl std::fmt::Debug for $t {
            // Personal data never reaches a log through Debug.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), "(…)"))
            }
        }
    )+};
}
redacted_debug!(
    NeedsView,
    PlanActionView,
    NoteView,
    DocumentView,
    HistoryView,
    RiskView
);

/// A reason someone gave for breaking the glass on a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlassReason {
    pub by: UserId,
    pub at: PrimitiveDateTime,
    pub reason: String,
}

/// A case with the person's details and everything recorded on it, for those allowed to open it.
#[derive(Debug, Clone)]
pub struct CaseView {
    pub id: CaseId,
    pub status: String,
    pub opened_at: PrimitiveDateTime,
    /// The referral the case was opened from.
    pub referral: ReferralView,
    pub reference: String,
    pub assigned_to: Option<StaffMember>,
    /// `None` once the person's data was erased (no personal field remains).
    pub person: Option<Person>,
    pub needs: Option<NeedsView>,
    pub plan: Vec<PlanActionView>,
    pub notes: Vec<NoteView>,
    pub documents: Vec<DocumentView>,
    pub history: Vec<HistoryView>,
    /// Newest first: the first is the current assessment.
    pub risks: Vec<RiskView>,
    /// The person had their data erased: no personal field can be read.
    pub erased: bool,
    /// How many consents to share are in force (not withdrawn): none means nothing may be shared, and
    /// the case page says so.
    pub active_consents: usize,
    /// The actor opened the case through a break-the-glass grant that ends then.
    pub access_until: Option<PrimitiveDateTime>,
    /// The actor may (re)assign the case (decided by the case policy, not by a page).
    pub can_assign: bool,
    /// Who may own a plan action on this case: the people who can open it.
    pub owners: Vec<StaffMember>,
    /// Who the case may be assigned to (for managers; empty otherwise).
    pub assignees: Vec<StaffMember>,
    /// Closing, follow-ups and erasure (see `closing.rs`).
    pub closure: ClosureView,
}

/// A case as lists show it: no personal field.
#[derive(Debug, Clone)]
pub struct CaseSummary {
    pub id: CaseId,
    pub reference: String,
    pub status: String,
    pub opened_at: PrimitiveDateTime,
    pub assigned_to: Option<String>,
    /// Opened through a break-the-glass grant that ends then.
    pub access_until: Option<PrimitiveDateTime>,
}

/// What a form page needs to know about a case: nothing personal.
#[derive(Debug, Clone)]
pub struct CaseHeader {
    pub id: CaseId,
    pub reference: String,
    pub status: String,
    pub owners: Vec<StaffMember>,
    pub assignees: Vec<StaffMember>,
    pub assigned_to: Option<UserId>,
}

/// One task of mine: an open plan action I own.
#[derive(Clone)]
pub struct Task {
    pub case_id: CaseId,
    pub reference: String,
    pub action_id: PlanActionId,
    /// `None` when I can no longer open the case (it was reassigned): the task still shows, unread.
    pub title: Option<String>,
    pub due_on: Date,
    pub due: DueState,
}
redacted_debug!(Task);

/// A referral waiting for an answer, and for how long.
#[derive(Debug, Clone)]
pub struct OpenReferral {
    pub id: ReferralId,
    pub received_at: PrimitiveDateTime,
    pub age_days: i64,
    pub from_organisation: Option<String>,
    pub self_referral: bool,
    pub urgency: Option<Urgency>,
    pub child_safeguarding: bool,
}

/// The "my work" dashboard in one transaction.
#[derive(Debug, Clone)]
pub struct MyWork {
    /// Open plan actions I own, by due date.
    pub tasks: Vec<Task>,
    /// Cases assigned to me.
    pub cases: Vec<CaseSummary>,
    /// The organisation's referrals waiting for an answer, oldest first.
    pub open_referrals: Vec<OpenReferral>,
    /// My cases whose person wrote last, through their codename: waiting for a reply, oldest first.
    pub messages: Vec<WaitingMessage>,
    /// A decision body's questions on my cases' formal referrals, not yet answered: overdue first, then
    /// by reply date.
    pub questions: Vec<OpenQuestion>,
}

/// A case whose person's latest message has no reply yet.
#[derive(Debug, Clone)]
pub struct WaitingMessage {
    pub case_id: CaseId,
    pub reference: String,
    /// When the person wrote (the first of their messages since the last reply).
    pub since: PrimitiveDateTime,
    pub age_days: i64,
}

/// A decision body's request for information, waiting for the referrer's answer.
#[derive(Debug, Clone)]
pub struct OpenQuestion {
    pub case_id: CaseId,
    pub reference: String,
    pub request_id: waymark_domain::ids::FormalRequestId,
    pub decision_body: String,
    pub asked_on: Date,
    pub reply_by: Option<Date>,
    pub overdue: bool,
}

/// What to search a case by, within the actor's organisation. Exact matches only.
#[derive(Clone)]
pub enum CaseSearch {
    Reference(String),
    Name(String),
    DateOfBirth(String),
}

impl std::fmt::Debug for CaseSearch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CaseSearch::Reference(_) => "CaseSearch::Reference(…)",
            CaseSearch::Name(_) => "CaseSearch::Name(…)",
            CaseSearch::DateOfBirth(_) => "CaseSearch::DateOfBirth(…)",
        })
    }
}

/// A new plan action as entered.
#[derive(Clone)]
pub struct NewPlanAction {
    pub title: String,
    /// `None`: the actor.
    pub owner: Option<UserId>,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

/// An episode of exploitation as entered.
#[derive(Clone)]
pub struct NewHistory {
    pub kind: ExploitationType,
    pub place: ExploitationPlace,
    pub from: String,
    pub to: String,
    pub note: String,
}

redacted_debug!(NewPlanAction, NewHistory);

/// A document that was kept: its id, the type its content showed, its size.
#[derive(Debug, Clone)]
pub struct UploadedDocument {
    pub id: DocumentId,
    pub kind: DocumentKind,
    pub size_bytes: i64,
}

/// A document to download: the bytes, and what to serve them as.
pub struct Download {
    pub kind: DocumentKind,
    pub bytes: Vec<u8>,
    /// A neutral file name for the download (`document-<id>.<ext>`): the uploaded name is personal data
    /// and would stay in a shared device's downloads folder.
    pub file_name: String,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("kind", &self.kind)
            .field("len", &self.bytes.len())
            .finish_non_exhaustive()
    }
}

/// How a case was closed, what was scheduled, and whether it was erased; part of [`CaseView`].
#[derive(Clone, Default)]
pub struct ClosureView {
    pub closed_at: Option<PrimitiveDateTime>,
    /// Who closed it (a display name).
    pub closed_by: Option<String>,
    /// The move-on plan, opened (`None` before closure and after erasure).
    pub move_on_plan: Option<String>,
    /// The plan actions closing scheduled (follow-up check-ins).
    pub follow_ups: Vec<PlanActionId>,
    /// When the case was erased (by a manager or when its retention period ended).
    pub erased_at: Option<PrimitiveDateTime>,
    /// The actor may close the case now (it is open, not erased, and the case policy allows it).
    pub can_close: bool,
    /// The actor may erase the case now (the case policy allows it, and it is not yet erased).
    pub can_erase: bool,
}

impl std::fmt::Debug for ClosureView {
    // The move-on plan is personal data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClosureView")
            .field("closed_at", &self.closed_at)
            .field("erased_at", &self.erased_at)
            .finish_non_exhaustive()
    }
}
