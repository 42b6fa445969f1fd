//! Formal referral to an independent decision body, and the body's decisions, in the API.
//!
//! The referring organisation refers (`POST /cases/{id}/formal-referrals`) and sees only where the
//! referral stands and its dates (`GET /cases/{id}/formal-referrals`). Everything under
//! `/formal-referrals` is the decision body's: only its decision makers (its caseworkers and managers);
//! anyone else gets 404. A negative reasonable-grounds decision takes effect only when a different
//! decision maker confirms it (`POST /formal-referrals/{id}/reasonable-grounds/review`). Dates come from
//! the clock rules in force (`waymark_domain::clock`), never from the caller.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use waymark_app::{
    App, AppError, FormalDecisionView, FormalRequestView, FormalStatusView, QueueItem,
};
use waymark_domain::CaseId;
use waymark_domain::formal::{Closure, Outcome};

use super::ApiJson;
use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::routes::RouteTable;

pub(super) fn router() -> RouteTable {
    RouteTable::new()
        .route(
            "/cases/{id}/formal-referrals",
            post(refer).get(case_referrals),
        )
        .route("/formal-referrals", get(queue))
        .route("/formal-referrals/{id}", get(referral))
        .route(
            "/formal-referrals/{id}/reasonable-grounds",
            post(reasonable_grounds),
        )
        .route(
            "/formal-referrals/{id}/reasonable-grounds/review",
            post(review),
        )
        .route(
            "/formal-referrals/{id}/conclusive-grounds",
            post(conclusive_grounds),
        )
        .route("/formal-referrals/{id}/closure", post(closure))
        .route(
            "/formal-referrals/{id}/information-requests",
            post(information_request),
        )
        .route(
            "/cases/{id}/formal-referrals/{formal}/reconsideration",
            post(reconsideration),
        )
        .route(
            "/cases/{id}/formal-referrals/{formal}/information-requests/{request}/answer",
            post(answer_request),
        )
}

/// This part's OpenAPI paths and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(
    paths(
        refer,
        case_referrals,
        queue,
        referral,
        reasonable_grounds,
        review,
        conclusive_grounds,
        closure,
        information_request,
        reconsideration,
        answer_request
    ),
    components(schemas(
        FormalReferralRequest,
        FormalReferralBody,
        FormalReferralsResponse,
        QueueEntry,
        QueueResponse,
        DecisionRequest,
        ReviewRequest,
        ClosureRequest,
        DecisionPersonBody,
        DecisionHistoryBody,
        DecisionViewBody,
        FormalRequestBody,
        InformationRequest,
        ReconsiderationRequest,
        AnswerRequest,
        Problem
    ))
)]
pub(super) struct FormalDoc;

