//! Writing the case record through the API: each part (person, needs, plan, notes, history, risk) and
//! documents (multipart upload, download).

use super::*;
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

pub(super) fn updated(id: &CaseId) -> Json<CaseUpdated> {
    Json(CaseUpdated {
        id: id.to_string(),
        status: "updated".into(),
    })
}

pub(super) fn created(id: impl ToString) -> Response {
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
    #[serde(default, deserialize_with = "crate::api::whole::option_u8")]
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
pub(super) async fn update_person(
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
pub(super) async fn record_needs(
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
pub(super) async fn add_plan_action(
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
pub(super) async fn complete_plan_action(
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
pub(super) async fn add_note(
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
pub(super) async fn add_history(
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
pub(super) async fn record_risk(
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
pub(super) async fn upload_document(
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
pub(super) async fn download_document(
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
