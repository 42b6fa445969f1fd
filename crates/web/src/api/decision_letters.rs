//! Decision letters in the API: what was told on a formal referral, and each decision letter as a PDF.
//!
//! Under `/formal-referrals/{id}` for the decision body's decision makers, under
//! `/cases/{case}/formal-referrals/{id}` for the referring organisation's staff who may open the case;
//! anyone else gets 404, as for the rest of those routes. Every letter downloaded is audited.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};
use waymark_app::{App, AppError, LetterFormat, NoticeSummary};
use waymark_domain::CaseId;

use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::pages::decision_letters::pdf_response;
use crate::routes::RouteTable;

pub(super) fn router() -> RouteTable {
    RouteTable::new()
        .route(
            "/formal-referrals/{id}/letters",
            get(formal_referral_letters),
        )
        .route(
            "/formal-referrals/{id}/letters/{letter}",
            get(formal_referral_letter),
        )
        .route(
            "/cases/{case}/formal-referrals/{id}/letters",
            get(case_formal_referral_letters),
        )
        .route(
            "/cases/{case}/formal-referrals/{id}/letters/{letter}",
            get(case_formal_referral_letter),
        )
}

#[derive(OpenApi)]
#[openapi(
    paths(
        formal_referral_letters,
        formal_referral_letter,
        case_formal_referral_letters,
        case_formal_referral_letter
    ),
    components(schemas(NoticeBody, NoticesResponse))
)]
pub(super) struct DecisionLettersDoc;

fn day(d: time::Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// One decision (or change) of a formal referral that took effect, as it was told. No personal field.
#[derive(Serialize, ToSchema)]
pub struct NoticeBody {
    /// The letter's id (`…/letters/{id}`).
    id: String,
    /// `reasonable_grounds_positive`, `reasonable_grounds_negative`, `conclusive_positive`,
    /// `conclusive_negative`, or a change that is not a decision: `withdrawn`, `left_uk`, `missing`.
    kind: String,
    /// In words.
    title: String,
    /// The day the decision was made (for a change: the day it was recorded).
    decided_on: String,
    /// The day it took effect and was told: the referrer got a task due that day.
    told_on: String,
    /// A decision has a letter (`GET …/letters/{id}`, a PDF); a change has none.
    has_letter: bool,
    /// A plain message went to the person through their codename channel.
    person_told: bool,
}

#[derive(Serialize, ToSchema)]
pub struct NoticesResponse {
    /// Oldest first.
    letters: Vec<NoticeBody>,
}

fn notices(list: Vec<NoticeSummary>) -> Json<NoticesResponse> {
    Json(NoticesResponse {
        letters: list
            .into_iter()
            .map(|n| NoticeBody {
                id: n.id.to_string(),
                kind: n.kind.as_str().into(),
                title: n.kind.title().into(),
                decided_on: day(n.decided_on),
                told_on: day(n.told_on),
                has_letter: n.has_letter,
                person_told: n.person_told,
            })
            .collect(),
    })
}

fn case_id(id: &str) -> Result<CaseId, ApiError> {
    CaseId::parse(id).map_err(|_| ApiError::App(AppError::NotFound))
}

/// What was told on a formal referral: each decision that took effect (a negative reasonable-grounds
/// decision once a second decision maker confirmed it) and each change. The receiving body's decision
/// makers only (anyone else: 404).
#[utoipa::path(get, path = "/formal-referrals/{id}/letters", tag = "formal", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = NoticesResponse),
        (status = 404, body = Problem)))]
async fn formal_referral_letters(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<NoticesResponse>, ApiError> {
    Ok(notices(app.formal_referral_notices(&account, &id).await?))
}

/// A decision letter as a tagged PDF (the decision body, the date, the decision, the test applied, the
/// recovery period's end, the reasons and what happens next), served as an attachment, never cached. An
/// audited read. The receiving body's decision makers only; anyone else, or a change that has no letter:
/// 404.
#[utoipa::path(get, path = "/formal-referrals/{id}/letters/{letter}", tag = "formal", security(("bearer" = [])),
    params(("id" = String, Path), ("letter" = String, Path)),
    responses((status = 200, description = "The letter, as a PDF attachment", content_type = "application/pdf"),
        (status = 404, body = Problem)))]
async fn formal_referral_letter(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path((id, letter)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let l = app
        .decision_letter(&account, &id, &letter, LetterFormat::Pdf)
        .await?;
    Ok(pdf_response(&l))
}

/// What was told on a formal referral made from a case. Staff of the referring organisation who may open
/// the case (anyone else: 404).
#[utoipa::path(get, path = "/cases/{case}/formal-referrals/{id}/letters", tag = "formal", security(("bearer" = [])),
    params(("case" = String, Path), ("id" = String, Path)),
    responses((status = 200, body = NoticesResponse),
        (status = 404, body = Problem)))]
async fn case_formal_referral_letters(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path((case, id)): Path<(String, String)>,
) -> Result<Json<NoticesResponse>, ApiError> {
    let case = case_id(&case)?;
    Ok(notices(
        app.case_formal_referral_notices(&account, &case, &id)
            .await?,
    ))
}

/// A decision letter on a formal referral made from a case, as a tagged PDF attachment, never cached. An
/// audited read. Staff of the referring organisation who may open the case; anyone else, or a change that
/// has no letter: 404; 409 once the case is erased.
#[utoipa::path(get, path = "/cases/{case}/formal-referrals/{id}/letters/{letter}", tag = "formal", security(("bearer" = [])),
    params(("case" = String, Path), ("id" = String, Path), ("letter" = String, Path)),
    responses((status = 200, description = "The letter, as a PDF attachment", content_type = "application/pdf"),
        (status = 404, body = Problem),
        (status = 409, body = Problem)))]
async fn case_formal_referral_letter(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path((case, id, letter)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    let case = case_id(&case)?;
    let l = app
        .case_decision_letter(&account, &case, &id, &letter, LetterFormat::Pdf)
        .await?;
    Ok(pdf_response(&l))
}
