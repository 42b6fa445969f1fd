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

// ---- writing the record ------------------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct RecordCreated {
    id: String,
}

#[derive(Serialize, ToSchema)]
pub struct CaseUpdated {
    /// The case's id.
    id: String,
    status: String,
}

fn updated(id: &CaseId) -> Json<CaseUpdated> {
    Json(CaseUpdated {
        id: id.to_string(),
        status: "updated".into(),
    })
}

fn created(id: impl ToString) -> Response {
    (
        StatusCode::CREATED,
        Json(RecordCreated { id: id.to_string() }),
    )
        .into_response()
}

/// The person's details; every field may be left out (the person decides what they share).
#[derive(Deserialize, ToSchema, Default)]
pub struct PersonRequest {
    #[serde(default)]
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// `YYYY-MM-DD`; or give `age` instead, not both.
    #[serde(default)]
    date_of_birth: String,
    #[serde(default, deserialize_with = "super::whole::option_u8")]
    age: Option<u8>,
    #[serde(default)]
    nationality: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    safe_contact: String,
    #[serde(default)]
    never_write_to: String,
}

/// Replace the person's details (sealed; names and date of birth indexed for search).
#[utoipa::path(post, path = "/cases/{id}/person", request_body = PersonRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = CaseUpdated), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn update_person(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<PersonRequest>,
) -> Result<Json<CaseUpdated>, ApiError> {
    let id = case_id(&id)?;
    if r.aliases.iter().any(|a| a.contains('\n')) {
        return Err(ApiError::App(AppError::Invalid(
            "aliases: one name per entry, without new lines".into(),
        )));
    }
    let draft = PersonDraft {
        name: r.name,
        aliases: r.aliases.join("\n"),
        date_of_birth: r.date_of_birth,
        age: r.age.map(|a| a.to_string()).unwrap_or_default(),
        nationality: r.nationality,
        languages: r.languages,
        safe_contact: r.safe_contact,
        never_write_to: r.never_write_to,
    };
    app.update_person(&account, &id, draft).await?;
    Ok(updated(&id))
}

#[derive(Deserialize, ToSchema)]
pub struct NeedRequest {
    /// A `needs` id from the vocabulary.
    #[schema(example = "safe_housing")]
    need: String,
    /// `high`, `medium` or `low`.
    #[schema(example = "high")]
    urgency: String,
}

#[derive(Deserialize, ToSchema)]
pub struct NeedsRequest {
    /// At least one need.
    needs: Vec<NeedRequest>,
    #[serde(default)]
    note: String,
}

