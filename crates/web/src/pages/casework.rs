//! The support organisation's side: referrals received, opening one, accepting or declining, cases.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::{App, AppError, ReferralView};
use waymark_domain::{CaseId, ReferralId};

use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::views;

pub struct InboxRow {
    id: String,
    received: String,
    from: String,
    age: &'static str,
    child: bool,
    area: String,
    needs: String,
    status: &'static str,
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct Inbox {
    nav: Nav,
    notice: Option<&'static str>,
    items: Vec<InboxRow>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    declined: Option<String>,
}

fn status_words(s: &str) -> &'static str {
    match s {
        "sent" => "New",
        "accepted" => "Accepted",
        _ => "Declined",
    }
}

pub async fn inbox(
    State(app): State<App>,
    session: Signed,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let items = app
        .inbox(session.account())
        .await?
        .into_iter()
        .map(|r| InboxRow {
            id: r.id.to_string(),
            received: views::date(r.received_at),
            from: r
                .from_organisation
                .unwrap_or_else(|| "The person themselves".into()),
            age: views::age(r.age),
            child: r.child_safeguarding,
            area: r.area.unwrap_or_else(|| views::nation(r.nation).to_owned()),
            needs: r
                .needs
                .iter()
                .map(|n| views::need(*n))
                .collect::<Vec<_>>()
                .join(", "),
            status: status_words(r.status.as_str()),
        })
        .collect();
    let notice = q
        .declined
        .map(|_| "The referral was declined. The sender can now see your reason.");
    render(&Inbox {
        nav: Nav::for_session(Some(&session.0)),
        notice,
        items,
    })
}

/// The person's details as a page shows them.
pub struct PersonView {
    name: String,
    contact: String,
    language: String,
    age: &'static str,
    place: String,
    needs: String,
    indicators: Vec<&'static str>,
    first_contact: &'static str,
    from: String,
    basis: String,
}

fn person(r: &ReferralView) -> PersonView {
    PersonView {
        name: r.name.clone(),
        contact: r.contact.clone(),
        language: r.language.clone(),
        age: views::age(r.age),
        place: match &r.area {
            Some(a) => format!("{a}, {}", views::nation(r.nation)),
            None => views::nation(r.nation).to_owned(),
        },
        needs: if r.needs.is_empty() {
            "None recorded".into()
        } else {
            r.needs
                .iter()
                .map(|n| views::need(*n))
                .collect::<Vec<_>>()
                .join(", ")
        },
        indicators: r.indicators.iter().map(|i| views::indicator(*i)).collect(),
        first_contact: views::first_contact(r.first_contact),
        from: r
            .from_organisation
            .clone()
            .unwrap_or_else(|| "The person themselves".into()),
        basis: match &r.children_services {
            Some(cs) => format!("Child safeguarding: {cs} notified"),
            None if r.consent_given => "The person consented to this referral".into(),
            None => "Not recorded".into(),
        },
    }
}

#[derive(Template)]
#[template(path = "referral.html")]
struct ReferralPage {
    nav: Nav,
    id: String,
    received: String,
    status: String,
    case_id: Option<String>,
    person: PersonView,
    errors: Vec<(&'static str, String)>,
}

fn parse_referral(id: &str) -> Result<ReferralId, WebError> {
    ReferralId::parse(id).map_err(|_| WebError::App(AppError::NotFound))
}

async fn referral_page(
    app: &App,
    session: &Signed,
    id: &ReferralId,
    errors: Vec<(&'static str, String)>,
) -> Result<Response, WebError> {
    let r = app.open_referral(session.account(), id).await?;
    render(&ReferralPage {
        nav: Nav::for_session(Some(&session.0)),
        id: r.id.to_string(),
        received: views::date(r.received_at),
        status: r.status.as_str().to_owned(),
        case_id: r.case_id.as_ref().map(ToString::to_string),
        person: person(&r),
        errors,
    })
}

pub async fn referral(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_referral(&id)?;
    referral_page(&app, &session, &id, vec![]).await
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
}

pub async fn accept(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let id = parse_referral(&id)?;
    let case = app.accept_referral(session.account(), &id).await?;
    Ok(Redirect::to(&format!("/cases/{case}")).into_response())
}

pub async fn decline(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let id = parse_referral(&id)?;
    match app
        .decline_referral(session.account(), &id, &form.reason)
        .await
    {
        Ok(()) => Ok(Redirect::to("/inbox?declined=1").into_response()),
        Err(AppError::Referral(_)) => {
            let page = referral_page(
                &app,
                &session,
                &id,
                vec![(
                    "reason",
                    "Give a reason, so the sender can help the person find support elsewhere"
                        .into(),
                )],
            )
            .await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "cases.html")]
struct Cases {
    nav: Nav,
    items: Vec<(String, String, String)>,
}

pub async fn cases(State(app): State<App>, session: Signed) -> Result<Response, WebError> {
    let items = app
        .cases(session.account())
        .await?
        .into_iter()
        .map(|c| (c.id.to_string(), views::date(c.opened_at), c.status))
        .collect();
    render(&Cases {
        nav: Nav::for_session(Some(&session.0)),
        items,
    })
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    nav: Nav,
    opened: String,
    status: String,
    person: PersonView,
}

pub async fn case(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = CaseId::parse(&id).map_err(|_| WebError::App(AppError::NotFound))?;
    let c = app.case(session.account(), &id).await?;
    render(&CasePage {
        nav: Nav::for_session(Some(&session.0)),
        opened: views::date(c.opened_at),
        status: c.status,
        person: person(&c.referral),
    })
}
