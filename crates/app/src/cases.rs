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

/// Reads a case's closure for its view (the caller has opened the case for `actor`).
pub(crate) fn closure_view(
    tx: &mut Tx<'_>,
    _keys: &Keys,
    actor: &Account,
    case: &Case,
    key: Option<&DataKey>,
) -> Result<ClosureView, AppError> {
    let c = tx.case_closure(&case.id)?.unwrap_or_default();
    let move_on_plan = match (key, &c.move_on_plan_ct) {
        (Some(k), Some(ct)) => {
            Some(k.open_string(&ctx(SealedColumn::CaseMoveOnPlan, case.id.as_str()), ct)?)
        }
        _ => None,
    };
    let closed_by = match &c.closed_by {
        Some(u) => tx
            .case_staff(&actor.org_id)?
            .into_iter()
            .find(|s| &s.id == u)
            .map(|s| s.display_name)
            .or_else(|| Some("a former member of staff".into())),
        None => None,
    };
    let erased = key.is_none() || c.erased_at.is_some();
    let may = |tx: &mut Tx<'_>, a| -> Result<bool, AppError> {
        Ok(decision(tx, actor, case, a)?.0 == Decision::Permit)
    };
    Ok(ClosureView {
        can_close: !erased
            && case.status == CaseStatus::Open.as_str()
            && may(tx, CaseAction::Close)?,
        can_erase: c.erased_at.is_none() && may(tx, CaseAction::Erase)?,
        follow_ups: if erased {
            Vec::new()
        } else {
            tx.follow_up_ids(&case.id)?
        },
        closed_at: c.closed_at,
        closed_by,
        move_on_plan,
        erased_at: c.erased_at,
    })
}

// ---- the person document -----------------------------------------------------------------------------

/// The person's details as the sealed document holds them, opened.
impl PersonDoc {
    pub(crate) fn into_person(self) -> Person {
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
            case_list_scope(s.role, actor.org_kind).includes(
                case.assigned_to.as_ref() == Some(&s.id),
                via_grant && s.id == actor.user_id,
            )
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
    let open = |column: SealedColumn, row: &str, ct: &[u8]| -> Result<String, AppError> {
        match key {
            Some(k) => Ok(k.open_string(&ctx(column, row), ct)?),
            None => Ok(ERASED.to_owned()),
        }
    };
    let person = match (key, &rows.person) {
        (None, _) => erased_person(),
        (Some(k), Some(p)) => {
            let json = k.open(
                &ctx(SealedColumn::CasePerson, case.id.as_str()),
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
                    .map(|ct| open(SealedColumn::NeedsNote, cid, ct))
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
                title: open(SealedColumn::PlanActionTitle, a.id.as_str(), &a.title_ct)?,
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
                body: open(SealedColumn::NoteBody, n.id.as_str(), &n.body_ct)?,
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
                name: open(
                    SealedColumn::DocumentFilename,
                    d.id.as_str(),
                    &d.filename_ct,
                )?,
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
                    .map(|ct| open(SealedColumn::HistoryNote, h.id.as_str(), ct))
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
                reasons: open(SealedColumn::RiskReasons, r.id.as_str(), &r.reasons_ct)?,
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

/// The cases the actor can open: a manager every case of the organisation, a caseworker the cases
/// assigned to them and those they hold a live grant for.
fn visible_cases(tx: &mut Tx<'_>, actor: &Account) -> Result<Vec<CaseSummary>, AppError> {
    let staff = tx.case_staff(&actor.org_id)?;
    let mut out: Vec<CaseSummary> = Vec::new();
    match case_list_scope(actor.role, actor.org_kind) {
        CaseListScope::Organisation => out.extend(
            tx.cases_of(&actor.org_id)?
                .into_iter()
                .map(|c| summary(c, &staff, None)),
        ),
        CaseListScope::AssignedOrGranted => {
            out.extend(
                tx.cases_assigned_to(&actor.org_id, &actor.user_id)?
                    .into_iter()
                    .map(|c| summary(c, &staff, None)),
            );
            for (c, until) in tx.granted_cases(&actor.org_id, &actor.user_id, tx.now())? {
                if !out.iter().any(|s| s.id == c.id) {
                    out.push(summary(c, &staff, Some(until)));
                }
            }
        }
        CaseListScope::Nothing => {}
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
                            action: AuditAction::CasePlanRead.as_str(),
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
                &ctx(SealedColumn::PlanActionTitle, action.id.as_str()),
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
            tx.audit(
                &keys.audit,
                &case_event(actor, AuditAction::CaseRead, &opened),
            )?;
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
        closure: closure_view(tx, keys, actor, case, key.as_ref())?,
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
                    &case_event(actor, AuditAction::CasePersonUpdate, &opened),
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
                    .map(|n| key.seal_str(&ctx(SealedColumn::NeedsNote, cid), n.expose()));
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
                    &case_event(actor, AuditAction::CaseNeedsUpdate, &opened),
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
                        &ctx(SealedColumn::PlanActionTitle, aid.as_str()),
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
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CasePlanAdd, &opened),
                )?;
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
                    &case_event(actor, AuditAction::CasePlanComplete, &opened),
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
                    body_ct: key
                        .seal_str(&ctx(SealedColumn::NoteBody, nid.as_str()), body.expose()),
                    id: nid.clone(),
                    case_id: opened.case.id.clone(),
                    author_id: actor.user_id.clone(),
                    created_at: tx.now(),
                })?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseNoteAdd, &opened),
                )?;
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
                // The upload is personal data: wiped when dropped.
                let bytes = Zeroizing::new(bytes);
                let kind = check_document(&bytes)?;
                let size_bytes = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
                let name = document_name(&file_name);
                let key = writable_key(keys, tx, &opened.case)?;
                let did: DocumentId = new_id(DocumentId::parse)?;
                let content_ct =
                    key.seal(&ctx(SealedColumn::DocumentContent, did.as_str()), &bytes);
                tx.insert_case_document(
                    &CaseDocument {
                        filename_ct: key.seal_str(
                            &ctx(SealedColumn::DocumentFilename, did.as_str()),
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
                    &case_event(actor, AuditAction::CaseDocumentUpload, &opened),
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
                    &ctx(SealedColumn::DocumentContent, meta.id.as_str()),
                    &content_ct,
                )?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseDocumentRead, &opened),
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
                        key.seal_str(&ctx(SealedColumn::HistoryNote, hid.as_str()), n.expose())
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
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseHistoryAdd, &opened),
                )?;
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
                        &ctx(SealedColumn::RiskReasons, rid.as_str()),
                        reasons.expose(),
                    ),
                    id: rid.clone(),
                    case_id: opened.case.id.clone(),
                    level,
                    assessed_at: tx.now(),
                    assessed_by: actor.user_id.clone(),
                })?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseRiskRecord, &opened),
                )?;
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
                        ..case_event(actor, AuditAction::CaseAssign, &opened)
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
                    ..case_event(actor, AuditAction::CaseBreakGlass, &opened)
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
                        action: AuditAction::CaseSearch.as_str(),
                        record_type: "organisation",
                        record_id: org.as_str(),
                        reason: by,
                    },
                )?;
                visible_matches(tx, &actor, found, None)
            })
            .await
    }
}