/// Record (replace) the needs assessment: an urgency per need and a sealed note.
#[utoipa::path(post, path = "/cases/{id}/needs", request_body = NeedsRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = CaseUpdated), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn record_needs(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<NeedsRequest>,
) -> Result<Json<CaseUpdated>, ApiError> {
    let id = case_id(&id)?;
    let needs = r
        .needs
        .iter()
        .map(|n| Ok((Need::parse(&n.need)?, NeedUrgency::parse(&n.urgency)?)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(invalid)?;
    app.record_needs(&account, &id, needs, r.note).await?;
    Ok(updated(&id))
}

#[derive(Deserialize, ToSchema)]
pub struct PlanActionRequest {
    title: String,
    /// A user id of someone who can open the case; the caller when left out.
    #[serde(default)]
    owner: Option<String>,
    /// `YYYY-MM-DD`.
    #[schema(example = "2026-12-24")]
    due_on: String,
}

/// Add an action to the support plan (sealed title, an owner, a due date).
#[utoipa::path(post, path = "/cases/{id}/plan-actions", request_body = PlanActionRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 201, body = RecordCreated), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn add_plan_action(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<PlanActionRequest>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    let owner = r
        .owner
        .as_deref()
        .map(UserId::parse)
        .transpose()
        .map_err(|e| ApiError::App(AppError::Invalid(format!("owner: {e}"))))?;
    let new = NewPlanAction {
        title: r.title,
        owner,
        due_on: r.due_on,
    };
    Ok(created(app.add_plan_action(&account, &id, new).await?))
}

/// Mark a plan action done (409 when it already is).
#[utoipa::path(post, path = "/cases/{id}/plan-actions/{action}/done", security(("bearer" = [])),
    params(("id" = String, Path), ("action" = String, Path)),
    responses((status = 200, body = CaseUpdated), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
async fn complete_plan_action(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path((id, action)): Path<(String, String)>,
) -> Result<Json<CaseUpdated>, ApiError> {
    let id = case_id(&id)?;
    let action = PlanActionId::parse(&action).map_err(|_| ApiError::App(AppError::NotFound))?;
    app.complete_plan_action(&account, &id, &action).await?;
    Ok(updated(&id))
}

#[derive(Deserialize, ToSchema)]
pub struct NoteRequest {
    /// Sealed at rest; up to 10,000 characters.
    body: String,
}

/// Add a note (sealed).
#[utoipa::path(post, path = "/cases/{id}/notes", request_body = NoteRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 201, body = RecordCreated), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn add_note(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<NoteRequest>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    Ok(created(app.add_note(&account, &id, r.body).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct HistoryRequest {
    /// An `exploitation_types` id.
    #[schema(example = "labour")]
    exploitation_type: String,
    /// `uk` or `abroad`.
    #[schema(example = "uk")]
    place: String,
    /// `YYYY-MM-DD`, optional.
    #[serde(default)]
    from: String,
    /// `YYYY-MM-DD`, optional.
    #[serde(default)]
    to: String,
    /// Sealed, optional.
    #[serde(default)]
    note: String,
}

/// Add an episode of exploitation history.
#[utoipa::path(post, path = "/cases/{id}/history", request_body = HistoryRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 201, body = RecordCreated), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn add_history(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<HistoryRequest>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    let new = NewHistory {
        kind: ExploitationType::parse(&r.exploitation_type).map_err(invalid)?,
        place: ExploitationPlace::parse(&r.place).map_err(invalid)?,
        from: r.from,
        to: r.to,
        note: r.note,
    };
    Ok(created(app.add_history(&account, &id, new).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct RiskRequest {
    /// `low`, `medium` or `high`.
    #[schema(example = "high")]
    level: String,
    /// Sealed.
    reasons: String,
}

/// Record a risk-of-re-trafficking assessment (earlier ones are kept).
#[utoipa::path(post, path = "/cases/{id}/risk", request_body = RiskRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 201, body = RecordCreated), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn record_risk(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<RiskRequest>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    let level = RiskLevel::parse(&r.level).map_err(invalid)?;
    Ok(created(
        app.record_risk(&account, &id, level, r.reasons).await?,
    ))
}

// ---- documents -------------------------------------------------------------------------------------------------

/// A `multipart/form-data` body with one `file` part.
#[derive(ToSchema)]
#[allow(dead_code)] // describes the request for the OpenAPI document only
pub struct DocumentUpload {
    /// A PDF, PNG, JPEG or plain text file of at most 5 MiB; the type is decided from the content.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

#[derive(Serialize, ToSchema)]
pub struct DocumentCreated {
    id: String,
    /// `pdf`, `png`, `jpeg` or `text`.
    #[serde(rename = "type")]
    kind: String,
    size_bytes: i64,
}

/// Upload a document (sealed at rest). 413 over 5 MiB, 415 when it is not a PDF, PNG, JPEG or plain text.
#[utoipa::path(post, path = "/cases/{id}/documents", security(("bearer" = [])), params(("id" = String, Path)),
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = DocumentCreated), (status = 404, body = Problem),
        (status = 413, body = Problem),
        (status = 415, body = Problem),
        (status = 422, body = Problem)))]
async fn upload_document(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    form: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    let form = form.map_err(|e| {
        ApiError::BadRequest(format!(
            "send the document as multipart/form-data with a `file` part: {}",
            e.body_text()
        ))
    })?;
    let upload = match read_upload(form).await {
        Ok(u) => u,
        Err(UploadProblem::TooLarge) => {
            return Err(ApiError::App(AppError::Document(DocumentError::TooLarge)));
        }
        Err(UploadProblem::NoFile) => {
            return Err(ApiError::App(AppError::Document(DocumentError::Empty)));
        }
        Err(UploadProblem::Malformed(m)) => return Err(ApiError::BadRequest(m)),
    };
    let doc = app
        .upload_document(&account, &id, upload.file_name, upload.bytes)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(DocumentCreated {
            id: doc.id.to_string(),
            kind: doc.kind.as_str().into(),
            size_bytes: doc.size_bytes,
        }),
    )
        .into_response())
}