fn day(d: time::Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

fn unprocessable(e: impl std::fmt::Display) -> ApiError {
    ApiError::App(AppError::Invalid(e.to_string()))
}

/// A formal referral to make.
#[derive(Deserialize, ToSchema)]
pub struct FormalReferralRequest {
    /// The decision body's organisation id.
    decision_body: String,
    /// For an adult: a consent in force that names the decision body and covers `identity` and
    /// `history` (422 otherwise, saying what to record). Left out for a child: a child needs no consent
    /// and must be referred.
    #[serde(default)]
    consent_id: Option<String>,
}

/// Where a formal referral stands, with its dates (ISO dates). The referrer sees this and nothing of the
/// decision body's copy.
#[derive(Serialize, ToSchema)]
pub struct FormalReferralBody {
    id: String,
    decision_body: String,
    /// `awaiting_reasonable_grounds`, `negative_awaiting_review`, `reasonable_grounds_negative`,
    /// `recovery_period`, `conclusive_positive`, `conclusive_negative`, `withdrawn`, `left_uk`, `missing`,
    /// `reasonable_grounds_reconsideration`, `conclusive_reconsideration`.
    status: String,
    /// The status in plain words.
    status_text: String,
    referred_on: String,
    /// The 5th working day after the referral day, by the rules of the person's nation.
    reasonable_grounds_due: String,
    /// `positive` or `negative`, once it has taken effect.
    reasonable_grounds: Option<String>,
    reasonable_grounds_on: Option<String>,
    /// The last day of the recovery period a positive reasonable-grounds decision started.
    recovery_period_ends: Option<String>,
    /// The first day the conclusive decision may be made.
    conclusive_grounds_earliest: Option<String>,
    conclusive_grounds: Option<String>,
    conclusive_grounds_on: Option<String>,
    /// The requests between the decision body and the referrer, oldest first.
    requests: Vec<FormalRequestBody>,
    /// Set when the decision body's copy of the person was erased, to who erased it: `person` (through
    /// their codename), `manager` or `retention`. Only the facts of the decisions remain.
    #[schema(value_type = Option<String>, example = "person")]
    erased: Option<&'static str>,
}

/// A request between the decision body and the referrer.
#[derive(Serialize, ToSchema)]
pub struct FormalRequestBody {
    id: String,
    /// `information` (the decision body asks the referrer) or `reconsideration` (the referrer asks for a
    /// negative decision to be reconsidered).
    kind: String,
    /// The question, or the reasons for reconsideration (`null` once the case was erased).
    text: Option<String>,
    asked_on: String,
    /// The reply date of a request for information.
    reply_by: Option<String>,
    /// Past its reply date without an answer.
    overdue: bool,
    answer: Option<String>,
    answered_on: Option<String>,
}

fn request_body(r: FormalRequestView) -> FormalRequestBody {
    FormalRequestBody {
        id: r.id.to_string(),
        kind: r.kind.as_str().into(),
        text: r.text,
        asked_on: day(r.asked_on),
        reply_by: r.reply_by.map(day),
        overdue: r.overdue,
        answer: r.reply,
        answered_on: r.replied_on.map(day),
    }
}

fn status_body(s: FormalStatusView) -> FormalReferralBody {
    FormalReferralBody {
        id: s.id.to_string(),
        decision_body: s.decision_body,
        status: s.status.as_str().into(),
        status_text: s.status.describe().into(),
        referred_on: day(s.referred_on),
        reasonable_grounds_due: day(s.reasonable_grounds_due),
        reasonable_grounds: s.reasonable_grounds.map(|o| o.as_str().into()),
        reasonable_grounds_on: s.reasonable_grounds_on.map(day),
        recovery_period_ends: s.recovery_period_ends.map(day),
        conclusive_grounds_earliest: s.conclusive_earliest.map(day),
        conclusive_grounds: s.conclusive.map(|o| o.as_str().into()),
        conclusive_grounds_on: s.conclusive_on.map(day),
        requests: s.requests.into_iter().map(request_body).collect(),
        erased: s.erased.map(|t| t.as_str()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct FormalReferralsResponse {
    formal_referrals: Vec<FormalReferralBody>,
}

/// One line of the decision body's queue: no personal field.
#[derive(Serialize, ToSchema)]
pub struct QueueEntry {
    id: String,
    status: String,
    nation: String,
    referred_on: String,
    reasonable_grounds_due: String,
    conclusive_grounds_earliest: Option<String>,
    /// Waiting for the reasonable-grounds decision after its due day.
    overdue: bool,
    /// A request for information is waiting for the referrer's answer.
    waiting_for_referrer: bool,
}

#[derive(Serialize, ToSchema)]
pub struct QueueResponse {
    /// The soonest due first.
    formal_referrals: Vec<QueueEntry>,
}

fn queue_entry(q: QueueItem) -> QueueEntry {
    QueueEntry {
        id: q.id.to_string(),
        status: q.status.as_str().into(),
        nation: q.nation.as_str().into(),
        referred_on: day(q.referred_on),
        reasonable_grounds_due: day(q.reasonable_grounds_due),
        conclusive_grounds_earliest: q.conclusive_earliest.map(day),
        overdue: q.overdue,
        waiting_for_referrer: q.waiting_for_referrer,
    }
}

/// A decision.
#[derive(Deserialize, ToSchema)]
pub struct DecisionRequest {
    /// `positive` or `negative`.
    #[schema(example = "positive")]
    outcome: String,
    /// Why (required, 1 to 5000 characters; sealed under the decision body's key).
    #[schema(example = "A consistent, detailed account with indicators of labour exploitation")]
    reasons: String,
}

/// A second reviewer's answer on a negative reasonable-grounds decision.
#[derive(Deserialize, ToSchema)]
pub struct ReviewRequest {
    /// `true`: the negative decision takes effect. `false`: it is set aside and the referral waits for a
    /// new reasonable-grounds decision.
    agree: bool,
}

/// A state outside the decisions.
#[derive(Deserialize, ToSchema)]
pub struct ClosureRequest {
    /// `withdrawn`, `left_uk` or `missing`.
    #[schema(example = "missing")]
    state: String,
}

/// The person as the decision body received them: exactly the fields a formal referral sends.
#[derive(Serialize, ToSchema)]
pub struct DecisionPersonBody {
    name: Option<String>,
    other_names: Vec<String>,
    date_of_birth: Option<String>,
    age: Option<u8>,
    nationality: Option<String>,
    languages: Option<String>,
    /// A child (referred without consent, on the safeguarding basis).
    child: bool,
    nation: String,
}

#[derive(Serialize, ToSchema)]
pub struct DecisionHistoryBody {
    exploitation_type: String,
    place: String,
    from: Option<String>,
    to: Option<String>,
    note: Option<String>,
}

/// A formal referral as the decision body's decision makers see it.
#[derive(Serialize, ToSchema)]
pub struct DecisionViewBody {
    referral: FormalReferralBody,
    person: DecisionPersonBody,
    history: Vec<DecisionHistoryBody>,
    /// The reasonable-grounds threshold in force on the decision day (today until it is made).
    reasonable_grounds_threshold: String,
    /// The conclusive-grounds threshold (balance of probabilities) in force.
    conclusive_grounds_threshold: String,
    reasonable_grounds_reasons: Option<String>,
    conclusive_grounds_reasons: Option<String>,
    /// A negative decision waits for a second reviewer who is not the caller.
    awaiting_other_reviewer: bool,
    /// The reply date a request for information made today gets unless another is given (10 working
    /// days); `null` once the referral is closed.
    default_reply_by: Option<String>,
}

fn decision_body(v: FormalDecisionView) -> DecisionViewBody {
    DecisionViewBody {
        person: DecisionPersonBody {
            name: v.name,
            other_names: v.other_names,
            date_of_birth: v.date_of_birth,
            age: v.age,
            nationality: v.nationality,
            languages: v.languages,
            child: v.child,
            nation: v.nation.as_str().into(),
        },
        history: v
            .history
            .into_iter()
            .map(|h| DecisionHistoryBody {
                exploitation_type: h.kind.as_str().into(),
                place: h.place,
                from: h.from,
                to: h.to,
                note: h.note,
            })
            .collect(),
        reasonable_grounds_threshold: v.reasonable_grounds_threshold,
        conclusive_grounds_threshold: v.conclusive_threshold,
        reasonable_grounds_reasons: v.reasonable_grounds_reasons,
        conclusive_grounds_reasons: v.conclusive_reasons,
        awaiting_other_reviewer: v.awaiting_other_reviewer,
        default_reply_by: v.default_reply_by.map(day),
        referral: status_body(v.status),
    }
}

/// Refer the person of a case formally to a decision body. Only a caseworker or manager of a first
/// responder who may open the case (anyone else who may not open it: 404; staff of an organisation that
/// is not a first responder: 403). An adult without a covering consent: 422.
#[utoipa::path(post, path = "/cases/{id}/formal-referrals", tag = "formal", request_body = FormalReferralRequest,
    security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 201, body = FormalReferralBody),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn refer(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<FormalReferralRequest>,
) -> Result<Response, ApiError> {
    let case = CaseId::parse(&id).map_err(|_| ApiError::App(AppError::NotFound))?;
    let made = app
        .refer_formally(&account, &case, &r.decision_body, r.consent_id.as_deref())
        .await?;
    let status = app
        .case_formal_referrals(&account, &case)
        .await?
        .into_iter()
        .find(|s| s.id == made)
        .ok_or(ApiError::App(AppError::NotFound))?;
    Ok((StatusCode::CREATED, Json(status_body(status))).into_response())
}

/// The formal referrals made from a case: where each stands and its dates (never the decision body's
/// copy or its reasons).
#[utoipa::path(get, path = "/cases/{id}/formal-referrals", tag = "formal", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = FormalReferralsResponse),
        (status = 404, body = Problem)))]
