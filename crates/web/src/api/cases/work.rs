//! Assignment, breaking the glass, my tasks, open referrals and search.

use super::*;
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
pub(super) async fn assign(
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
pub(super) async fn break_glass(
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
pub(super) async fn tasks(
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
pub(super) async fn open_referrals(
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

pub(in crate::api) fn match_body(m: &CaseMatch) -> CaseMatchBody {
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

pub(super) async fn run_search(
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
pub(super) async fn search(
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
pub(super) async fn search_posted(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    ApiJson(json): ApiJson<SearchRequest>,
) -> Result<Json<SearchResponse>, ApiError> {
    run_search(&app, &account, json).await
}
