//! The parts of a case record: the person, needs, the support plan, notes, documents, exploitation
//! history and risk assessments. Each query is scoped by the case the caller found through
//! [`Tx::case_of`] (so by organisation); personal values arrive sealed and leave sealed.

use diesel::prelude::*;
use time::{Date, PrimitiveDateTime};
use waymark_domain::case_record::{
    DocumentKind, ExploitationPlace, IndexKind, NeedUrgency, PlanStatus, RiskLevel,
};
use waymark_domain::ids::{DocumentId, HistoryEntryId, NoteId, PlanActionId, RiskAssessmentId};
use waymark_domain::{CaseId, ExploitationType, Need, OrgId, Role, UserId};

use crate::referrals::CaseRow;
use crate::repo::{convert, corrupt, id, is_unique_violation};
use crate::schema::{
    case_documents, case_history, case_index, case_needs, case_needs_assessments, case_notes,
    case_persons, case_plan_actions, case_risk_assessments, cases,
};
use crate::{Case, StoreError, Tx};

/// The person's details as stored: one sealed document.
#[derive(Debug, Clone)]
pub struct CasePerson {
    pub person_ct: Vec<u8>,
    pub updated_at: PrimitiveDateTime,
    pub updated_by: UserId,
}

/// The needs assessment as stored: an urgency per need, and a sealed note.
#[derive(Debug, Clone)]
pub struct CaseNeeds {
    pub needs: Vec<(Need, NeedUrgency)>,
    pub note_ct: Option<Vec<u8>>,
    pub assessed_at: PrimitiveDateTime,
    pub assessed_by: UserId,
}

/// One action of the support plan.
#[derive(Debug, Clone)]
pub struct PlanAction {
    pub id: PlanActionId,
    pub case_id: CaseId,
    pub title_ct: Vec<u8>,
    pub owner_id: UserId,
    pub due_on: Date,
    pub status: PlanStatus,
    pub created_at: PrimitiveDateTime,
    pub created_by: UserId,
    pub done_at: Option<PrimitiveDateTime>,
    pub done_by: Option<UserId>,
}

#[derive(Debug, Clone)]
pub struct CaseNote {
    pub id: NoteId,
    pub case_id: CaseId,
    pub author_id: UserId,
    pub body_ct: Vec<u8>,
    pub created_at: PrimitiveDateTime,
}

/// A document's description; its sealed content is read only when it is downloaded.
#[derive(Debug, Clone)]
pub struct CaseDocument {
    pub id: DocumentId,
    pub case_id: CaseId,
    pub kind: DocumentKind,
    pub size_bytes: i64,
    pub filename_ct: Vec<u8>,
    pub uploaded_at: PrimitiveDateTime,
    pub uploaded_by: UserId,
}

#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub id: HistoryEntryId,
    pub case_id: CaseId,
    pub exploitation_type: ExploitationType,
    pub place: ExploitationPlace,
    pub started_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub note_ct: Option<Vec<u8>>,
    pub recorded_at: PrimitiveDateTime,
    pub recorded_by: UserId,
}

#[derive(Debug, Clone)]
pub struct RiskAssessment {
    pub id: RiskAssessmentId,
    pub case_id: CaseId,
    pub level: RiskLevel,
    pub reasons_ct: Vec<u8>,
    pub assessed_at: PrimitiveDateTime,
    pub assessed_by: UserId,
}

/// Everything a case record holds beyond the case row, read in one go for the case page.
#[derive(Debug, Clone, Default)]
pub struct CaseRecordRows {
    pub person: Option<CasePerson>,
    pub needs: Option<CaseNeeds>,
    /// By due date.
    pub plan: Vec<PlanAction>,
    /// Newest first.
    pub notes: Vec<CaseNote>,
    /// Newest first.
    pub documents: Vec<CaseDocument>,
    /// Newest first.
    pub history: Vec<HistoryEntry>,
    /// Newest first: the first is the current assessment.
    pub risks: Vec<RiskAssessment>,
}

/// A member of staff of an organisation, as lists of owners and assignees show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: UserId,
    pub display_name: String,
    pub role: Role,
}

pub(crate) fn user_id(v: &str) -> Result<UserId, StoreError> {
    id(UserId::parse, v)
}

fn opt_user_id(v: Option<&str>) -> Result<Option<UserId>, StoreError> {
    v.map(user_id).transpose()
}

type PlanRow = (
    String,
    String,
    Vec<u8>,
    String,
    Date,
    String,
    PrimitiveDateTime,
    String,
    Option<PrimitiveDateTime>,
    Option<String>,
);

