//! The JSON API of the case record: the case with everything recorded on it, each part of the record,
//! documents (multipart upload, download), assignment, break the glass, my tasks, open referrals and
//! search. Every call is decided by the case policy in the use case: a case the caller may not open is
//! 404, exactly as one that does not exist.

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use waymark_app::{
    App, AppError, CaseMatch, CaseSearch, CaseView, NewHistory, NewPlanAction, StaffMember,
};
use waymark_domain::case::{CaseAccess, CaseStatus};
use waymark_domain::case_record::{
    DocumentError, DueState, ExploitationPlace, NeedUrgency, PersonDraft, RiskLevel,
};
use waymark_domain::ids::{DocumentId, PlanActionId};
use waymark_domain::{CaseId, ExploitationType, Need, UserId};

use super::{ApiJson, ApiQuery, ReferralBody, invalid, iso, referral_body};
use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::pages::case_record::{UPLOAD_BODY_LIMIT, UploadProblem, download_response, read_upload};
use crate::routes::RouteTable;

mod record;
mod work;
pub(super) use record::*;
pub(super) use work::*;

pub(super) fn router() -> RouteTable {
    RouteTable::new()
        .route("/cases", get(list_cases))
        .route("/cases/{id}", get(case))
        .route("/cases/{id}/person", post(update_person))
        .route("/cases/{id}/needs", post(record_needs))
        .route("/cases/{id}/plan-actions", post(add_plan_action))
        .route(
            "/cases/{id}/plan-actions/{action}/done",
            post(complete_plan_action),
        )
        .route("/cases/{id}/notes", post(add_note))
        .route(
            "/cases/{id}/documents",
            post(upload_document).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route("/cases/{id}/documents/{document}", get(download_document))
        .route("/cases/{id}/history", post(add_history))
        .route("/cases/{id}/risk", post(record_risk))
        .route("/cases/{id}/assign", post(assign))
        .route("/cases/{id}/break-glass", post(break_glass))
        .route("/tasks", get(tasks))
        .route("/open-referrals", get(open_referrals))
        .route("/search", get(search).post(search_posted))
}

fn case_id(id: &str) -> Result<CaseId, ApiError> {
    CaseId::parse(id).map_err(|_| ApiError::App(AppError::NotFound))
}

fn day(d: time::Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

// ---- the case ----------------------------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct StaffBody {
    id: String,
    name: String,
}

fn staff(s: &StaffMember) -> StaffBody {
    StaffBody {
        id: s.id.to_string(),
        name: s.display_name.clone(),
    }
}

/// The person, as the case record holds them (sealed at rest).
#[derive(Serialize, ToSchema)]
pub struct CasePersonBody {
    name: String,
    aliases: Vec<String>,
    /// `YYYY-MM-DD`, when known.
    date_of_birth: Option<String>,
    /// In years, when the date of birth is not known.
    age: Option<u8>,
    nationality: String,
    languages: String,
    safe_contact: String,
    /// Addresses never to write to.
    never_write_to: String,
}

#[derive(Serialize, ToSchema)]
pub struct NeedBody {
    /// A `needs` id from the vocabulary.
    need: String,
    /// `high`, `medium` or `low`.
    urgency: String,
}

#[derive(Serialize, ToSchema)]
pub struct NeedsBody {
    needs: Vec<NeedBody>,
    note: Option<String>,
    assessed_at: String,
    assessed_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct PlanActionBody {
    id: String,
    title: String,
    owner: StaffBody,
    /// `YYYY-MM-DD`.
    due_on: String,
    /// `open` or `done`.
    status: String,
    /// `overdue`, `due_today` or `upcoming`.
    due: String,
    done_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct NoteBody {
    id: String,
    author: String,
    body: String,
    created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct DocumentBody {
    id: String,
    /// The name it was uploaded with.
    name: String,
    /// `pdf`, `png`, `jpeg` or `text`: decided from the content.
    #[serde(rename = "type")]
    kind: String,
    size_bytes: i64,
    uploaded_at: String,
    uploaded_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct HistoryBody {
    id: String,
    /// An `exploitation_types` id.
    exploitation_type: String,
    /// `uk` or `abroad`.
    place: String,
    from: Option<String>,
    to: Option<String>,
    note: Option<String>,
    recorded_at: String,
    recorded_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct RiskBody {
    id: String,
    /// `low`, `medium` or `high`.
    level: String,
    reasons: String,
    assessed_at: String,
    assessed_by: String,
}

/// A case with everything recorded on it. Once the case is erased (`erased: true`) it carries no
/// personal field: `person`, `referral`, `needs` and `move_on_plan` are `null` and every list is empty.
#[derive(Serialize, ToSchema)]
pub struct CaseBody {
    id: String,
    status: String,
    opened_at: String,
    /// `null` once the case is erased.
    referral: Option<ReferralBody>,
    /// The organisation's reference, e.g. `HL-2026-0007`.
    reference: String,
    assigned_to: Option<StaffBody>,
    /// Set when the caller opened the case by breaking the glass: when that access ends.
    access_until: Option<String>,
    /// The person had their data erased: no personal field can be read, and none is sent.
    erased: bool,
    /// When the case was erased (by a manager or when its retention period ended).
    erased_at: Option<String>,
    /// When the case was closed.
    closed_at: Option<String>,
    /// The move-on plan it was closed with; `null` while open and once erased.
    move_on_plan: Option<String>,
    /// The follow-up check-ins closing scheduled (ids of `plan_actions`).
    follow_ups: Vec<String>,
    /// `null` once the case is erased.
    person: Option<CasePersonBody>,
    needs: Option<NeedsBody>,
    plan_actions: Vec<PlanActionBody>,
    /// Newest first.
    notes: Vec<NoteBody>,
    /// Newest first; download each from `/cases/{id}/documents/{document}`.
    documents: Vec<DocumentBody>,
    history: Vec<HistoryBody>,
    /// Newest first: the first is the current assessment.
    risk_assessments: Vec<RiskBody>,
}

fn due(d: DueState) -> &'static str {
    match d {
        DueState::Overdue => "overdue",
        DueState::DueToday => "due_today",
        DueState::Upcoming => "upcoming",
    }
}

fn case_body(c: CaseView) -> CaseBody {
    let owner = |id: &UserId, name: &str| StaffBody {
        id: id.to_string(),
        name: name.to_owned(),
    };
    CaseBody {
        id: c.id.to_string(),
        status: c.status,
        opened_at: iso(c.opened_at),
        reference: c.reference,
        assigned_to: c.assigned_to.as_ref().map(staff),
        access_until: c.access_until.map(iso),
        erased: c.erased,
        erased_at: c.closure.erased_at.map(iso),
        closed_at: c.closure.closed_at.map(iso),
        move_on_plan: c.closure.move_on_plan,
        follow_ups: c
            .closure
            .follow_ups
            .iter()
            .map(ToString::to_string)
            .collect(),
        person: c.person.map(|p| CasePersonBody {
            name: p.name,
            aliases: p.aliases,
            date_of_birth: p.date_of_birth.map(day),
            age: p.age,
            nationality: p.nationality,
            languages: p.languages,
            safe_contact: p.safe_contact,
            never_write_to: p.never_write_to,
        }),
        needs: c.needs.map(|n| NeedsBody {
            needs: n
                .needs
                .iter()
                .map(|(need, u)| NeedBody {
                    need: need.as_str().into(),
                    urgency: u.as_str().into(),
                })
                .collect(),
            note: n.note,
            assessed_at: iso(n.assessed_at),
            assessed_by: n.assessed_by,
        }),
        plan_actions: c
            .plan
            .into_iter()
            .map(|a| PlanActionBody {
                owner: owner(&a.owner_id, &a.owner),
                id: a.id.to_string(),
                title: a.title,
                due_on: day(a.due_on),
                status: a.status.as_str().into(),
                due: due(a.due).into(),
                done_at: a.done_at.map(iso),
            })
            .collect(),
        notes: c
            .notes
            .into_iter()
            .map(|n| NoteBody {
                id: n.id.to_string(),
                author: n.author,
                body: n.body,
                created_at: iso(n.at),
            })
            .collect(),
        documents: c
            .documents
            .into_iter()
            .map(|d| DocumentBody {
                id: d.id.to_string(),
                name: d.name,
                kind: d.kind.as_str().into(),
                size_bytes: d.size_bytes,
                uploaded_at: iso(d.uploaded_at),
                uploaded_by: d.uploaded_by,
            })
            .collect(),
        history: c
            .history
            .into_iter()
            .map(|h| HistoryBody {
                id: h.id.to_string(),
                exploitation_type: h.kind.as_str().into(),
                place: h.place.as_str().into(),
                from: h.from.map(day),
                to: h.to.map(day),
                note: h.note,
                recorded_at: iso(h.recorded_at),
                recorded_by: h.recorded_by,
            })
            .collect(),
        risk_assessments: c
            .risks
            .into_iter()
            .map(|r| RiskBody {
                id: r.id.to_string(),
                level: r.level.as_str().into(),
                reasons: r.reasons,
                assessed_at: iso(r.assessed_at),
                assessed_by: r.assessed_by,
            })
            .collect(),
        referral: if c.erased {
            None
        } else {
            Some(referral_body(c.referral))
        },
    }
}

/// A case with the person's details and everything recorded on it (audited). 404 for anyone who may not
/// open it: another organisation, a helper, an administrator, a caseworker not assigned without a live
/// break-the-glass grant.
#[utoipa::path(get, path = "/cases/{id}", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = CaseBody), (status = 404, body = Problem)))]
pub(super) async fn case(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<CaseBody>, ApiError> {
    let id = case_id(&id)?;
    Ok(Json(case_body(app.case(&account, &id).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct CaseSummaryBody {
    id: String,
    reference: String,
    status: String,
    opened_at: String,
    assigned_to: Option<String>,
    /// Opened through a break-the-glass grant that ends then.
    access_until: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CaseListResponse {
    cases: Vec<CaseSummaryBody>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatusQuery {
    /// `open` or `closed`; all when left out.
    status: Option<String>,
}

/// The cases the caller can open (a manager: every case of the organisation; a caseworker: those
/// assigned to them and those they broke the glass for), newest first. No personal field.
#[utoipa::path(get, path = "/cases", security(("bearer" = [])), params(StatusQuery),
    responses((status = 200, body = CaseListResponse), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
async fn list_cases(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    ApiQuery(q): ApiQuery<StatusQuery>,
) -> Result<Json<CaseListResponse>, ApiError> {
    let status = q
        .status
        .as_deref()
        .map(CaseStatus::parse)
        .transpose()
        .map_err(invalid)?;
    let cases = app
        .cases_by_status(&account, status)
        .await?
        .into_iter()
        .map(|c| CaseSummaryBody {
            id: c.id.to_string(),
            reference: c.reference,
            status: c.status,
            opened_at: iso(c.opened_at),
            assigned_to: c.assigned_to,
            access_until: c.access_until.map(iso),
        })
        .collect();
    Ok(Json(CaseListResponse { cases }))
}
