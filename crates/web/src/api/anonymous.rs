//! Anonymous notifications in the API: a first responder notifies about an adult who does not consent to
//! a referral, with non-identifying facts only; never for a child. Its own organisation lists them.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use waymark_app::{App, NotificationView};
use waymark_domain::anonymous::NotificationDraft;

use super::{ApiJson, iso};
use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::routes::RouteTable;

pub(super) fn router() -> RouteTable {
    RouteTable::new().route(
        "/anonymous-notifications",
        post(notify).get(list_notifications),
    )
}

/// This part's OpenAPI paths and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(
    paths(notify, list_notifications),
    components(schemas(NotificationRequest, NotificationBody, NotificationsResponse, Problem))
)]
pub(super) struct AnonymousDoc;

/// What an anonymous notification holds: nothing that names, reaches or locates the person.
#[derive(Deserialize, ToSchema)]
pub struct NotificationRequest {
    /// `adult`. A notification is never made for a child: `under_18` and `unsure` are refused (422) —
    /// refer the person (no consent is needed) and tell children's services.
    #[schema(example = "adult")]
    age: String,
    /// An ISO 3166-1 alpha-2 country code (`AL`, `VN`, `GB`, …), `stateless` or `unknown`.
    #[schema(example = "AL")]
    nationality: String,
    /// At least one `exploitation_types` id (`unknown` if not known).
    #[serde(default)]
    #[schema(example = json!(["labour"]))]
    exploitation_types: Vec<String>,
    /// `england_wales`, `scotland` or `northern_ireland`.
    #[schema(example = "england_wales")]
    nation: String,
    /// Optional: the local authority area, if known: its ONS code (`E08000035`) or exact name (`Leeds`), in any
    /// case, in `nation`; `GET /areas` lists them. Stored and answered as the code.
    #[serde(default)]
    #[schema(example = "Leeds")]
    area: Option<String>,
    /// At least one indicator id: the signs that gave reasonable grounds.
    #[serde(default)]
    #[schema(example = json!(["debt_bondage", "retention_of_documents"]))]
    indicators: Vec<String>,
    /// Optional: the month the concern came to light, `YYYY-MM` (never the day), not in the future.
    #[serde(default)]
    #[schema(example = "2026-10")]
    encountered_in: Option<String>,
}

/// An anonymous notification as stored: every field it has.
#[derive(Serialize, ToSchema)]
pub struct NotificationBody {
    id: String,
    created_at: String,
    /// Always `adult`.
    age: String,
    nationality: String,
    exploitation_types: Vec<String>,
    nation: String,
    /// The ONS code of the local authority area, if recorded (see `GET /areas`).
    area: Option<String>,
    /// Its name.
    area_name: Option<String>,
    indicators: Vec<String>,
    encountered_in: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationsResponse {
    notifications: Vec<NotificationBody>,
}

fn notification_body(n: NotificationView) -> NotificationBody {
    NotificationBody {
        id: n.id.to_string(),
        created_at: iso(n.created_at),
        age: n.age.as_str().into(),
        nationality: n.nationality,
        exploitation_types: n
            .exploitation_types
            .iter()
            .map(|t| t.as_str().to_owned())
            .collect(),
        nation: n.nation.as_str().into(),
        area: n.area.map(|a| a.code().to_owned()),
        area_name: n.area.map(|a| a.name().to_owned()),
        indicators: n.indicators.iter().map(|i| i.as_str().to_owned()).collect(),
        encountered_in: n.encountered_in,
    }
}

/// Notify anonymously about an adult who does not consent to a referral (the duty to notify). Only
/// caseworkers and managers of a first responder (anyone else: 403). A child, or a person who may be one,
/// is refused (422); so is any field not valid, named in the answer.
#[utoipa::path(post, path = "/anonymous-notifications", tag = "anonymous", request_body = NotificationRequest,
    security(("bearer" = [])),
    responses((status = 201, body = NotificationBody),
        (status = 401, body = Problem),
        (status = 403, body = Problem),
        (status = 422, body = Problem)))]
async fn notify(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    ApiJson(req): ApiJson<NotificationRequest>,
) -> Result<Response, ApiError> {
    let draft = NotificationDraft {
        age: req.age,
        nationality: req.nationality,
        exploitation_types: req.exploitation_types,
        nation: req.nation,
        area: req.area,
        indicators: req.indicators,
        encountered_in: req.encountered_in,
    };
    let made = app.notify_anonymously(&account, draft).await?;
    Ok((StatusCode::CREATED, Json(notification_body(made))).into_response())
}

/// The anonymous notifications the caller's organisation made, newest first. Only caseworkers and
/// managers of a first responder (anyone else: 403).
#[utoipa::path(get, path = "/anonymous-notifications", tag = "anonymous", security(("bearer" = [])),
    responses((status = 200, body = NotificationsResponse),
        (status = 401, body = Problem),
        (status = 403, body = Problem)))]
async fn list_notifications(
    State(app): State<App>,
    ApiUser(account): ApiUser,
) -> Result<Json<NotificationsResponse>, ApiError> {
    let notifications = app
        .anonymous_notifications(&account)
        .await?
        .into_iter()
        .map(notification_body)
        .collect();
    Ok(Json(NotificationsResponse { notifications }))
}