/// Download a document: the same access as the case; served as an attachment, never cached.
#[utoipa::path(get, path = "/cases/{id}/documents/{document}", security(("bearer" = [])),
    params(("id" = String, Path), ("document" = String, Path)),
    responses((status = 200, description = "The document, as an attachment", content(
            ("application/pdf"), ("image/png"), ("image/jpeg"), ("text/plain; charset=utf-8"))),
        (status = 404, body = Problem)))]
async fn download_document(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path((id, document)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    let document = DocumentId::parse(&document).map_err(|_| ApiError::App(AppError::NotFound))?;
    Ok(download_response(
        app.download_document(&account, &id, &document).await?,
    ))
}

// ---- assignment and breaking the glass -----------------------------------------------------------------------------

#[derive(Deserialize, ToSchema)]
pub struct AssignRequest {
    /// A caseworker or manager of the caller's organisation.
    user_id: String,
}

/// Assign (or reassign) a case. Managers only: 403 for a caseworker who can open the case.
#[utoipa::path(post, path = "/cases/{id}/assign", request_body = AssignRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = CaseUpdated), (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn assign(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<AssignRequest>,
) -> Result<Json<CaseUpdated>, ApiError> {
    let id = case_id(&id)?;
    let to = UserId::parse(&r.user_id)
        .map_err(|e| ApiError::App(AppError::Invalid(format!("user_id: {e}"))))?;
    app.assign_case(&account, &id, &to).await?;
    Ok(updated(&id))
}

#[derive(Deserialize, ToSchema)]
pub struct BreakGlassRequest {
    /// 3 to 500 characters on one line; kept in the (unencrypted) audit log, so no personal details.
    #[schema(example = "Duty cover: the assigned caseworker is on leave")]
    reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct BreakGlassResponse {
    case_id: String,
    /// When the access ends (60 minutes).
    access_until: String,
}

/// Break the glass: a caseworker not assigned to a case of their organisation gets 60 minutes of access,
/// and the audit log keeps the reason. 409 for someone who can already open the case.
#[utoipa::path(post, path = "/cases/{id}/break-glass", request_body = BreakGlassRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 201, body = BreakGlassResponse), (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn break_glass(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<BreakGlassRequest>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    let until = app.break_glass(&account, &id, &r.reason).await?;
    Ok((
        StatusCode::CREATED,
        Json(BreakGlassResponse {
            case_id: id.to_string(),
            access_until: iso(until),
        }),
    )
        .into_response())
}

// ---- my work and search ----------------------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct TaskBody {
    case_id: String,
    reference: String,
    action_id: String,
    /// `null` when the caller can no longer open the case (it was reassigned).
    title: Option<String>,
    due_on: String,
    /// `overdue`, `due_today` or `upcoming`.
    due: String,
}

#[derive(Serialize, ToSchema)]
pub struct TasksResponse {
    tasks: Vec<TaskBody>,
}

/// The open plan actions the caller owns, by due date (each case read is audited).
#[utoipa::path(get, path = "/tasks", security(("bearer" = [])),
    responses((status = 200, body = TasksResponse), (status = 403, body = Problem)))]
async fn tasks(
    State(app): State<App>,
    ApiUser(account): ApiUser,
) -> Result<Json<TasksResponse>, ApiError> {
    let tasks = app
        .my_tasks(&account)
        .await?
        .into_iter()
        .map(|t| TaskBody {
            case_id: t.case_id.to_string(),
            reference: t.reference,
            action_id: t.action_id.to_string(),
            title: t.title,
            due_on: day(t.due_on),
            due: due(t.due).into(),
        })
        .collect();
    Ok(Json(TasksResponse { tasks }))
}

#[derive(Serialize, ToSchema)]
pub struct OpenReferralBody {
    id: String,
    received_at: String,
    /// Whole days since it arrived.
    age_days: i64,
    from_organisation: Option<String>,
    self_referral: bool,
    urgency: Option<String>,
    child_safeguarding: bool,
}

#[derive(Serialize, ToSchema)]
pub struct OpenReferralsResponse {
    referrals: Vec<OpenReferralBody>,
}

