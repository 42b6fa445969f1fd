//! Signing in (password, then a code or enrolment) and out; one's own sessions; a manager's team.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::Cookie;
use axum_extra::extract::{CookieJar, Form};
use serde::Deserialize;
use waymark_app::{App, AppError, PendingStage, PendingView, SignIn, constant_time_eq};
use waymark_domain::UserId;
use waymark_domain::staff_security::may_see_team;

use super::{Nav, render};
use crate::auth::{
    PENDING_COOKIE, SESSION_COOKIE, Signed, form_urlencode, host, pending_cookie, safe_next,
    session_cookie,
};
use crate::error::WebError;
use crate::views;

#[derive(Template)]
#[template(path = "login.html")]
struct Login {
    nav: Nav,
    errors: Vec<(&'static str, String)>,
    email: String,
    next: String,
    /// Sent here because a session ended (idle or too old).
    ended: bool,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    ended: Option<String>,
}

pub async fn login_form(Query(q): Query<NextQuery>) -> Result<Response, WebError> {
    render(&Login {
        nav: Nav::public(),
        errors: vec![],
        email: String::new(),
        next: safe_next(q.next.as_deref()),
        ended: q.ended.is_some(),
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

/// The sign-in page again with an error (wrong password, locked, or a sign-in that took too long).
fn login_error(e: &AppError, email: String, next: String) -> Result<Response, WebError> {
    let status = match e {
        AppError::LockedOut { .. } => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::UNAUTHORIZED,
    };
    let page = render(&Login {
        nav: Nav::public(),
        errors: vec![("email", sentence(e))],
        email,
        next,
        ended: false,
    })?;
    Ok((status, page).into_response())
}

/// An error's words as a sentence.
fn sentence(e: &AppError) -> String {
    let message = e.to_string();
    let mut c = message.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn user_agent(headers: &HeaderMap) -> &str {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

pub async fn login(
    State(app): State<App>,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let next = safe_next(form.next.as_deref());
    match app
        .login(&form.email, &form.password, user_agent(&headers))
        .await
    {
        Ok(SignIn::SignedIn(new)) => {
            let jar = jar.add(session_cookie(new.secret, host(&headers)));
            Ok((jar, Redirect::to(&next)).into_response())
        }
        Ok(SignIn::CodeNeeded { pending }) => {
            let jar = jar.add(pending_cookie(pending, host(&headers)));
            let to = format!("/login/code?next={}", form_urlencode(&next));
            Ok((jar, Redirect::to(&to)).into_response())
        }
        Ok(SignIn::EnrolmentNeeded { pending }) => {
            let jar = jar.add(pending_cookie(pending, host(&headers)));
            let to = format!("/login/enrol?next={}", form_urlencode(&next));
            Ok((jar, Redirect::to(&to)).into_response())
        }
        Err(e @ (AppError::BadCredentials | AppError::LockedOut { .. })) => {
            login_error(&e, form.email, next)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "account/code.html")]
struct CodePage {
    nav: Nav,
    errors: Vec<(&'static str, String)>,
    csrf: String,
    next: String,
}

#[derive(Template)]
#[template(path = "account/enrol.html")]
struct EnrolPage {
    nav: Nav,
    errors: Vec<(&'static str, String)>,
    csrf: String,
    next: String,
    /// The QR code as an `<svg>` element from the vault: numbers only, written into the page unescaped.
    qr_svg: String,
    /// The Base32 key in groups of four, for reading and typing.
    secret_grouped: String,
}

#[derive(Template)]
#[template(path = "account/recovery_codes.html")]
struct RecoveryCodesPage {
    nav: Nav,
    codes: Vec<String>,
    next: String,
}

/// The pending sign-in behind the pending cookie, if it is still waiting for `stage`.
async fn pending_of(
    app: &App,
    jar: &CookieJar,
    stage: PendingStage,
) -> Result<Option<(String, PendingView)>, WebError> {
    let Some(secret) = jar.get(PENDING_COOKIE).map(|c| c.value().to_owned()) else {
        return Ok(None);
    };
    Ok(app
        .pending_sign_in(&secret)
        .await?
        .filter(|p| p.stage == stage)
        .map(|p| (secret, p)))
}

/// Back to the password, saying the sign-in took too long (and forgetting the pending cookie).
fn start_again(jar: CookieJar, next: String) -> Result<Response, WebError> {
    let jar = jar.remove(Cookie::build(PENDING_COOKIE).path("/login"));
    let page = login_error(&AppError::SignInExpired, String::new(), next)?;
    Ok((jar, page).into_response())
}

fn enrol_page(
    view: &PendingView,
    next: String,
    errors: Vec<(&'static str, String)>,
) -> Result<Response, WebError> {
    let Some(offer) = &view.enrolment else {
        return Err(AppError::SignInExpired.into());
    };
    let grouped: Vec<String> = offer
        .secret_base32
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    render(&EnrolPage {
        nav: Nav::public(),
        errors,
        csrf: view.csrf_token.clone(),
        next,
        qr_svg: offer.qr_svg.clone(),
        secret_grouped: grouped.join(" "),
    })
}

pub async fn code_form(
    State(app): State<App>,
    jar: CookieJar,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    let next = safe_next(q.next.as_deref());
    match pending_of(&app, &jar, PendingStage::Code).await? {
        Some((_, view)) => render(&CodePage {
            nav: Nav::public(),
            errors: vec![],
            csrf: view.csrf_token,
            next,
        }),
        None => start_again(jar, next),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
    next: Option<String>,
}

pub async fn code(
    State(app): State<App>,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    let next = safe_next(form.next.as_deref());
    let Some((secret, view)) = pending_of(&app, &jar, PendingStage::Code).await? else {
        return start_again(jar, next);
    };
    if !constant_time_eq(&view.csrf_token, &form.csrf) {
        return Err(WebError::Csrf);
    }
    match app
        .confirm_sign_in(&secret, &form.code, user_agent(&headers))
        .await
    {
        Ok(new) => {
            let jar = jar
                .remove(Cookie::build(PENDING_COOKIE).path("/login"))
                .add(session_cookie(new.secret, host(&headers)));
            Ok((jar, Redirect::to(&next)).into_response())
        }
        Err(e @ AppError::BadCode) => {
            let page = render(&CodePage {
                nav: Nav::public(),
                errors: vec![("code", sentence(&e))],
                csrf: view.csrf_token,
                next,
            })?;
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
        Err(e @ AppError::LockedOut { .. }) => {
            let jar = jar.remove(Cookie::build(PENDING_COOKIE).path("/login"));
            Ok((jar, login_error(&e, String::new(), next)?).into_response())
        }
        Err(AppError::SignInExpired) => start_again(jar, next),
        Err(e) => Err(e.into()),
    }
}

pub async fn enrol_form(
    State(app): State<App>,
    jar: CookieJar,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    let next = safe_next(q.next.as_deref());
    match pending_of(&app, &jar, PendingStage::Enrol).await? {
        Some((_, view)) => enrol_page(&view, next, vec![]),
        None => start_again(jar, next),
    }
}

pub async fn enrol(
    State(app): State<App>,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    let next = safe_next(form.next.as_deref());
    let Some((secret, view)) = pending_of(&app, &jar, PendingStage::Enrol).await? else {
        return start_again(jar, next);
    };
    if !constant_time_eq(&view.csrf_token, &form.csrf) {
        return Err(WebError::Csrf);
    }
    match app
        .confirm_enrolment(&secret, &form.code, user_agent(&headers))
        .await
    {
        Ok(done) => {
            let jar = jar
                .remove(Cookie::build(PENDING_COOKIE).path("/login"))
                .add(session_cookie(done.session.secret, host(&headers)));
            let page = render(&RecoveryCodesPage {
                nav: Nav::for_session(Some(&done.session.session)),
                codes: done.recovery_codes,
                next,
            })?;
            Ok((jar, page).into_response())
        }
        Err(e @ AppError::BadCode) => {
            let page = enrol_page(&view, next, vec![("code", sentence(&e))])?;
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
        Err(e @ AppError::LockedOut { .. }) => {
            let jar = jar.remove(Cookie::build(PENDING_COOKIE).path("/login"));
            Ok((jar, login_error(&e, String::new(), next)?).into_response())
        }
        Err(AppError::SignInExpired) => start_again(jar, next),
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
    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
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

#[derive(Template)]
#[template(path = "account/sessions.html")]
struct SessionsPage {
    nav: Nav,
    csrf: String,
    sessions: Vec<SessionRow>,
    ended: usize,
    enrolled: bool,
    required: bool,
    recovery_codes: i64,
}

struct SessionRow {
    id: String,
    device: String,
    started: String,
    last_active: String,
    current: bool,
}

#[derive(Deserialize)]
pub struct EndedQuery {
    ended: Option<usize>,
}

/// The signed-in user's own sessions, each with a button to end it.
pub async fn sessions(
    State(app): State<App>,
    session: Signed,
    Query(q): Query<EndedQuery>,
) -> Result<Response, WebError> {
    let list = app.sessions(&session.0).await?;
    let status = app.two_factor_status(&session.0).await?;
    render(&SessionsPage {
        nav: Nav::for_session(Some(&session.0)),
        csrf: session.0.csrf_token.clone(),
        sessions: list
            .into_iter()
            .map(|s| SessionRow {
                id: s.id,
                device: s.device,
                started: views::date(s.started),
                last_active: views::date(s.last_active),
                current: s.current,
            })
            .collect(),
        ended: q.ended.unwrap_or(0),
        enrolled: status.enrolled,
        required: status.required,
        recovery_codes: status.unused_recovery_codes,
    })
}

/// Ends one of the user's own sessions; ending the current one signs out.
pub async fn end_session(
    State(app): State<App>,
    session: Signed,
    jar: CookieJar,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    if app.end_session(&session.0, &id).await? {
        let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
        return Ok((jar, Redirect::to("/login")).into_response());
    }
    Ok(Redirect::to("/account/sessions?ended=1").into_response())
}

/// Ends every session of the user but this one.
pub async fn end_other_sessions(
    State(app): State<App>,
    session: Signed,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let ended = app.end_other_sessions(&session.0).await?;
    Ok(Redirect::to(&format!("/account/sessions?ended={ended}")).into_response())
}

#[derive(Template)]
#[template(path = "account/team.html")]
struct TeamPage {
    nav: Nav,
    csrf: String,
    org: String,
    members: Vec<MemberRow>,
    reset: bool,
    /// The organisation is a designated first responder.
    first_responder: bool,
}

struct MemberRow {
    id: String,
    name: String,
    email: String,
    role: &'static str,
    enrolled: bool,
    may_reset: bool,
}

#[derive(Deserialize)]
pub struct ResetQuery {
    reset: Option<String>,
}

/// A manager's or administrator's list of their organisation's staff, with two-factor resets.
pub async fn team(
    State(app): State<App>,
    session: Signed,
    Query(q): Query<ResetQuery>,
) -> Result<Response, WebError> {
    let members = app.team(session.account()).await?;
    render(&TeamPage {
        nav: Nav::for_session(Some(&session.0)),
        csrf: session.0.csrf_token.clone(),
        org: session.account().org_name.clone(),
        members: members
            .into_iter()
            .map(|m| MemberRow {
                id: m.user_id.to_string(),
                name: m.display_name,
                email: m.email,
                role: match m.role {
                    waymark_domain::Role::Helper => "Helper",
                    waymark_domain::Role::Caseworker => "Caseworker",
                    waymark_domain::Role::Manager => "Manager",
                    waymark_domain::Role::Admin => "Administrator",
                },
                enrolled: m.enrolled,
                may_reset: m.may_reset,
            })
            .collect(),
        reset: q.reset.is_some(),
        first_responder: session.account().org_first_responder,
    })
}

/// Resets a member of staff's second factor (and ends their sessions).
pub async fn reset_two_factor(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    if !may_see_team(session.account().role) {
        return Err(AppError::NotFound.into());
    }
    let target = UserId::parse(&id).map_err(|_| AppError::NotFound)?;
    app.reset_two_factor(session.account(), &target).await?;
    Ok(Redirect::to("/team?reset=1").into_response())
}
