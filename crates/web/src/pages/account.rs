//! Signing in and out.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{CookieJar, Form};
use serde::Deserialize;
use waymark_app::{App, AppError};

use super::{Nav, render};
use crate::auth::{SESSION_COOKIE, Signed, host, safe_next, session_cookie};
use crate::error::WebError;

#[derive(Template)]
#[template(path = "login.html")]
struct Login {
    nav: Nav,
    errors: Vec<(&'static str, String)>,
    email: String,
    next: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_form(Query(q): Query<NextQuery>) -> Result<Response, WebError> {
    render(&Login {
        nav: Nav::public(),
        errors: vec![],
        email: String::new(),
        next: safe_next(q.next.as_deref()),
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub async fn login(
    State(app): State<App>,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let next = safe_next(form.next.as_deref());
    match app.login(&form.email, &form.password).await {
        Ok(new) => {
            let jar = jar.add(session_cookie(new.secret, host(&headers)));
            Ok((jar, Redirect::to(&next)).into_response())
        }
        Err(e @ (AppError::BadCredentials | AppError::LockedOut { .. })) => {
            let status = match e {
                AppError::LockedOut { .. } => axum::http::StatusCode::TOO_MANY_REQUESTS,
                _ => axum::http::StatusCode::UNAUTHORIZED,
            };
            let message = e.to_string();
            let mut c = message.chars();
            let message = c
                .next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default();
            let page = render(&Login {
                nav: Nav::public(),
                errors: vec![("email", message)],
                email: form.email,
                next,
            })?;
            Ok((status, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn logout(
    State(app): State<App>,
    session: Signed,
    jar: CookieJar,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    if let Some(c) = jar.get(SESSION_COOKIE) {
        app.logout(c.value()).await?;
    }
    let jar = jar.remove(axum_extra::extract::cookie::Cookie::build(SESSION_COOKIE).path("/"));
    Ok((jar, Redirect::to("/")).into_response())
}

#[derive(Template)]
#[template(path = "staff.html")]
struct StaffHome {
    nav: Nav,
    org: String,
}

/// Where staff land after signing in: what their role lets them do.
pub async fn staff_home(session: Signed) -> Result<Response, WebError> {
    render(&StaffHome {
        org: session.account().org_name.clone(),
        nav: Nav::for_session(Some(&session.0)),
    })
}