/// The organisation's referrals waiting for an answer, oldest first, with their age in days.
#[utoipa::path(get, path = "/open-referrals", security(("bearer" = [])),
    responses((status = 200, body = OpenReferralsResponse), (status = 403, body = Problem)))]
async fn open_referrals(
    State(app): State<App>,
    ApiUser(account): ApiUser,
) -> Result<Json<OpenReferralsResponse>, ApiError> {
    let referrals = app
        .open_referrals(&account)
        .await?
        .into_iter()
        .map(|r| OpenReferralBody {
            id: r.id.to_string(),
            received_at: iso(r.received_at),
            age_days: r.age_days,
            from_organisation: r.from_organisation,
            self_referral: r.self_referral,
            urgency: r.urgency.map(|u| u.as_str().to_owned()),
            child_safeguarding: r.child_safeguarding,
        })
        .collect();
    Ok(Json(OpenReferralsResponse { referrals }))
}

/// A case that matches a search, or a referral: no personal field.
#[derive(Serialize, ToSchema)]
pub struct CaseMatchBody {
    case_id: String,
    reference: String,
    status: String,
    opened_at: String,
    /// `allowed`, or `break_glass` when the caller must break the glass to open it.
    access: String,
}

pub(super) fn match_body(m: &CaseMatch) -> CaseMatchBody {
    CaseMatchBody {
        case_id: m.case_id.to_string(),
        reference: m.reference.clone(),
        status: m.status.clone(),
        opened_at: iso(m.opened_at),
        access: match m.access {
            CaseAccess::Allowed => "allowed",
            CaseAccess::BreakGlass | CaseAccess::Denied => "break_glass",
        }
        .into(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct SearchResponse {
    cases: Vec<CaseMatchBody>,
}

/// Exactly one of the three.
#[derive(Deserialize, ToSchema, Default)]
pub struct SearchRequest {
    /// A case reference, e.g. `HL-2026-0007` (upper or lower case).
    #[serde(default)]
    reference: Option<String>,
    /// A name or alias, exactly (surrounding space and letter case do not matter).
    #[serde(default)]
    name: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    date_of_birth: Option<String>,
}

async fn run_search(
    app: &App,
    account: &waymark_app::Account,
    r: SearchRequest,
) -> Result<Json<SearchResponse>, ApiError> {
    let given: Vec<CaseSearch> = [
        r.reference.map(CaseSearch::Reference),
        r.name.map(CaseSearch::Name),
        r.date_of_birth.map(CaseSearch::DateOfBirth),
    ]
    .into_iter()
    .flatten()
    .collect();
    let [query] = <[CaseSearch; 1]>::try_from(given).map_err(|_| {
        ApiError::App(AppError::Invalid(
            "give exactly one of reference, name or date_of_birth".into(),
        ))
    })?;
    let found = app.search_cases(account, query).await?;
    Ok(Json(SearchResponse {
        cases: found.iter().map(match_body).collect(),
    }))
}

/// The one query `GET /search` takes.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // read as a SearchRequest, so that a name or date of birth is refused by name
pub struct ReferenceQuery {
    /// A case reference, e.g. `HL-2026-0007` (upper or lower case).
    reference: String,
}

/// Find a case of the caller's organisation by its reference. Names and dates of birth are refused here
/// (422): a URL can end up in a proxy's or browser's log, so they go in the body of `POST /search`.
#[utoipa::path(get, path = "/search", security(("bearer" = [])), params(ReferenceQuery),
    responses((status = 200, body = SearchResponse), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
async fn search(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    ApiQuery(q): ApiQuery<SearchRequest>,
) -> Result<Json<SearchResponse>, ApiError> {
    if q.name.is_some() || q.date_of_birth.is_some() {
        return Err(ApiError::App(AppError::Invalid(
            "send a name or date of birth in the body of POST /search, never in a URL".into(),
        )));
    }
    run_search(&app, &account, q).await
}

/// Search the caller's organisation's cases by exact reference, name or date of birth (blind indexes),
/// with the terms in the body, out of every URL.
#[utoipa::path(post, path = "/search", request_body = SearchRequest, security(("bearer" = [])),
    responses((status = 200, body = SearchResponse), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
async fn search_posted(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    ApiJson(json): ApiJson<SearchRequest>,
) -> Result<Json<SearchResponse>, ApiError> {
    run_search(&app, &account, json).await
}