fn plan_action(r: PlanRow) -> Result<PlanAction, StoreError> {
    let (pid, case_id, title_ct, owner, due_on, status, created_at, created_by, done_at, done_by) =
        r;
    Ok(PlanAction {
        id: id(PlanActionId::parse, &pid)?,
        case_id: id(CaseId::parse, &case_id)?,
        title_ct,
        owner_id: user_id(&owner)?,
        due_on,
        status: PlanStatus::parse(&status).map_err(corrupt("plan status"))?,
        created_at,
        created_by: user_id(&created_by)?,
        done_at,
        done_by: opt_user_id(done_by.as_deref())?,
    })
}

macro_rules! plan_columns {
    () => {
        (
            case_plan_actions::id,
            case_plan_actions::case_id,
            case_plan_actions::title_ct,
            case_plan_actions::owner_id,
            case_plan_actions::due_on,
            case_plan_actions::status,
            case_plan_actions::created_at,
            case_plan_actions::created_by,
            case_plan_actions::done_at,
            case_plan_actions::done_by,
        )
    };
}

macro_rules! document_columns {
    () => {
        (
            case_documents::id,
            case_documents::case_id,
            case_documents::kind,
            case_documents::size_bytes,
            case_documents::filename_ct,
            case_documents::uploaded_at,
            case_documents::uploaded_by,
        )
    };
}

type DocumentRow = (
    String,
    String,
    String,
    i64,
    Vec<u8>,
    PrimitiveDateTime,
    String,
);

fn document(r: DocumentRow) -> Result<CaseDocument, StoreError> {
    let (did, case_id, kind, size_bytes, filename_ct, uploaded_at, uploaded_by) = r;
    Ok(CaseDocument {
        id: id(DocumentId::parse, &did)?,
        case_id: id(CaseId::parse, &case_id)?,
        kind: DocumentKind::parse(&kind).map_err(corrupt("document type"))?,
        size_bytes,
        filename_ct,
        uploaded_at,
        uploaded_by: user_id(&uploaded_by)?,
    })
}

