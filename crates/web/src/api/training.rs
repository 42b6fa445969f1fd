//! Training in the API: the courses (public: the content is public, but never which answer is right),
//! a helper's progress, marking a module as read, and attempts at the quiz, marked with the right answer
//! and its explanation for every question got wrong.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use waymark_app::{App, AppError};
use waymark_domain::training::{self, Course, CourseStatus};

use super::ApiJson;
use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::routes::RouteTable;

pub(super) fn router() -> RouteTable {
    RouteTable::new()
        .route("/training/courses", get(courses))
        .route("/training/courses/{id}", get(course))
        .route("/training/courses/{id}/progress", get(progress))
        .route("/training/courses/{id}/modules/{module}/read", post(read))
        .route("/training/courses/{id}/attempts", post(attempt))
        .route("/certificates/public-key", get(public_key))
        .route("/certificates/{code}", get(certificate))
}

#[derive(OpenApi)]
#[openapi(
    paths(courses, course, progress, read, attempt, certificate, public_key),
    components(schemas(
        CourseSummary,
        ModuleSummary,
        CoursesResponse,
        CourseBody,
        ModuleBody,
        QuestionBody,
        ProgressBody,
        AttemptSummaryBody,
        AttemptRequest,
        AttemptBody,
        MarkedBody,
        CertificateCheck,
        PublicKeyBody,
        Problem
    ))
)]
pub(super) struct TrainingDoc;

fn day(d: time::Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

fn status(s: CourseStatus) -> &'static str {
    match s {
        CourseStatus::Draft => "draft",
        CourseStatus::Reviewed => "reviewed",
        CourseStatus::Retired => "retired",
    }
}

#[derive(Serialize, ToSchema)]
pub struct ModuleSummary {
    id: String,
    title: String,
    summary: String,
    questions: usize,
}

/// A course, without its text.
#[derive(Serialize, ToSchema)]
pub struct CourseSummary {
    id: String,
    /// `england_wales`, `scotland` or `northern_ireland`: the law and helplines it teaches.
    nation: String,
    title: String,
    summary: String,
    language: String,
    version: u32,
    /// `draft` (not yet reviewed by practitioners) or `reviewed`.
    status: String,
    /// The share of right answers, in per cent, that passes.
    pass_mark: u8,
    /// How long a pass (and its certificate) is valid.
    valid_for_months: u8,
    modules: Vec<ModuleSummary>,
}

fn summary(c: &Course) -> CourseSummary {
    CourseSummary {
        id: c.id.clone(),
        nation: c.nation.as_str().into(),
        title: c.title.clone(),
        summary: c.summary.clone(),
        language: c.language.clone(),
        version: c.version,
        status: status(c.status).into(),
        pass_mark: c.pass_mark,
        valid_for_months: c.valid_for_months,
        modules: c
            .modules
            .iter()
            .map(|m| ModuleSummary {
                id: m.id.clone(),
                title: m.title.clone(),
                summary: m.summary.clone(),
                questions: m.questions.len(),
            })
            .collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct CoursesResponse {
    courses: Vec<CourseSummary>,
}

/// A question, without which answer is right.
#[derive(Serialize, ToSchema)]
pub struct QuestionBody {
    id: String,
    text: String,
    /// The answers, in order: an attempt gives the index of the one chosen.
    answers: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ModuleBody {
    id: String,
    title: String,
    summary: String,
    /// The module's text, in Markdown.
    markdown: String,
    indicators: Vec<String>,
    questions: Vec<QuestionBody>,
}

#[derive(Serialize, ToSchema)]
pub struct CourseBody {
    course: CourseSummary,
    modules: Vec<ModuleBody>,
}

fn find(id: &str) -> Result<&'static Course, ApiError> {
    training::course(id.trim()).ok_or(ApiError::App(AppError::NotFound))
}

/// The training courses, one per nation (public).
#[utoipa::path(get, path = "/training/courses", tag = "training",
    responses((status = 200, body = CoursesResponse)))]
async fn courses() -> Json<CoursesResponse> {
    Json(CoursesResponse {
        courses: training::courses().map(summary).collect(),
    })
}

/// A course with its modules' text and questions, never the right answers (public).
#[utoipa::path(get, path = "/training/courses/{id}", tag = "training", params(("id" = String, Path)),
    responses((status = 200, body = CourseBody),
        (status = 404, body = Problem)))]
async fn course(Path(id): Path<String>) -> Result<Json<CourseBody>, ApiError> {
    let c = find(&id)?;
    Ok(Json(CourseBody {
        course: summary(c),
        modules: c
            .modules
            .iter()
            .map(|m| ModuleBody {
                id: m.id.clone(),
                title: m.title.clone(),
                summary: m.summary.clone(),
                markdown: m.body.clone(),
                indicators: m.indicators.clone(),
                questions: m
                    .questions
                    .iter()
                    .map(|q| QuestionBody {
                        id: q.id.clone(),
                        text: q.text.clone(),
                        answers: q.answers.iter().map(|a| a.text.clone()).collect(),
                    })
                    .collect(),
            })
            .collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct AttemptSummaryBody {
    on: String,
    correct: u32,
    total: u32,
    passed: bool,
}

/// Where the caller stands on a course.
#[derive(Serialize, ToSchema)]
pub struct ProgressBody {
    modules_read: Vec<String>,
    /// The newest first.
    attempts: Vec<AttemptSummaryBody>,
    passed: bool,
}

/// The caller's progress on a course.
#[utoipa::path(get, path = "/training/courses/{id}/progress", tag = "training", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = ProgressBody),
        (status = 404, body = Problem)))]
async fn progress(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ProgressBody>, ApiError> {
    let p = app.course_progress(&account, &id).await?;
    Ok(Json(ProgressBody {
        passed: p.passed(),
        modules_read: p.modules_read,
        attempts: p
            .attempts
            .into_iter()
            .map(|a| AttemptSummaryBody {
                on: day(a.on),
                correct: a.correct,
                total: a.total,
                passed: a.passed,
            })
            .collect(),
    }))
}

/// Mark a module as read by the caller.
#[utoipa::path(post, path = "/training/courses/{id}/modules/{module}/read", tag = "training",
    security(("bearer" = [])), params(("id" = String, Path), ("module" = String, Path)),
    responses((status = 204),
        (status = 404, body = Problem)))]
