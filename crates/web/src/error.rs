//! Errors as people see them: an HTML page for the site, `application/problem+json` for the API.
//! Internal causes are logged (without personal data) and never shown.

use askama::Template;
use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;
use waymark_app::AppError;
use waymark_domain::case_record::DocumentError;

#[derive(Debug)]
pub enum WebError {
    App(AppError),
    Csrf,
    Render(askama::Error),
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        WebError::App(e)
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Render(e)
    }
}

fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::BadCredentials | AppError::BadCode | AppError::SignInExpired => {
            StatusCode::UNAUTHORIZED
        }
        AppError::LockedOut { .. } | AppError::TooManyAttempts { .. } => {
            StatusCode::TOO_MANY_REQUESTS
        }
        AppError::Invalid(_)
        | AppError::Referral(_)
        | AppError::SelfReferral(_)
        | AppError::Case(_)
        | AppError::Notification(_)
        | AppError::Document(DocumentError::Empty) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Document(DocumentError::TooLarge) => StatusCode::PAYLOAD_TOO_LARGE,
        AppError::Document(DocumentError::UnsupportedType) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Key(_) | AppError::Store(_) | AppError::Vault(_) => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

/// The words shown for an error; internal details stay in the log.
fn public_message(e: &AppError) -> String {
    match status_of(e) {
        StatusCode::INTERNAL_SERVER_ERROR => {
            tracing::error!(error = %e, "request failed");
            "Something went wrong on our side. Nothing you entered has been shared. Please try again.".into()
        }
        StatusCode::NOT_FOUND => "There is nothing here, or you do not have access to it.".into(),
        _ => {
            let m = e.to_string();
            let mut c = m.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    title: String,
    message: String,
}

pub fn error_page(status: StatusCode, title: &str, message: String) -> Response {
    let page = ErrorPage {
        title: title.to_owned(),
        message,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, page.message).into_response(),
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::App(e) => {
                let status = status_of(&e);
                let title = match status {
                    StatusCode::NOT_FOUND => "Page not found",
                    StatusCode::FORBIDDEN => "Not allowed",
                    StatusCode::INTERNAL_SERVER_ERROR => "Sorry, something went wrong",
                    _ => "There is a problem",
                };
                error_page(status, title, public_message(&e))
            }
            WebError::Csrf => error_page(
                StatusCode::FORBIDDEN,
                "This form has expired",
                "Go back, reload the page and send the form again.".into(),
            ),
            WebError::Render(e) => {
                tracing::error!(error = %e, "template failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong on our side.",
                )
                    .into_response()
            }
        }
    }
}

/// An API error, answered as `application/problem+json` (RFC 9457).
#[derive(Debug)]
pub enum ApiError {
    App(AppError),
    Unauthorized,
    BadRequest(String),
    /// A request body over the limit.
    TooLarge(String),
    /// The path exists but not with this method (the router's 405, given a body).
    MethodNotAllowed(String),
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError::App(e)
    }
}

/// The body of an API error.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, detail) = match &self {
            // A case record's field problem names the field, as the pages link to it.
            ApiError::App(AppError::Case(waymark_domain::case_record::CaseError::Field {
                field,
                problem,
            })) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("{field}: {problem}"),
            ),
            // So does an anonymous notification's (the age, for a child).
            ApiError::App(AppError::Notification(e)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("{}: {e}", e.field()),
            ),
            ApiError::App(e) => (status_of(e), public_message(e)),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "Send a valid API token as `Authorization: Bearer TOKEN`.".into(),
            ),
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m.clone()),
            ApiError::TooLarge(m) => (StatusCode::PAYLOAD_TOO_LARGE, m.clone()),
            ApiError::MethodNotAllowed(m) => (StatusCode::METHOD_NOT_ALLOWED, m.clone()),
        };
        let kind = match status {
            StatusCode::NOT_FOUND => "not-found",
            StatusCode::UNAUTHORIZED => "unauthorized",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::UNPROCESSABLE_ENTITY => "invalid",
            StatusCode::CONFLICT => "conflict",
            StatusCode::PAYLOAD_TOO_LARGE => "too-large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported-type",
            StatusCode::TOO_MANY_REQUESTS => "too-many-requests",
            StatusCode::BAD_REQUEST => "bad-request",
            StatusCode::METHOD_NOT_ALLOWED => "method-not-allowed",
            _ => "internal",
        };
        let body = Problem {
            kind: format!("/problems/{kind}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail,
        };
        let mut response = (status, Json(body)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            // RFC 9110 §11.6.1: a 401 names the scheme that would be accepted.
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