impl Tx<'_> {
    // ---- the person ------------------------------------------------------------------------------------

    /// Stores (or replaces) the sealed person document of a case.
    pub fn set_case_person(
        &mut self,
        case_id: &CaseId,
        person_ct: &[u8],
        at: PrimitiveDateTime,
        by: &UserId,
    ) -> Result<(), StoreError> {
        let changed =
            diesel::update(case_persons::table.filter(case_persons::case_id.eq(case_id.as_str())))
                .set((
                    case_persons::person_ct.eq(person_ct),
                    case_persons::updated_at.eq(at),
                    case_persons::updated_by.eq(by.as_str()),
                ))
                .execute(self.conn)?;
        if changed == 0 {
            diesel::insert_into(case_persons::table)
                .values((
                    case_persons::case_id.eq(case_id.as_str()),
                    case_persons::person_ct.eq(person_ct),
                    case_persons::updated_at.eq(at),
                    case_persons::updated_by.eq(by.as_str()),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    /// Replaces a case's blind-index entries (names and date of birth).
    pub fn replace_case_index(
        &mut self,
        case: &Case,
        entries: &[(IndexKind, Vec<u8>)],
    ) -> Result<(), StoreError> {
        diesel::delete(case_index::table.filter(case_index::case_id.eq(case.id.as_str())))
            .execute(self.conn)?;
        let mut seen: Vec<(IndexKind, &[u8])> = Vec::new();
        for (kind, digest) in entries {
            if seen.contains(&(*kind, digest.as_slice())) {
                continue;
            }
            seen.push((*kind, digest.as_slice()));
            diesel::insert_into(case_index::table)
                .values((
                    case_index::case_id.eq(case.id.as_str()),
                    case_index::org_id.eq(case.org_id.as_str()),
                    case_index::kind.eq(kind.as_str()),
                    case_index::digest.eq(digest.as_slice()),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    /// The cases of `org` with a blind-index entry equal to `digest`, newest first.
    pub fn cases_by_index(
        &mut self,
        org: &OrgId,
        kind: IndexKind,
        digest: &[u8],
    ) -> Result<Vec<Case>, StoreError> {
        let rows = cases::table
            .inner_join(case_index::table)
            .filter(case_index::org_id.eq(org.as_str()))
            .filter(cases::org_id.eq(org.as_str()))
            .filter(case_index::kind.eq(kind.as_str()))
            .filter(case_index::digest.eq(digest))
            .order((cases::opened_at.desc(), cases::id.desc()))
            .select(cases::all_columns)
            .distinct()
            .load::<CaseRow>(self.conn)?;
        convert(rows)
    }

    // ---- needs -----------------------------------------------------------------------------------------

    /// Replaces a case's needs assessment.
    pub fn replace_case_needs(
        &mut self,
        case_id: &CaseId,
        needs: &[(Need, NeedUrgency)],
        note_ct: Option<&[u8]>,
        at: PrimitiveDateTime,
        by: &UserId,
    ) -> Result<(), StoreError> {
        diesel::delete(case_needs::table.filter(case_needs::case_id.eq(case_id.as_str())))
            .execute(self.conn)?;
        for (need, urgency) in needs {
            diesel::insert_into(case_needs::table)
                .values((
                    case_needs::case_id.eq(case_id.as_str()),
                    case_needs::need.eq(need.as_str()),
                    case_needs::urgency.eq(urgency.as_str()),
                ))
                .execute(self.conn)?;
        }
        diesel::delete(
            case_needs_assessments::table
                .filter(case_needs_assessments::case_id.eq(case_id.as_str())),
        )
        .execute(self.conn)?;
        diesel::insert_into(case_needs_assessments::table)
            .values((
                case_needs_assessments::case_id.eq(case_id.as_str()),
                case_needs_assessments::note_ct.eq(note_ct),
                case_needs_assessments::assessed_at.eq(at),
                case_needs_assessments::assessed_by.eq(by.as_str()),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    // ---- the support plan ------------------------------------------------------------------------------

    pub fn insert_plan_action(&mut self, a: &PlanAction) -> Result<(), StoreError> {
        diesel::insert_into(case_plan_actions::table)
            .values((
                case_plan_actions::id.eq(a.id.as_str()),
                case_plan_actions::case_id.eq(a.case_id.as_str()),
                case_plan_actions::title_ct.eq(&a.title_ct),
                case_plan_actions::owner_id.eq(a.owner_id.as_str()),
                case_plan_actions::due_on.eq(a.due_on),
                case_plan_actions::status.eq(a.status.as_str()),
                case_plan_actions::created_at.eq(a.created_at),
                case_plan_actions::created_by.eq(a.created_by.as_str()),
                case_plan_actions::done_at.eq(a.done_at),
                case_plan_actions::done_by.eq(a.done_by.as_ref().map(UserId::as_str)),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// Marks an open plan action of this case done. Returns whether one changed.
    pub fn complete_plan_action(
        &mut self,
        case_id: &CaseId,
        action: &PlanActionId,
        at: PrimitiveDateTime,
        by: &UserId,
    ) -> Result<bool, StoreError> {
        let changed = diesel::update(
            case_plan_actions::table
                .filter(case_plan_actions::id.eq(action.as_str()))
                .filter(case_plan_actions::case_id.eq(case_id.as_str()))
                .filter(case_plan_actions::status.eq(PlanStatus::Open.as_str())),
        )
        .set((
            case_plan_actions::status.eq(PlanStatus::Done.as_str()),
            case_plan_actions::done_at.eq(Some(at)),
            case_plan_actions::done_by.eq(Some(by.as_str())),
        ))
        .execute(self.conn)?;
        Ok(changed == 1)
    }

    /// One plan action of this case.
    pub fn plan_action(
        &mut self,
        case_id: &CaseId,
        action: &PlanActionId,
    ) -> Result<Option<PlanAction>, StoreError> {
        case_plan_actions::table
            .filter(case_plan_actions::id.eq(action.as_str()))
            .filter(case_plan_actions::case_id.eq(case_id.as_str()))
            .select(plan_columns!())
            .first::<PlanRow>(self.conn)
            .optional()?
            .map(plan_action)
            .transpose()
    }

    /// The open plan actions `owner` owns on cases of `org`, with their cases, by due date.
    pub fn open_tasks_of(
        &mut self,
        org: &OrgId,
        owner: &UserId,
    ) -> Result<Vec<(PlanAction, Case)>, StoreError> {
        let rows = case_plan_actions::table
            .inner_join(cases::table)
            .filter(cases::org_id.eq(org.as_str()))
            .filter(case_plan_actions::owner_id.eq(owner.as_str()))
            .filter(case_plan_actions::status.eq(PlanStatus::Open.as_str()))
            .order((case_plan_actions::due_on.asc(), case_plan_actions::id.asc()))
            .select((plan_columns!(), cases::all_columns))
            .load::<(PlanRow, CaseRow)>(self.conn)?;
        rows.into_iter()
            .map(|(p, c)| Ok((plan_action(p)?, Case::try_from(c)?)))
            .collect()
    }

    // ---- notes, documents, history, risk ----------------------------------------------------------------

    pub fn insert_case_note(&mut self, n: &CaseNote) -> Result<(), StoreError> {
        diesel::insert_into(case_notes::table)
            .values((
                case_notes::id.eq(n.id.as_str()),
                case_notes::case_id.eq(n.case_id.as_str()),
                case_notes::author_id.eq(n.author_id.as_str()),
                case_notes::body_ct.eq(&n.body_ct),
                case_notes::created_at.eq(n.created_at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    pub fn insert_case_document(
        &mut self,
        d: &CaseDocument,
        content_ct: &[u8],
    ) -> Result<(), StoreError> {
        diesel::insert_into(case_documents::table)
            .values((
                case_documents::id.eq(d.id.as_str()),
                case_documents::case_id.eq(d.case_id.as_str()),
                case_documents::kind.eq(d.kind.as_str()),
                case_documents::size_bytes.eq(d.size_bytes),
                case_documents::filename_ct.eq(&d.filename_ct),
                case_documents::content_ct.eq(content_ct),
                case_documents::uploaded_at.eq(d.uploaded_at),
                case_documents::uploaded_by.eq(d.uploaded_by.as_str()),
            ))
            .execute(self.conn)
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::Duplicate("document")
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    /// One document of this case with its sealed content.
    pub fn case_document(
        &mut self,
        case_id: &CaseId,
        document_id: &DocumentId,
    ) -> Result<Option<(CaseDocument, Vec<u8>)>, StoreError> {
        let row = case_documents::table
            .filter(case_documents::id.eq(document_id.as_str()))
            .filter(case_documents::case_id.eq(case_id.as_str()))
            .select((document_columns!(), case_documents::content_ct))
            .first::<(DocumentRow, Vec<u8>)>(self.conn)
            .optional()?;
        row.map(|(d, content)| Ok((document(d)?, content)))
            .transpose()
    }

    pub fn insert_history_entry(&mut self, h: &HistoryEntry) -> Result<(), StoreError> {
        diesel::insert_into(case_history::table)
            .values((
                case_history::id.eq(h.id.as_str()),
                case_history::case_id.eq(h.case_id.as_str()),
                case_history::exploitation_type.eq(h.exploitation_type.as_str()),
                case_history::place.eq(h.place.as_str()),
                case_history::started_on.eq(h.started_on),
                case_history::ended_on.eq(h.ended_on),
                case_history::note_ct.eq(h.note_ct.as_deref()),
                case_history::recorded_at.eq(h.recorded_at),
                case_history::recorded_by.eq(h.recorded_by.as_str()),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    pub fn insert_risk_assessment(&mut self, r: &RiskAssessment) -> Result<(), StoreError> {
        diesel::insert_into(case_risk_assessments::table)
            .values((
                case_risk_assessments::id.eq(r.id.as_str()),
                case_risk_assessments::case_id.eq(r.case_id.as_str()),
                case_risk_assessments::level.eq(r.level.as_str()),
                case_risk_assessments::reasons_ct.eq(&r.reasons_ct),
                case_risk_assessments::assessed_at.eq(r.assessed_at),
                case_risk_assessments::assessed_by.eq(r.assessed_by.as_str()),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// Everything recorded on a case (one query per part, none in a loop). Documents without content.
    pub fn case_record(&mut self, case: &Case) -> Result<CaseRecordRows, StoreError> {
        let cid = case.id.as_str();
        let person = case_persons::table
            .filter(case_persons::case_id.eq(cid))
            .select((
                case_persons::person_ct,
                case_persons::updated_at,
                case_persons::updated_by,
            ))
            .first::<(Vec<u8>, PrimitiveDateTime, String)>(self.conn)
            .optional()?
            .map(|(person_ct, updated_at, by)| {
                Ok::<_, StoreError>(CasePerson {
                    person_ct,
                    updated_at,
                    updated_by: user_id(&by)?,
                })
            })
            .transpose()?;
        let assessment = case_needs_assessments::table
            .filter(case_needs_assessments::case_id.eq(cid))
            .select((
                case_needs_assessments::note_ct,
                case_needs_assessments::assessed_at,
                case_needs_assessments::assessed_by,
            ))
            .first::<(Option<Vec<u8>>, PrimitiveDateTime, String)>(self.conn)
            .optional()?;
        let needs = match assessment {
            Some((note_ct, assessed_at, by)) => {
                let rows = case_needs::table
                    .filter(case_needs::case_id.eq(cid))
                    .select((case_needs::need, case_needs::urgency))
                    .load::<(String, String)>(self.conn)?;
                let mut needs = rows
                    .into_iter()
                    .map(|(n, u)| {
                        Ok((
                            Need::parse(&n).map_err(corrupt("need"))?,
                            NeedUrgency::parse(&u).map_err(corrupt("urgency"))?,
                        ))
                    })
                    .collect::<Result<Vec<_>, StoreError>>()?;
                needs.sort();
                Some(CaseNeeds {
                    needs,
                    note_ct,
                    assessed_at,
                    assessed_by: user_id(&by)?,
                })
            }
            None => None,
        };
        let plan = case_plan_actions::table
            .filter(case_plan_actions::case_id.eq(cid))
            .order((
                case_plan_actions::due_on.asc(),
                case_plan_actions::created_at.asc(),
                case_plan_actions::id.asc(),
            ))
            .select(plan_columns!())
            .load::<PlanRow>(self.conn)?
            .into_iter()
            .map(plan_action)
            .collect::<Result<_, _>>()?;
        let notes = case_notes::table
            .filter(case_notes::case_id.eq(cid))
            .order((case_notes::created_at.desc(), case_notes::id.desc()))
            .select((
                case_notes::id,
                case_notes::case_id,
                case_notes::author_id,
                case_notes::body_ct,
                case_notes::created_at,
            ))
            .load::<(String, String, String, Vec<u8>, PrimitiveDateTime)>(self.conn)?
            .into_iter()
            .map(|(nid, case_id, author, body_ct, created_at)| {
                Ok(CaseNote {
                    id: id(NoteId::parse, &nid)?,
                    case_id: id(CaseId::parse, &case_id)?,
                    author_id: user_id(&author)?,
                    body_ct,
                    created_at,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let documents = case_documents::table
            .filter(case_documents::case_id.eq(cid))
            .order((
                case_documents::uploaded_at.desc(),
                case_documents::id.desc(),
            ))
            .select(document_columns!())
            .load::<DocumentRow>(self.conn)?
            .into_iter()
            .map(document)
            .collect::<Result<_, _>>()?;
        type HistoryRow = (
            String,
            String,
            String,
            String,
            Option<Date>,
            Option<Date>,
            Option<Vec<u8>>,
            PrimitiveDateTime,
            String,
        );
        let history = case_history::table
            .filter(case_history::case_id.eq(cid))
            .order((case_history::recorded_at.desc(), case_history::id.desc()))
            .select((
                case_history::id,
                case_history::case_id,
                case_history::exploitation_type,
                case_history::place,
                case_history::started_on,
                case_history::ended_on,
                case_history::note_ct,
                case_history::recorded_at,
                case_history::recorded_by,
            ))
            .load::<HistoryRow>(self.conn)?
            .into_iter()
            .map(
                |(hid, case_id, kind, place, started_on, ended_on, note_ct, at, by)| {
                    Ok(HistoryEntry {
                        id: id(HistoryEntryId::parse, &hid)?,
                        case_id: id(CaseId::parse, &case_id)?,
                        exploitation_type: ExploitationType::parse(&kind)
                            .map_err(corrupt("exploitation type"))?,
                        place: ExploitationPlace::parse(&place).map_err(corrupt("place"))?,
                        started_on,
                        ended_on,
                        note_ct,
                        recorded_at: at,
                        recorded_by: user_id(&by)?,
                    })
                },
            )
            .collect::<Result<_, StoreError>>()?;
        let risks = case_risk_assessments::table
            .filter(case_risk_assessments::case_id.eq(cid))
            .order((
                case_risk_assessments::assessed_at.desc(),
                case_risk_assessments::id.desc(),
            ))
            .select((
                case_risk_assessments::id,
                case_risk_assessments::case_id,
                case_risk_assessments::level,
                case_risk_assessments::reasons_ct,
                case_risk_assessments::assessed_at,
                case_risk_assessments::assessed_by,
            ))
            .load::<(String, String, String, Vec<u8>, PrimitiveDateTime, String)>(self.conn)?
            .into_iter()
            .map(|(rid, case_id, level, reasons_ct, at, by)| {
                Ok(RiskAssessment {
                    id: id(RiskAssessmentId::parse, &rid)?,
                    case_id: id(CaseId::parse, &case_id)?,
                    level: RiskLevel::parse(&level).map_err(corrupt("risk level"))?,
                    reasons_ct,
                    assessed_at: at,
                    assessed_by: user_id(&by)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(CaseRecordRows {
            person,
            needs,
            plan,
            notes,
            documents,
            history,
            risks,
        })
    }
}
