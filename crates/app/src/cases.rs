//! Casework: the case record and need-to-know.
//!
//! Every use case on a case goes through one gate, [`open_case`]: the case is looked up in the actor's
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

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};
use waymark_domain::case::{
    BreakGlassReason, CaseAccess, CaseAction, CaseStatus, Decision, age_in_days,
    break_glass_duration, case_access, decide, format_reference, normalise_reference,
    reference_prefix,
};
use waymark_domain::case_record::{
    Birth, DocumentKind, DueState, ExploitationEpisode, ExploitationPlace, IndexKind, NeedUrgency,
    NeedsAssessment, PersonDetails, PersonDraft, PlanStatus, RiskLevel, check_document,
    document_name, due_date, due_state, note_body, plan_action_title, risk_reasons,
};
use waymark_domain::ids::{DocumentId, HistoryEntryId, NoteId, PlanActionId, RiskAssessmentId};
use waymark_domain::referral::ReferralStatus;
use waymark_domain::self_referral::Urgency;
use waymark_domain::{CaseId, ExploitationType, Need, OrgId, Permission, ReferralId, Role, UserId};
use waymark_store::{
    Account, AuditEvent, Case, CaseDocument, CaseNote, CaseRecordRows, HistoryEntry, PlanAction,
    Referral, RiskAssessment, StaffMember, Tx,
};
use waymark_vault::{BlindIndexKey, DataKey, FieldContext};

use crate::referrals::{
    ERASED, NOT_GIVEN, ReferralView, new_id, org_name, require, require_for_record,
};
use crate::{App, AppError, Keys};

/// The audit reason of work done through a break-the-glass grant.
pub const BREAK_GLASS_ACCESS: &str = "break-glass";

const ERASED_CONFLICT: &str =
    "the person had their data erased, so nothing more can be recorded on this case";

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
    pub closure: crate::closing::ClosureView,
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
}

/// A case another record may be about: a search hit or a possible match for a new referral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseMatch {
    pub case_id: CaseId,
    pub reference: String,
    pub status: String,
    pub opened_at: PrimitiveDateTime,
    /// `Allowed`: the actor can open it; `BreakGlass`: only by breaking the glass.
    pub access: CaseAccess,
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

// ---- the person document -----------------------------------------------------------------------------

/// The person's details as the sealed JSON document stores them. `v` lets a later version read old ones.
#[derive(Serialize, Deserialize, Default)]
struct PersonDoc {
    v: u8,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    date_of_birth: Option<String>,
    #[serde(default)]
    age: Option<u8>,
    #[serde(default)]
    nationality: Option<String>,
    #[serde(default)]
    languages: Option<String>,
    #[serde(default)]
    safe_contact: Option<String>,
    #[serde(default)]
    never_write_to: Option<String>,
}

fn iso_date(d: Date) -> String {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    d.format(&f).unwrap_or_default()
}

impl PersonDoc {
    fn from_details(p: &PersonDetails) -> PersonDoc {
        let text = |t: &Option<waymark_domain::referral::PersonalText>| {
            t.as_ref().map(|t| t.expose().to_owned())
        };
        PersonDoc {
            v: 1,
            name: text(&p.name),
            aliases: p.aliases.iter().map(|a| a.expose().to_owned()).collect(),
            date_of_birth: match p.birth {
                Birth::DateOfBirth(d) => Some(iso_date(d)),
                _ => None,
            },
            age: match p.birth {
                Birth::Age(a) => Some(a),
                _ => None,
            },
            nationality: text(&p.nationality),
            languages: text(&p.languages),
            safe_contact: text(&p.safe_contact),
            never_write_to: text(&p.never_write_to),
        }
    }

    fn into_person(self) -> Person {
        Person {
            name: self
                .name
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| NOT_GIVEN.to_owned()),
            aliases: self.aliases,
            date_of_birth: self
                .date_of_birth
                .and_then(|d| waymark_domain::case_record::parse_date("date_of_birth", &d).ok()),
            age: self.age,
            nationality: self.nationality.unwrap_or_default(),
            languages: self.languages.unwrap_or_default(),
            safe_contact: self.safe_contact.unwrap_or_default(),
            never_write_to: self.never_write_to.unwrap_or_default(),
        }
    }
}

fn erased_person() -> Person {
    Person {
        name: ERASED.into(),
        aliases: vec![],
        date_of_birth: None,
        age: None,
        nationality: ERASED.into(),
        languages: ERASED.into(),
        safe_contact: ERASED.into(),
        never_write_to: ERASED.into(),
    }
}

// ---- sealing contexts and blind indexes --------------------------------------------------------------------

pub(crate) fn ctx<'a>(table: &'a str, column: &'a str, row_id: &'a str) -> FieldContext<'a> {
    FieldContext {
        table,
        column,
        row_id,
    }
}

/// The blind-index key of one organisation for one kind of entry: each organisation has its own, so the
/// same name in two organisations cannot be linked through the indexes. (Organisation ids never contain
/// `:`, so no two purposes can be the same text.)
fn index_key(keys: &Keys, org: &OrgId, kind: IndexKind) -> BlindIndexKey {
    keys.master
        .blind_index_key(&format!("case-{}:{}", kind.as_str(), org.as_str()))
}