async fn case_referrals(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<FormalReferralsResponse>, ApiError> {
    let case = CaseId::parse(&id).map_err(|_| ApiError::App(AppError::NotFound))?;
    let formal_referrals = app
        .case_formal_referrals(&account, &case)
        .await?
        .into_iter()
        .map(status_body)
        .collect();
    Ok(Json(FormalReferralsResponse { formal_referrals }))
}

/// The decision body's queue, the soonest due first. Its decision makers only (anyone else: 404).
#[utoipa::path(get, path = "/formal-referrals", tag = "formal", security(("bearer" = [])),
    responses((status = 200, body = QueueResponse),
        (status = 404, body = Problem)))]
async fn queue(
    State(app): State<App>,
    ApiUser(account): ApiUser,
) -> Result<Json<QueueResponse>, ApiError> {
    let formal_referrals = app
        .decision_queue(&account)
        .await?
        .into_iter()
        .map(queue_entry)
        .collect();
    Ok(Json(QueueResponse { formal_referrals }))
}

/// One formal referral with the person's details as the decision body received them, the thresholds in
/// force and the dates (an audited read). The receiving body's decision makers only (anyone else: 404).
#[utoipa::path(get, path = "/formal-referrals/{id}", tag = "formal", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = DecisionViewBody),
        (status = 404, body = Problem)))]