async fn read(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path((id, module)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    app.mark_module_read(&account, &id, &module).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An attempt at a course's quiz.
#[derive(Deserialize, ToSchema)]
pub struct AttemptRequest {
    /// Question id → the index of the answer chosen. Every question of the course counts: one left out
    /// is wrong.
    #[schema(example = json!({"law-1": 0, "signs-1": 2}))]
    #[serde(deserialize_with = "super::whole::map_usize")]
    answers: BTreeMap<String, usize>,
}

/// How one question was answered.
#[derive(Serialize, ToSchema)]
pub struct MarkedBody {
    question: String,
    chosen: Option<usize>,
    correct: usize,
    right: bool,
    /// Why the right answer is right (given for every question; shown to the helper for the wrong ones).
    explanation: String,
}

#[derive(Serialize, ToSchema)]
pub struct AttemptBody {
    id: String,
    correct: usize,
    total: usize,
    /// Right answers in per cent, rounded down.
    percent: u8,
    passed: bool,
    marked: Vec<MarkedBody>,
    /// On a pass: the certificate's code (check it at `GET /certificates/{code}`).
    certificate: Option<String>,
}

/// Answer a course's quiz: marked at once against the course's pass mark, kept and audited.
#[utoipa::path(post, path = "/training/courses/{id}/attempts", tag = "training", request_body = AttemptRequest,
    security(("bearer" = [])), params(("id" = String, Path)),
    responses((status = 201, body = AttemptBody),
        (status = 404, body = Problem),
        (status = 422, body = Problem)))]
async fn attempt(
    State(app): State<App>,
    ApiUser(account): ApiUser,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<AttemptRequest>,
) -> Result<Response, ApiError> {
    let c = find(&id)?;
    let result = app.attempt_quiz(&account, &c.id, r.answers).await?;
    let explanations: BTreeMap<&str, &str> = c
        .questions()
        .map(|q| (q.id.as_str(), q.explanation.as_str()))
        .collect();
    let s = result.score;
    Ok((
        StatusCode::CREATED,
        Json(AttemptBody {
            id: result.id.to_string(),
            correct: s.right,
            total: s.total,
            percent: s.percent,
            passed: s.passed,
            certificate: result.certificate.as_ref().map(|c| c.code.clone()),
            marked: s
                .marked
                .iter()
                .map(|m| MarkedBody {
                    right: m.right(),
                    question: m.question.clone(),
                    chosen: m.chosen,
                    correct: m.correct,
                    explanation: explanations
                        .get(m.question.as_str())
                        .map(|e| (*e).to_owned())
                        .unwrap_or_default(),
                })
                .collect(),
        }),
    )
        .into_response())
}

/// What a certificate's code shows anyone: for a genuine current certificate `valid: true` with the
/// holder's display name, the course and the dates; for an expired or revoked one `valid: false` and the
/// reason.
#[derive(Serialize, ToSchema)]
pub struct CertificateCheck {
    valid: bool,
    /// `expired` or `revoked` (only when not valid).
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    holder: String,
    course: String,
    issued_on: String,
    expires_on: String,
}

/// Check a training certificate's code (public). 404 for a code never issued, an altered one, or anything
/// that is not a code: the answer gives no hint which.
#[utoipa::path(get, path = "/certificates/{code}", tag = "training", params(("code" = String, Path)),
    responses((status = 200, body = CertificateCheck),
        (status = 404, body = Problem)))]
async fn certificate(
    State(app): State<App>,
    Path(code): Path<String>,
) -> Result<Json<CertificateCheck>, ApiError> {
    let status = app
        .certificate_status(&code)
        .await?
        .ok_or(ApiError::App(AppError::NotFound))?;
    let (valid, reason, c) = match status {
        waymark_app::CertificateStatus::Valid(c) => (true, None, c),
        waymark_app::CertificateStatus::Invalid {
            reason,
            certificate,
        } => (false, Some(reason.as_str().to_owned()), certificate),
    };
    Ok(Json(CertificateCheck {
        valid,
        reason,
        holder: c.holder,
        course: c.course_title,
        issued_on: day(c.issued_on),
        expires_on: day(c.expires_on),
    }))
}

/// The key certificates are signed with: check a certificate's token offline with it.
#[derive(Serialize, ToSchema)]
pub struct PublicKeyBody {
    /// The key's id, also inside every token it signed.
    id: String,
    /// Ed25519, 32 bytes, base64url without padding.
    base64url: String,
    hex: String,
    /// SubjectPublicKeyInfo PEM, for `openssl pkeyutl -verify`.
    pem: String,
}

/// The public key training certificates are signed with (public).
#[utoipa::path(get, path = "/certificates/public-key", tag = "training",
    responses((status = 200, body = PublicKeyBody)))]
async fn public_key(State(app): State<App>) -> Result<Json<PublicKeyBody>, ApiError> {
    let k = app.certificate_public_key().await?;
    Ok(Json(PublicKeyBody {
        id: k.id(),
        base64url: k.to_base64url(),
        hex: k.to_hex(),
        pem: k.to_pem(),
    }))
}