pub(crate) fn index_entries(
    keys: &Keys,
    org: &OrgId,
    p: &PersonDetails,
) -> Vec<(IndexKind, Vec<u8>)> {
    let names = index_key(keys, org, IndexKind::Name);
    let mut out: Vec<(IndexKind, Vec<u8>)> = p
        .names()
        .map(|n| (IndexKind::Name, names.index(n.expose())))
        .collect();
    if let Birth::DateOfBirth(d) = p.birth {
        out.push((
            IndexKind::DateOfBirth,
            index_key(keys, org, IndexKind::DateOfBirth).index(&iso_date(d)),
        ));
    }
    out
}

pub(crate) fn seal_person(
    key: &DataKey,
    case_id: &CaseId,
    p: &PersonDetails,
) -> Result<Vec<u8>, AppError> {
    let json = serde_json::to_vec(&PersonDoc::from_details(p))
        .map_err(|e| AppError::Invalid(format!("the person's details could not be stored: {e}")))?;
    let sealed = key.seal(&ctx("case_persons", "person", case_id.as_str()), &json);
    // The serialised copy is personal data too.
    zeroize_vec(json);
    Ok(sealed)
}

pub(crate) fn zeroize_vec(mut v: Vec<u8>) {
    v.iter_mut().for_each(|b| *b = 0);
    std::hint::black_box(&v);
}

// ---- the gate -------------------------------------------------------------------------------------------

/// A case the actor may work on for one action, and how.
pub(crate) struct Opened {
    pub case: Case,
    /// Access came through a break-the-glass grant, live until then.
    pub via_grant: Option<PrimitiveDateTime>,
}

impl Opened {
    pub(crate) fn reason(&self) -> &'static str {
        if self.via_grant.is_some() {
            BREAK_GLASS_ACCESS
        } else {
            ""
        }
    }
}

/// The case policy's answer for one actor, one case (of their organisation) and one action.
pub(crate) fn decision(
    tx: &mut Tx<'_>,
    actor: &Account,
    case: &Case,
    action: CaseAction,
) -> Result<(Decision, Option<PrimitiveDateTime>), AppError> {
    let assigned = case.assigned_to.as_ref() == Some(&actor.user_id);
    let grant = if actor.role == Role::Caseworker && !assigned {
        tx.live_grant(&case.id, &actor.user_id, tx.now())?
    } else {
        None
    };
    let d = decide(
        action,
        actor.role,
        actor.org_kind,
        case.org_id == actor.org_id,
        assigned,
        grant.is_some(),
    );
    Ok((d, grant))
}

fn refused(d: Decision) -> AppError {
    match d {
        Decision::Forbidden => AppError::Forbidden,
        Decision::AlreadyAllowed => {
            AppError::Conflict("you can already open this case: there is no glass to break".into())
        }
        Decision::Permit | Decision::NotFound => AppError::NotFound,
    }
}

/// The one gate every case use case goes through.
pub(crate) fn open_case(
    tx: &mut Tx<'_>,
    actor: &Account,
    id: &CaseId,
    action: CaseAction,
) -> Result<Opened, AppError> {
    let case = tx.case_of(&actor.org_id, id)?.ok_or(AppError::NotFound)?;
    match decision(tx, actor, &case, action)? {
        (Decision::Permit, grant) => Ok(Opened {
            case,
            via_grant: grant,
        }),
        (d, _) => Err(refused(d)),
    }
}

/// Need-to-know reaches the referral a case was opened from: once accepted, the referral (with the same
/// personal details) opens only for those who may open its case.
pub(crate) fn check_referral_access(
    tx: &mut Tx<'_>,
    actor: &Account,
    r: &Referral,
) -> Result<(), AppError> {
    if r.status != ReferralStatus::Accepted {
        return Ok(());
    }
    match tx.case_for_referral(&actor.org_id, &r.id)? {
        Some(case) => match decision(tx, actor, &case, CaseAction::View)? {
            (Decision::Permit, _) => Ok(()),
            (d, _) => Err(refused(d)),
        },
        None => Ok(()),
    }
}

pub(crate) fn case_event<'a>(
    actor: &'a Account,
    action: &'a str,
    opened: &'a Opened,
) -> AuditEvent<'a> {
    AuditEvent {
        actor: actor.user_id.as_str(),
        org_id: Some(&actor.org_id),
        action,
        record_type: "case",
        record_id: opened.case.id.as_str(),
        reason: opened.reason(),
    }
}

pub(crate) fn writable_key(keys: &Keys, tx: &mut Tx<'_>, case: &Case) -> Result<DataKey, AppError> {
    keys.data_key(tx, &case.person_id)?
        .ok_or_else(|| AppError::Conflict(ERASED_CONFLICT.into()))
}

/// The people who can open a case right now (and so may own its plan actions): the managers, the assigned
/// caseworker, and anyone holding a live grant (only the actor is checked for a grant).
fn owners(
    staff: &[StaffMember],
    case: &Case,
    actor: &Account,
    via_grant: bool,
) -> Vec<StaffMember> {
    staff
        .iter()
        .filter(|s| {
            s.role == Role::Manager
                || case.assigned_to.as_ref() == Some(&s.id)
                || (via_grant && s.id == actor.user_id)
        })
        .cloned()
        .collect()
}

fn name_of(staff: &[StaffMember], id: &UserId) -> String {
    staff
        .iter()
        .find(|s| &s.id == id)
        .map(|s| s.display_name.clone())
        .unwrap_or_else(|| "a former member of staff".into())
}