async fn referral(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<DecisionViewBody>, ApiError> {
    Ok(Json(decision_body(
        app.formal_referral(&account, &id).await?,
    )))
}

/// Record the reasonable-grounds decision (reasons required). A positive one starts the recovery period
/// (its end and the earliest conclusive date in the answer); a negative one waits for a different
/// decision maker to confirm it (`…/reasonable-grounds/review`). The receiving body's decision makers only
/// (anyone else: 404).
#[utoipa::path(post, path = "/formal-referrals/{id}/reasonable-grounds", tag = "formal", request_body = DecisionRequest,
    security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = FormalReferralBody),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn reasonable_grounds(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<DecisionRequest>,
) -> Result<Json<FormalReferralBody>, ApiError> {
    let outcome = Outcome::parse(&r.outcome).map_err(unprocessable)?;
    Ok(Json(status_body(
        app.decide_reasonable_grounds(&account, &id, outcome, &r.reasons)
            .await?,
    )))
}

/// A second reviewer confirms (`agree: true`) or sets aside (`agree: false`) a negative
/// reasonable-grounds decision. The decision maker who made it may not (422). The receiving body's
/// decision makers only (anyone else: 404).
#[utoipa::path(post, path = "/formal-referrals/{id}/reasonable-grounds/review", tag = "formal", request_body = ReviewRequest,
    security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = FormalReferralBody),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn review(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ReviewRequest>,
) -> Result<Json<FormalReferralBody>, ApiError> {
    Ok(Json(status_body(
        app.review_negative(&account, &id, r.agree).await?,
    )))
}

/// Record the conclusive decision (balance of probabilities; reasons required): only in the recovery
/// period, and not before its earliest date (422 naming the date). The receiving body's decision makers
/// only (anyone else: 404).
#[utoipa::path(post, path = "/formal-referrals/{id}/conclusive-grounds", tag = "formal", request_body = DecisionRequest,
    security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = FormalReferralBody),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn conclusive_grounds(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<DecisionRequest>,
) -> Result<Json<FormalReferralBody>, ApiError> {
    let outcome = Outcome::parse(&r.outcome).map_err(unprocessable)?;
    Ok(Json(status_body(
        app.decide_conclusive(&account, &id, outcome, &r.reasons)
            .await?,
    )))
}

