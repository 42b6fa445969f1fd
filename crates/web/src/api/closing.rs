//! The JSON API of closing, erasure, the subject-access export, statistics and the retention period.
//! Every call is decided by the case policy in the use case: a case the caller may not open is 404,
//! exactly as one that does not exist; erasing is for managers (403 for a caseworker who can open it).

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use waymark_app::{App, AppError};
use waymark_domain::CaseId;

use super::ApiJson;
use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::routes::RouteTable;

pub(super) fn router() -> RouteTable {
    RouteTable::new()
        .route("/cases/{id}/close", post(close))
        .route("/cases/{id}/erasure", post(erasure))
        .route("/cases/{id}/export", get(export))
        .route("/statistics/cases", get(statistics))
        .route("/organisation/retention", get(retention).put(set_retention))
}

fn case_id(id: &str) -> Result<CaseId, ApiError> {
    CaseId::parse(id).map_err(|_| ApiError::App(AppError::NotFound))
}

fn day(d: time::Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

#[derive(Deserialize, ToSchema)]
pub struct CloseRequest {
    /// What happens next for the person, who they can turn to, how to reach the organisation again.
    /// Required; up to 10,000 characters; sealed at rest.
    move_on_plan: String,
}

#[derive(Serialize, ToSchema)]
pub struct FollowUpBody {
    /// The plan action's id.
    id: String,
    /// `YYYY-MM-DD`: 1, 3 and 6 calendar months after closing.
    due_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct ClosedResponse {
    id: String,
    /// `closed`.
    status: String,
    /// The follow-up check-ins scheduled in the assigned caseworker's tasks.
    follow_ups: Vec<FollowUpBody>,
}

/// Close a case with a move-on plan. Schedules follow-up check-ins at 1, 3 and 6 months as plan actions
/// of the assigned caseworker (they appear in `/tasks`). 409 when the case is already closed.
#[utoipa::path(post, path = "/cases/{id}/close", request_body = CloseRequest, security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = ClosedResponse), (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 422, body = Problem)))]
async fn close(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<CloseRequest>,
) -> Result<Json<ClosedResponse>, ApiError> {
    let id = case_id(&id)?;
    let closed = app.close_case(&account, &id, r.move_on_plan).await?;
    Ok(Json(ClosedResponse {
        id: id.to_string(),
        status: "closed".into(),
        follow_ups: closed
            .follow_ups
            .into_iter()
            .map(|(a, d)| FollowUpBody {
                id: a.to_string(),
                due_on: day(d),
            })
            .collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct ErasureResponse {
    id: String,
    /// Always `true`.
    erased: bool,
}

/// Erase a case now (crypto-shredding): the person's data key is forgotten, so no personal field of the
/// case, its referral or its messages can be read again; only plaintext statistical facts remain.
/// Afterwards `GET /cases/{id}` answers `erased: true` with no personal field. Managers only: 403 for a
/// caseworker who can open the case; 409 when already erased.
#[utoipa::path(post, path = "/cases/{id}/erasure", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = ErasureResponse), (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem)))]
async fn erasure(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ErasureResponse>, ApiError> {
    let id = case_id(&id)?;
    app.erase_case(&account, &id).await?;
    Ok(Json(ErasureResponse {
        id: id.to_string(),
        erased: true,
    }))
}

/// The person's whole record (a subject-access request) as one standalone, printable HTML document —
/// the same document as the page `/cases/{id}/export`: the person, needs, plan, move-on plan, notes,
/// documents (listed), history, risks and messages. Audited as an export.
#[utoipa::path(get, path = "/cases/{id}/export", security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, description = "The record as an HTML document", content_type = "text/html", body = String),
        (status = 404, body = Problem)))]
async fn export(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = case_id(&id)?;
    let e = app.export_case(&account, &id).await?;
    crate::pages::closing::export_response(&e)
        .map_err(|_| ApiError::App(AppError::Invalid("the export could not be made".into())))
}

#[derive(Serialize, ToSchema)]
pub struct CountBody {
    /// An id from the vocabulary.
    id: String,
    cases: usize,
}

#[derive(Serialize, ToSchema)]
pub struct CaseStatisticsResponse {
    total: usize,
    open: usize,
    /// Closed and not erased.
    closed: usize,
    erased: usize,
    /// Cases with at least one episode of each `exploitation_types` id.
    by_exploitation_type: Vec<CountBody>,
    /// Cases with each `needs` id.
    by_need: Vec<CountBody>,
}

/// Counts of the caller's organisation's cases from plaintext facts only, so erased cases still count.
/// Managers of a support organisation.
#[utoipa::path(get, path = "/statistics/cases", security(("bearer" = [])),
    responses((status = 200, body = CaseStatisticsResponse), (status = 403, body = Problem)))]
async fn statistics(
    State(app): State<App>,
    ApiUser(account): ApiUser,
) -> Result<Json<CaseStatisticsResponse>, ApiError> {
    let s = app.case_statistics(&account).await?;
    Ok(Json(CaseStatisticsResponse {
        total: s.total,
        open: s.open,
        closed: s.closed,
        erased: s.erased,
        by_exploitation_type: s
            .by_exploitation_type
            .iter()
            .map(|(t, n)| CountBody {
                id: t.as_str().into(),
                cases: *n,
            })
            .collect(),
        by_need: s
            .by_need
            .iter()
            .map(|(t, n)| CountBody {
                id: t.as_str().into(),
                cases: *n,
            })
            .collect(),
    }))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct RetentionBody {
    /// Days a closed case is kept before it is erased: 30 to 9125; 2190 (six years) by default.
    #[serde(deserialize_with = "super::whole::i64")]
    days: i64,
}

/// How long the caller's organisation keeps a closed case. Managers and administrators.
#[utoipa::path(get, path = "/organisation/retention", security(("bearer" = [])),
    responses((status = 200, body = RetentionBody), (status = 403, body = Problem)))]
async fn retention(
    State(app): State<App>,
    ApiUser(account): ApiUser,
) -> Result<Json<RetentionBody>, ApiError> {
    let days = app.retention(&account).await?;
    Ok(Json(RetentionBody {
        days: i64::from(days),
    }))
}

/// Set how long the caller's organisation keeps a closed case. Managers and administrators; 422 outside
/// 30 to 9125 days.
#[utoipa::path(put, path = "/organisation/retention", request_body = RetentionBody, security(("bearer" = [])),
    responses((status = 200, body = RetentionBody), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
async fn set_retention(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    ApiJson(r): ApiJson<RetentionBody>,
) -> Result<Json<RetentionBody>, ApiError> {
    let days = app.set_retention(&account, r.days).await?;
    Ok(Json(RetentionBody {
        days: i64::from(days),
    }))
}