fn staff_member(staff: &[StaffMember], id: &UserId) -> StaffMember {
    staff
        .iter()
        .find(|s| &s.id == id)
        .cloned()
        .unwrap_or(StaffMember {
            id: id.clone(),
            display_name: "a former member of staff".into(),
            role: Role::Caseworker,
        })
}

fn summary(c: Case, staff: &[StaffMember], access_until: Option<PrimitiveDateTime>) -> CaseSummary {
    CaseSummary {
        assigned_to: c.assigned_to.as_ref().map(|u| name_of(staff, u)),
        id: c.id,
        reference: c.reference,
        status: c.status,
        opened_at: c.opened_at,
        access_until,
    }
}

/// A case's record, opened.
struct Unsealed {
    person: Person,
    needs: Option<NeedsView>,
    plan: Vec<PlanActionView>,
    notes: Vec<NoteView>,
    documents: Vec<DocumentView>,
    history: Vec<HistoryView>,
    risks: Vec<RiskView>,
}

/// Opens a case's record. After erasure every personal field reads [`ERASED`].
fn unseal_record(
    key: Option<&DataKey>,
    rows: CaseRecordRows,
    staff: &[StaffMember],
    case: &Case,
    referral: &ReferralView,
    today: Date,
) -> Result<Unsealed, AppError> {
    let open = |table: &str, column: &str, row: &str, ct: &[u8]| -> Result<String, AppError> {
        match key {
            Some(k) => Ok(k.open_string(&ctx(table, column, row), ct)?),
            None => Ok(ERASED.to_owned()),
        }
    };
    let person = match (key, &rows.person) {
        (None, _) => erased_person(),
        (Some(k), Some(p)) => {
            let json = k.open(
                &ctx("case_persons", "person", case.id.as_str()),
                &p.person_ct,
            )?;
            serde_json::from_slice::<PersonDoc>(&json)
                .map_err(|_| {
                    AppError::Vault(waymark_vault::VaultError::Malformed(
                        "the person document is not readable",
                    ))
                })?
                .into_person()
        }
        // A case opened before the case record existed: the referral's details stand in.
        (Some(_), None) => Person {
            name: referral.name.clone(),
            languages: referral.language.clone(),
            safe_contact: referral.contact.clone(),
            ..Person::default()
        },
    };
    let cid = case.id.as_str();
    let needs = rows
        .needs
        .map(|n| {
            Ok::<_, AppError>(NeedsView {
                note: n
                    .note_ct
                    .as_deref()
                    .map(|ct| open("case_needs_assessments", "note", cid, ct))
                    .transpose()?,
                needs: n.needs,
                assessed_at: n.assessed_at,
                assessed_by: name_of(staff, &n.assessed_by),
            })
        })
        .transpose()?;
    let plan = rows
        .plan
        .into_iter()
        .map(|a| {
            Ok(PlanActionView {
                title: open("case_plan_actions", "title", a.id.as_str(), &a.title_ct)?,
                owner: name_of(staff, &a.owner_id),
                due: due_state(a.due_on, today),
                id: a.id,
                owner_id: a.owner_id,
                due_on: a.due_on,
                status: a.status,
                done_at: a.done_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let notes = rows
        .notes
        .into_iter()
        .map(|n| {
            Ok(NoteView {
                body: open("case_notes", "body", n.id.as_str(), &n.body_ct)?,
                author: name_of(staff, &n.author_id),
                id: n.id,
                at: n.created_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let documents = rows
        .documents
        .into_iter()
        .map(|d| {
            Ok(DocumentView {
                name: open("case_documents", "filename", d.id.as_str(), &d.filename_ct)?,
                uploaded_by: name_of(staff, &d.uploaded_by),
                id: d.id,
                kind: d.kind,
                size_bytes: d.size_bytes,
                uploaded_at: d.uploaded_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let history = rows
        .history
        .into_iter()
        .map(|h| {
            Ok(HistoryView {
                note: h
                    .note_ct
                    .as_deref()
                    .map(|ct| open("case_history", "note", h.id.as_str(), ct))
                    .transpose()?,
                recorded_by: name_of(staff, &h.recorded_by),
                id: h.id,
                kind: h.exploitation_type,
                place: h.place,
                from: h.started_on,
                to: h.ended_on,
                recorded_at: h.recorded_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let risks = rows
        .risks
        .into_iter()
        .map(|r| {
            Ok(RiskView {
                reasons: open(
                    "case_risk_assessments",
                    "reasons",
                    r.id.as_str(),
                    &r.reasons_ct,
                )?,
                assessed_by: name_of(staff, &r.assessed_by),
                id: r.id,
                level: r.level,
                assessed_at: r.assessed_at,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(Unsealed {
        person,
        needs,
        plan,
        notes,
        documents,
        history,
        risks,
    })
}

/// Opens the case a referral was accepted into: its reference, the accepting caseworker assigned, and the
/// referral's name, contact and language copied into the case's person document (sealed afresh with the
/// case's context) and indexed for search.
pub(crate) fn open_case_from_referral(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    r: &Referral,
    at: PrimitiveDateTime,
) -> Result<Case, AppError> {
    let org = tx.organisation(&actor.org_id)?.ok_or(AppError::NotFound)?;
    let number = tx.next_case_number(&actor.org_id, at.year())?;
    let case = Case {
        id: new_id(CaseId::parse)?,
        org_id: actor.org_id.clone(),
        referral_id: r.id.clone(),
        person_id: r.person_id.clone(),
        status: CaseStatus::Open.as_str().into(),
        opened_at: at,
        opened_by: actor.user_id.clone(),
        reference: format_reference(&reference_prefix(&org.name), at.year(), number),
        // The caseworker who accepts the referral works the case until a manager reassigns it.
        assigned_to: Some(actor.user_id.clone()),
    };
    tx.insert_case(&case)?;
    if let Some(key) = keys.data_key(tx, &r.person_id)? {
        let rid = r.id.as_str();
        let field =
            |column: &str, ct: &[u8]| key.open_string(&crate::referrals::field(column, rid), ct);
        let name = field("name", &r.name_ct)?;
        let contact = field("contact", &r.contact_ct)?;
        let language = field("language", &r.language_ct)?;
        let draft = PersonDraft {
            name,
            safe_contact: contact,
            languages: language,
            ..PersonDraft::default()
        };
        // The referral's fields were checked with the same limits; a value that no longer fits is
        // left for the caseworker to enter rather than failing the acceptance.
        let details = draft.validate(at.date()).unwrap_or(PersonDetails {
            name: None,
            aliases: vec![],
            birth: Birth::Unknown,
            nationality: None,
            languages: None,
            safe_contact: None,
            never_write_to: None,
        });
        let sealed = seal_person(&key, &case.id, &details)?;
        tx.set_case_person(&case.id, &sealed, at, &actor.user_id)?;
        tx.replace_case_index(&case, &index_entries(keys, &case.org_id, &details))?;
    }
    // An onward referral brings the consented parts of the sending case with it.
    crate::onward::open_package(tx, keys, actor, r, &case, at)?;
    Ok(case)
}

/// The cases of the actor's organisation whose indexed names include the referral's name: a warning that
/// the person may already be supported (shown on the opened referral). The referral's own case is left out.
pub(crate) fn possible_matches(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    referral: &ReferralView,
) -> Result<Vec<CaseMatch>, AppError> {
    if referral.erased || referral.name == NOT_GIVEN || referral.name.trim().is_empty() {
        return Ok(Vec::new());
    }
    let digest = index_key(keys, &actor.org_id, IndexKind::Name).index(&referral.name);
    let found = tx.cases_by_index(&actor.org_id, IndexKind::Name, &digest)?;
    matches(tx, actor, found, referral.case_id.as_ref())
}

fn matches(
    tx: &mut Tx<'_>,
    actor: &Account,
    found: Vec<Case>,
    leave_out: Option<&CaseId>,
) -> Result<Vec<CaseMatch>, AppError> {
    let mut out = Vec::new();
    for c in found {
        if Some(&c.id) == leave_out {
            continue;
        }
        let assigned = c.assigned_to.as_ref() == Some(&actor.user_id);
        let grant = tx.live_grant(&c.id, &actor.user_id, tx.now())?.is_some();
        let access = case_access(
            actor.role,
            actor.org_kind,
            c.org_id == actor.org_id,
            assigned,
            grant,
        );
        if access == CaseAccess::Denied {
            continue;
        }
        out.push(CaseMatch {
            case_id: c.id,
            reference: c.reference,
            status: c.status,
            opened_at: c.opened_at,
            access,
        });
    }
    Ok(out)
}

/// The cases the actor can open: a manager every case of the organisation, a caseworker the cases
/// assigned to them and those they hold a live grant for.
fn visible_cases(tx: &mut Tx<'_>, actor: &Account) -> Result<Vec<CaseSummary>, AppError> {
    let staff = tx.case_staff(&actor.org_id)?;
    let mut out: Vec<CaseSummary> = match actor.role {
        Role::Manager => tx
            .cases_of(&actor.org_id)?
            .into_iter()
            .map(|c| summary(c, &staff, None))
            .collect(),
        _ => tx
            .cases_assigned_to(&actor.org_id, &actor.user_id)?
            .into_iter()
            .map(|c| summary(c, &staff, None))
            .collect(),
    };
    if actor.role == Role::Caseworker {
        for (c, until) in tx.granted_cases(&actor.org_id, &actor.user_id, tx.now())? {
            if !out.iter().any(|s| s.id == c.id) {
                out.push(summary(c, &staff, Some(until)));
            }
        }
    }
    out.sort_by(|a, b| (b.opened_at, &b.id).cmp(&(a.opened_at, &a.id)));
    Ok(out)
}

fn tasks_of(tx: &mut Tx<'_>, keys: &Keys, actor: &Account) -> Result<Vec<Task>, AppError> {
    let today = tx.now().date();
    let rows = tx.open_tasks_of(&actor.org_id, &actor.user_id)?;
    // Each case is checked once, and its key unwrapped once; each read of a case is one audit entry.
    let mut opened: BTreeMap<CaseId, Option<Option<DataKey>>> = BTreeMap::new();
    let mut tasks = Vec::new();
    for (action, case) in rows {
        if !opened.contains_key(&case.id) {
            let readable = match decision(tx, actor, &case, CaseAction::View)? {
                (Decision::Permit, grant) => {
                    tx.audit(
                        &keys.audit,
                        &AuditEvent {
                            actor: actor.user_id.as_str(),
                            org_id: Some(&actor.org_id),
                            action: "case.plan.read",
                            record_type: "case",
                            record_id: case.id.as_str(),
                            reason: if grant.is_some() {
                                BREAK_GLASS_ACCESS
                            } else {
                                "my tasks"
                            },
                        },
                    )?;
                    Some(keys.data_key(tx, &case.person_id)?)
                }
                _ => None,
            };
            opened.insert(case.id.clone(), readable);
        }
        let title = match opened.get(&case.id) {
            Some(Some(Some(key))) => Some(key.open_string(
                &ctx("case_plan_actions", "title", action.id.as_str()),
                &action.title_ct,
            )?),
            Some(Some(None)) => Some(ERASED.to_owned()),
            _ => None,
        };
        tasks.push(Task {
            due: due_state(action.due_on, today),
            case_id: case.id,
            reference: case.reference,
            action_id: action.id,
            title,
            due_on: action.due_on,
        });
    }
    Ok(tasks)
}

fn open_referrals_of(tx: &mut Tx<'_>, actor: &Account) -> Result<Vec<OpenReferral>, AppError> {
    let t = tx.now();
    let mut out = Vec::new();
    for r in tx.unanswered_referrals(&actor.org_id)? {
        out.push(OpenReferral {
            from_organisation: org_name(tx, r.from_org_id.as_ref())?,
            self_referral: r.is_self_referral(),
            age_days: age_in_days(r.created_at, t),
            id: r.id,
            received_at: r.created_at,
            urgency: r.urgency,
            child_safeguarding: r.basis == "child_safeguarding",
        });
    }
    Ok(out)
}

// ---- the use cases ------------------------------------------------------------------------------------

impl App {
    /// Runs `work` in one transaction on a case the actor may do `action` to; anything else is refused
    /// before any work (a case they may not open is `NotFound`, and leaves no audit entry).
    pub(crate) async fn on_case<R, F>(
        &self,
        actor: &Account,
        id: &CaseId,
        action: CaseAction,
        work: F,
    ) -> Result<R, AppError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Tx<'_>, &Keys, &Account, Opened) -> Result<R, AppError> + Send + 'static,
    {
        require_for_record(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        let id = id.clone();
        self.store
            .run(move |tx| {
                let opened = open_case(tx, &actor, &id, action)?;
                work(tx, &keys, &actor, opened)
            })
            .await
    }

    /// The cases the actor can open, newest first (no personal field): a manager every case of the
    /// organisation, a caseworker those assigned to them and those they broke the glass for.
    pub async fn cases(&self, actor: &Account) -> Result<Vec<CaseSummary>, AppError> {
        self.cases_by_status(actor, None).await
    }

    /// [`App::cases`], only those of one status when given.
    pub async fn cases_by_status(
        &self,
        actor: &Account,
        status: Option<CaseStatus>,
    ) -> Result<Vec<CaseSummary>, AppError> {
        require(actor, Permission::ReadCase)?;
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let mut all = visible_cases(tx, &actor)?;
                if let Some(s) = status {
                    all.retain(|c| c.status == s.as_str());
                }
                Ok(all)
            })
            .await
    }

    /// One case with the person's details and everything recorded on it. Audited.
    pub async fn case(&self, actor: &Account, id: &CaseId) -> Result<CaseView, AppError> {
        self.on_case(actor, id, CaseAction::View, |tx, keys, actor, opened| {
            tx.audit(&keys.audit, &case_event(actor, "case.read", &opened))?;
            case_view(tx, keys, actor, &opened)
        })
        .await
    }
}

/// The case record opened for `actor` (the caller has audited the read). After erasure it holds no
/// personal field: no person, no plan, notes, documents, history or risks.
pub(crate) fn case_view(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    opened: &Opened,
) -> Result<CaseView, AppError> {
    let case = &opened.case;
    let r = tx.referral_of_case(case)?.ok_or(AppError::NotFound)?;
    let from = org_name(tx, r.from_org_id.as_ref())?;
    let referral = crate::referrals::unseal(keys, tx, &r, from)?;
    let key = keys.data_key(tx, &case.person_id)?;
    let staff = tx.case_staff(&actor.org_id)?;
    // Nothing of an erased record is read at all.
    let rows = match key {
        Some(_) => tx.case_record(case)?,
        None => CaseRecordRows::default(),
    };
    let Unsealed {
        person,
        needs,
        plan,
        notes,
        documents,
        history,
        risks,
    } = unseal_record(key.as_ref(), rows, &staff, case, &referral, tx.now().date())?;
    let can_assign = matches!(
        decision(tx, actor, case, CaseAction::Assign)?.0,
        Decision::Permit
    );
    Ok(CaseView {
        id: case.id.clone(),
        status: case.status.clone(),
        opened_at: case.opened_at,
        reference: case.reference.clone(),
        assigned_to: case.assigned_to.as_ref().map(|u| staff_member(&staff, u)),
        erased: key.is_none(),
        access_until: opened.via_grant,
        owners: owners(&staff, case, actor, opened.via_grant.is_some()),
        closure: crate::closing::closure_view(tx, keys, actor, case, key.as_ref())?,
        active_consents: tx
            .consents_of_case(&case.id)?
            .iter()
            .filter(|c| c.withdrawn_at.is_none())
            .count(),
        assignees: if can_assign { staff.clone() } else { vec![] },
        can_assign,
        referral,
        person: key.as_ref().map(|_| person),
        needs,
        plan,
        notes,
        documents,
        history,
        risks,
    })
}

impl App {
    /// What a form page shows about a case the actor may do `action` to: nothing personal, not audited.
    pub async fn case_header(
        &self,
        actor: &Account,
        id: &CaseId,
        action: CaseAction,
    ) -> Result<CaseHeader, AppError> {
        self.on_case(actor, id, action, |tx, _, actor, opened| {
            let staff = tx.case_staff(&actor.org_id)?;
            let case = opened.case;
            let may_assign = matches!(
                decision(tx, actor, &case, CaseAction::Assign)?.0,
                Decision::Permit
            );
            Ok(CaseHeader {
                owners: owners(&staff, &case, actor, opened.via_grant.is_some()),
                assignees: if may_assign { staff } else { vec![] },
                id: case.id,
                reference: case.reference,
                status: case.status,
                assigned_to: case.assigned_to,
            })
        })
        .await
    }

    /// Replaces the person's details; re-indexes their names and date of birth for search.
    pub async fn update_person(
        &self,
        actor: &Account,
        id: &CaseId,
        draft: PersonDraft,
    ) -> Result<(), AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::UpdatePerson,
            move |tx, keys, actor, opened| {
                let t = tx.now();
                let details = draft.validate(t.date())?;
                let key = writable_key(keys, tx, &opened.case)?;
                let sealed = seal_person(&key, &opened.case.id, &details)?;
                tx.set_case_person(&opened.case.id, &sealed, t, &actor.user_id)?;
                tx.replace_case_index(
                    &opened.case,
                    &index_entries(keys, &opened.case.org_id, &details),
                )?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, "case.person.update", &opened),
                )?;
                Ok(())
            },
        )
        .await
    }

    /// Records (replaces) the needs assessment: an urgency per need and a note.
    pub async fn record_needs(
        &self,
        actor: &Account,
        id: &CaseId,
        needs: Vec<(Need, NeedUrgency)>,
        note: String,
    ) -> Result<(), AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::RecordNeeds,
            move |tx, keys, actor, opened| {
                let a = NeedsAssessment::new(&needs, &note)?;
                let key = writable_key(keys, tx, &opened.case)?;
                let cid = opened.case.id.as_str();
                let note_ct = a
                    .note
                    .as_ref()
                    .map(|n| key.seal_str(&ctx("case_needs_assessments", "note", cid), n.expose()));
                let list: Vec<(Need, NeedUrgency)> = a.needs.into_iter().collect();
                tx.replace_case_needs(
                    &opened.case.id,
                    &list,
                    note_ct.as_deref(),
                    tx.now(),
                    &actor.user_id,
                )?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, "case.needs.update", &opened),
                )?;
                Ok(())
            },
        )
        .await
    }

    /// Adds an action to the support plan. Its owner must be someone who can open the case.
    pub async fn add_plan_action(
        &self,
        actor: &Account,
        id: &CaseId,
        new: NewPlanAction,
    ) -> Result<PlanActionId, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::AddPlanAction,
            move |tx, keys, actor, opened| {
                let t = tx.now();
                let title = plan_action_title(&new.title)?;
                let due_on = due_date(&new.due_on, t.date())?;
                let owner = new.owner.unwrap_or_else(|| actor.user_id.clone());
                let staff = tx.case_staff(&actor.org_id)?;
                if !owners(&staff, &opened.case, actor, opened.via_grant.is_some())
                    .iter()
                    .any(|s| s.id == owner)
                {
                    return Err(waymark_domain::case_record::CaseError::Field {
                        field: "owner",
                        problem: "Choose someone who works on this case",
                    }
                    .into());
                }
                let key = writable_key(keys, tx, &opened.case)?;
                let aid: PlanActionId = new_id(PlanActionId::parse)?;
                tx.insert_plan_action(&PlanAction {
                    title_ct: key.seal_str(
                        &ctx("case_plan_actions", "title", aid.as_str()),
                        title.expose(),
                    ),
                    id: aid.clone(),
                    case_id: opened.case.id.clone(),
                    owner_id: owner,
                    due_on,
                    status: PlanStatus::Open,
                    created_at: t,
                    created_by: actor.user_id.clone(),
                    done_at: None,
                    done_by: None,
                })?;
                tx.audit(&keys.audit, &case_event(actor, "case.plan.add", &opened))?;
                Ok(aid)
            },
        )
        .await
    }

    /// Marks a plan action done (once).
    pub async fn complete_plan_action(
        &self,
        actor: &Account,
        id: &CaseId,
        action: &PlanActionId,
    ) -> Result<(), AppError> {
        let action = action.clone();
        self.on_case(
            actor,
            id,
            CaseAction::CompletePlanAction,
            move |tx, keys, actor, opened| {
                let found = tx
                    .plan_action(&opened.case.id, &action)?
                    .ok_or(AppError::NotFound)?;
                if found.status == PlanStatus::Done
                    || !tx.complete_plan_action(
                        &opened.case.id,
                        &action,
                        tx.now(),
                        &actor.user_id,
                    )?
                {
                    return Err(AppError::Conflict("this action is already done".into()));
                }
                tx.audit(
                    &keys.audit,
                    &case_event(actor, "case.plan.complete", &opened),
                )?;
                Ok(())
            },
        )
        .await
    }

    /// Adds a note (sealed).
    pub async fn add_note(
        &self,
        actor: &Account,
        id: &CaseId,
        body: String,
    ) -> Result<NoteId, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::AddNote,
            move |tx, keys, actor, opened| {
                let body = note_body(&body)?;
                let key = writable_key(keys, tx, &opened.case)?;
                let nid: NoteId = new_id(NoteId::parse)?;
                tx.insert_case_note(&CaseNote {
                    body_ct: key.seal_str(&ctx("case_notes", "body", nid.as_str()), body.expose()),
                    id: nid.clone(),
                    case_id: opened.case.id.clone(),
                    author_id: actor.user_id.clone(),
                    created_at: tx.now(),
                })?;
                tx.audit(&keys.audit, &case_event(actor, "case.note.add", &opened))?;
                Ok(nid)
            },
        )
        .await
    }

    /// Keeps a document with the case: its type decided by its content (PDF, PNG, JPEG or plain text), at
    /// most 5 MiB, its name and content sealed.
    pub async fn upload_document(
        &self,
        actor: &Account,
        id: &CaseId,
        file_name: String,
        bytes: Vec<u8>,
    ) -> Result<UploadedDocument, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::UploadDocument,
            move |tx, keys, actor, opened| {
                let kind = check_document(&bytes)?;
                let size_bytes = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
                let name = document_name(&file_name);
                let key = writable_key(keys, tx, &opened.case)?;
                let did: DocumentId = new_id(DocumentId::parse)?;
                let content_ct = key.seal(&ctx("case_documents", "content", did.as_str()), &bytes);
                zeroize_vec(bytes);
                tx.insert_case_document(
                    &CaseDocument {
                        filename_ct: key.seal_str(
                            &ctx("case_documents", "filename", did.as_str()),
                            name.expose(),
                        ),
                        id: did.clone(),
                        case_id: opened.case.id.clone(),
                        kind,
                        size_bytes,
                        uploaded_at: tx.now(),
                        uploaded_by: actor.user_id.clone(),
                    },
                    &content_ct,
                )?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, "case.document.upload", &opened),
                )?;
                Ok(UploadedDocument {
                    id: did,
                    kind,
                    size_bytes,
                })
            },
        )
        .await
    }

    /// A document of a case, for those who may open the case. Audited.
    pub async fn download_document(
        &self,
        actor: &Account,
        id: &CaseId,
        document: &DocumentId,
    ) -> Result<Download, AppError> {
        let document = document.clone();
        self.on_case(
            actor,
            id,
            CaseAction::DownloadDocument,
            move |tx, keys, actor, opened| {
                let (meta, content_ct) = tx
                    .case_document(&opened.case.id, &document)?
                    .ok_or(AppError::NotFound)?;
                let key = keys
                    .data_key(tx, &opened.case.person_id)?
                    .ok_or(AppError::NotFound)?;
                let mut plain = key.open(
                    &ctx("case_documents", "content", meta.id.as_str()),
                    &content_ct,
                )?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, "case.document.read", &opened),
                )?;
                let did = meta.id.as_str();
                Ok(Download {
                    kind: meta.kind,
                    bytes: std::mem::take(&mut *plain),
                    file_name: format!(
                        "document-{}.{}",
                        &did[did.len().saturating_sub(12)..],
                        meta.kind.extension()
                    ),
                })
            },
        )
        .await
    }

    /// Adds an episode of exploitation history.
    pub async fn add_history(
        &self,
        actor: &Account,
        id: &CaseId,
        new: NewHistory,
    ) -> Result<HistoryEntryId, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::AddHistory,
            move |tx, keys, actor, opened| {
                let t = tx.now();
                let e = ExploitationEpisode::new(
                    new.kind,
                    new.place,
                    &new.from,
                    &new.to,
                    &new.note,
                    t.date(),
                )?;
                let key = writable_key(keys, tx, &opened.case)?;
                let hid: HistoryEntryId = new_id(HistoryEntryId::parse)?;
                tx.insert_history_entry(&HistoryEntry {
                    note_ct: e.note.as_ref().map(|n| {
                        key.seal_str(&ctx("case_history", "note", hid.as_str()), n.expose())
                    }),
                    id: hid.clone(),
                    case_id: opened.case.id.clone(),
                    exploitation_type: e.kind,
                    place: e.place,
                    started_on: e.from,
                    ended_on: e.to,
                    recorded_at: t,
                    recorded_by: actor.user_id.clone(),
                })?;
                tx.audit(&keys.audit, &case_event(actor, "case.history.add", &opened))?;
                Ok(hid)
            },
        )
        .await
    }

    /// Records a risk-of-re-trafficking assessment (earlier ones are kept).
    pub async fn record_risk(
        &self,
        actor: &Account,
        id: &CaseId,
        level: RiskLevel,
        reasons: String,
    ) -> Result<RiskAssessmentId, AppError> {
        self.on_case(
            actor,
            id,
            CaseAction::RecordRisk,
            move |tx, keys, actor, opened| {
                let reasons = risk_reasons(&reasons)?;
                let key = writable_key(keys, tx, &opened.case)?;
                let rid: RiskAssessmentId = new_id(RiskAssessmentId::parse)?;
                tx.insert_risk_assessment(&RiskAssessment {
                    reasons_ct: key.seal_str(
                        &ctx("case_risk_assessments", "reasons", rid.as_str()),
                        reasons.expose(),
                    ),
                    id: rid.clone(),
                    case_id: opened.case.id.clone(),
                    level,
                    assessed_at: tx.now(),
                    assessed_by: actor.user_id.clone(),
                })?;
                tx.audit(&keys.audit, &case_event(actor, "case.risk.record", &opened))?;
                Ok(rid)
            },
        )
        .await
    }

    /// Assigns (or reassigns) a case to a caseworker or manager of the organisation. Managers only.
    pub async fn assign_case(
        &self,
        actor: &Account,
        id: &CaseId,
        to: &UserId,
    ) -> Result<(), AppError> {
        let to = to.clone();
        self.on_case(
            actor,
            id,
            CaseAction::Assign,
            move |tx, keys, actor, opened| {
                let staff = tx.case_staff(&actor.org_id)?;
                if !staff.iter().any(|s| s.id == to) {
                    return Err(waymark_domain::case_record::CaseError::Field {
                        field: "assignee",
                        problem: "Choose a caseworker or manager of your organisation",
                    }
                    .into());
                }
                tx.assign_case(&actor.org_id, &opened.case.id, &to)?;
                let reason = format!("to {to}");
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        reason: &reason,
                        ..case_event(actor, "case.assign", &opened)
                    },
                )?;
                Ok(())
            },
        )
        .await
    }

    /// Breaks the glass: a caseworker not assigned to a case of their organisation gets access to it for
    /// [`waymark_domain::case::BREAK_GLASS_MINUTES`], and the audit log keeps their reason. Returns when
    /// the access ends.
    pub async fn break_glass(
        &self,
        actor: &Account,
        id: &CaseId,
        reason: &str,
    ) -> Result<PrimitiveDateTime, AppError> {
        let reason = reason.to_owned();
        self.on_case(actor, id, CaseAction::BreakGlass, move |tx, keys, actor, opened| {
            let reason = BreakGlassReason::parse(&reason)
                .map_err(|e| AppError::Invalid(e.to_string()))?;
            let t = tx.now();
            let until = t + break_glass_duration();
            tx.grant_case_access(&opened.case.id, &actor.user_id, t, until)?;
            tx.audit(
                &keys.audit,
                &AuditEvent {
                    reason: reason.as_str(),
                    ..case_event(actor, "case.break_glass", &opened)
                },
            )?;
            tracing::warn!(case = %opened.case.id, user = %actor.user_id, "the glass was broken");
            Ok(until)
        })
        .await
    }

    /// The reference of a case the actor may break the glass for (for the page asking for a reason).
    /// `Conflict` when they can already open it.
    pub async fn break_glass_header(
        &self,
        actor: &Account,
        id: &CaseId,
    ) -> Result<CaseHeader, AppError> {
        self.case_header(actor, id, CaseAction::BreakGlass).await
    }

    /// The plan actions I own that are still open, by due date (titles are an audited read per case).
    pub async fn my_tasks(&self, actor: &Account) -> Result<Vec<Task>, AppError> {
        require(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store.run(move |tx| tasks_of(tx, &keys, &actor)).await
    }

    /// The organisation's referrals waiting for an answer, oldest first, with their age in days.
    pub async fn open_referrals(&self, actor: &Account) -> Result<Vec<OpenReferral>, AppError> {
        require(actor, Permission::ViewReferralInbox)?;
        let actor = actor.clone();
        self.store
            .run(move |tx| open_referrals_of(tx, &actor))
            .await
    }

    /// "My work", in one transaction: my tasks, my cases, the organisation's open referrals.
    pub async fn my_work(&self, actor: &Account) -> Result<MyWork, AppError> {
        require(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let staff = tx.case_staff(&actor.org_id)?;
                let cases = tx
                    .cases_assigned_to(&actor.org_id, &actor.user_id)?
                    .into_iter()
                    .map(|c| summary(c, &staff, None))
                    .collect();
                Ok(MyWork {
                    tasks: tasks_of(tx, &keys, &actor)?,
                    cases,
                    open_referrals: open_referrals_of(tx, &actor)?,
                })
            })
            .await
    }

    /// Finds cases of the actor's organisation by exact reference, name (any of the person's names) or
    /// date of birth, through blind indexes. Lists no personal field; says which hits the actor can open
    /// and which only by breaking the glass. Audited as a search of the organisation (never the term).
    pub async fn search_cases(
        &self,
        actor: &Account,
        query: CaseSearch,
    ) -> Result<Vec<CaseMatch>, AppError> {
        require(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let org = actor.org_id.clone();
                let (by, found) = match &query {
                    CaseSearch::Reference(r) => (
                        "by reference",
                        tx.case_by_reference(&org, &normalise_reference(r))?
                            .into_iter()
                            .collect(),
                    ),
                    CaseSearch::Name(n) => {
                        if n.trim().is_empty() {
                            return Err(AppError::Invalid("enter a name to search for".into()));
                        }
                        let digest = index_key(&keys, &org, IndexKind::Name).index(n);
                        (
                            "by name",
                            tx.cases_by_index(&org, IndexKind::Name, &digest)?,
                        )
                    }
                    CaseSearch::DateOfBirth(d) => {
                        let d = waymark_domain::case_record::parse_date("date_of_birth", d)?;
                        let digest =
                            index_key(&keys, &org, IndexKind::DateOfBirth).index(&iso_date(d));
                        (
                            "by date of birth",
                            tx.cases_by_index(&org, IndexKind::DateOfBirth, &digest)?,
                        )
                    }
                };
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: actor.user_id.as_str(),
                        org_id: Some(&actor.org_id),
                        action: "case.search",
                        record_type: "organisation",
                        record_id: org.as_str(),
                        reason: by,
                    },
                )?;
                matches(tx, &actor, found, None)
            })
            .await
    }
}