/// Record that the referral was withdrawn, or that the person left the UK or is missing (not once a
/// final decision is made: 422). The receiving body's decision makers only (anyone else: 404).
#[utoipa::path(post, path = "/formal-referrals/{id}/closure", tag = "formal", request_body = ClosureRequest,
    security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 200, body = FormalReferralBody),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn closure(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ClosureRequest>,
) -> Result<Json<FormalReferralBody>, ApiError> {
    let state = Closure::parse(&r.state).map_err(unprocessable)?;
    Ok(Json(status_body(
        app.close_formal_referral(&account, &id, state).await?,
    )))
}

/// A question for the referrer.
#[derive(Deserialize, ToSchema)]
pub struct InformationRequest {
    /// 1 to 5000 characters (sealed under the decision body's key; the referrer reads it on the case).
    #[schema(example = "Who kept the passport, and where is it now?")]
    question: String,
    /// The reply date (ISO date, after today, at most 60 days away). Left out: the 10th working day after
    /// today in the person's nation.
    #[serde(default)]
    reply_by: Option<String>,
}

/// Reasons for reconsidering a negative decision.
#[derive(Deserialize, ToSchema)]
pub struct ReconsiderationRequest {
    /// 1 to 5000 characters: for example new evidence.
    #[schema(example = "Payslips from the car wash were found after the decision")]
    reasons: String,
}

/// The referrer's answer to a request for information.
#[derive(Deserialize, ToSchema)]
pub struct AnswerRequest {
    /// 1 to 5000 characters.
    answer: String,
}

/// Ask the referrer for more information, with a reply date. Not once the referral is closed (422). The
/// receiving body's decision makers only (anyone else: 404).
#[utoipa::path(post, path = "/formal-referrals/{id}/information-requests", tag = "formal", request_body = InformationRequest,
    security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 201, body = FormalReferralBody),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn information_request(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<InformationRequest>,
) -> Result<Response, ApiError> {
    let by = match r.reply_by.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(
            time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
                .map_err(|_| unprocessable("reply_by must be an ISO date (YYYY-MM-DD)"))?,
        ),
    };
    let s = app
        .request_information(&account, &id, &r.question, by)
        .await?;
    Ok((StatusCode::CREATED, Json(status_body(s))).into_response())
}

/// Ask for a negative decision (reasonable grounds once it took effect, or conclusive) to be reconsidered,
/// with reasons; the referral then waits for a new decision. Only the organisation that made the referral,
/// staff who may refer the case formally (anyone who may not open the case: 404; another organisation's
/// referral: 404); no negative decision: 422.
#[utoipa::path(post, path = "/cases/{id}/formal-referrals/{formal}/reconsideration", tag = "formal", request_body = ReconsiderationRequest,
    security(("bearer" = [])), params(("id" = String, Path), ("formal" = String, Path)),
    responses((status = 200, body = FormalReferralBody),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn reconsideration(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path((id, formal)): Path<(String, String)>,
    ApiJson(r): ApiJson<ReconsiderationRequest>,
) -> Result<Json<FormalReferralBody>, ApiError> {
    let case = CaseId::parse(&id).map_err(|_| ApiError::App(AppError::NotFound))?;
    Ok(Json(status_body(
        app.ask_reconsideration(&account, &case, &formal, &r.reasons)
            .await?,
    )))
}

/// Answer the decision body's request for information (once: a second answer is 422). Only the
/// organisation that made the referral, staff who may refer the case formally.
#[utoipa::path(post, path = "/cases/{id}/formal-referrals/{formal}/information-requests/{request}/answer", tag = "formal", request_body = AnswerRequest,
    security(("bearer" = [])), params(("id" = String, Path), ("formal" = String, Path), ("request" = String, Path)),
    responses((status = 200, body = FormalReferralBody),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn answer_request(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path((id, formal, request)): Path<(String, String, String)>,
    ApiJson(r): ApiJson<AnswerRequest>,
) -> Result<Json<FormalReferralBody>, ApiError> {
    let case = CaseId::parse(&id).map_err(|_| ApiError::App(AppError::NotFound))?;
    Ok(Json(status_body(
        app.answer_information_request(&account, &case, &formal, &request, &r.answer)
            .await?,
    )))
}
