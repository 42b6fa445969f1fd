//! Formal referral and the decision body's workspace on the staff pages. A first responder's caseworker
//! refers from a case (the page lists exactly which fields go); the decision body's decision makers see
//! their queue (soonest due first) and decide on a referral's page, with the threshold in force, the due
//! dates and the recovery-period end. Everything is decided in `app::formal`; nothing is computed here.
//! Plain forms with the CSRF token; errors re-render the page with what was entered.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;
use time::Date;
use waymark_app::{App, AppError, FormalDecisionView, FormalRequestView, FormalStatusView};
use waymark_domain::CaseId;
use waymark_domain::consent::ConsentBasis;
use waymark_domain::formal::{Closure, Outcome, RequestKind, request_reconsideration};

use super::case_record::exploitation;
use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::routes::RouteTable;
use crate::views;

pub fn routes() -> RouteTable {
    RouteTable::new()
        .route("/cases/{id}/formal-referral", get(refer_form).post(refer))
        .route("/decisions", get(queue))
        .route("/decisions/{id}", get(decision_page))
        .route(
            "/decisions/{id}/reasonable-grounds",
            post(reasonable_grounds),
        )
        .route("/decisions/{id}/review", post(review))
        .route(
            "/decisions/{id}/conclusive-grounds",
            post(conclusive_grounds),
        )
        .route("/decisions/{id}/closure", post(closure))
        .route("/decisions/{id}/information", post(ask_information))
        .route(
            "/cases/{id}/formal-referral/{formal}/reconsideration",
            post(reconsideration),
        )
        .route(
            "/cases/{id}/formal-referral/{formal}/requests/{request}/answer",
            post(answer_request),
        )
}

fn day(d: Date) -> String {
    let f = time::macros::format_description!("[day] [month repr:long] [year]");
    d.format(&f).unwrap_or_default()
}

fn opt_day(d: Option<Date>) -> String {
    d.map(day).unwrap_or_else(|| "—".into())
}

fn outcome_text(o: Option<Outcome>) -> String {
    match o {
        Some(Outcome::Positive) => "Positive".into(),
        Some(Outcome::Negative) => "Negative".into(),
        None => "Not made yet".into(),
    }
}

/// A formal referral's status and dates, in words.
pub struct StatusRow {
    id: String,
    decision_body: String,
    status: &'static str,
    referred_on: String,
    reasonable_grounds_due: String,
    reasonable_grounds: String,
    recovery_period_ends: String,
    conclusive_earliest: String,
    conclusive: String,
    /// A negative decision the referrer may ask to have reconsidered.
    can_reconsider: bool,
    requests: Vec<RequestRow>,
    /// Why the decision body's copy of the person was erased, when it was.
    erased: Option<&'static str>,
}

/// A request between the decision body and the referrer, in words.
pub struct RequestRow {
    id: String,
    information: bool,
    text: String,
    asked_on: String,
    reply_by: String,
    overdue: bool,
    reply: Option<String>,
    replied_on: String,
}

fn request_rows(requests: &[FormalRequestView]) -> Vec<RequestRow> {
    requests
        .iter()
        .map(|q| RequestRow {
            id: q.id.to_string(),
            information: q.kind == RequestKind::Information,
            text: q
                .text
                .clone()
                .unwrap_or_else(|| "(erased with the case)".into()),
            asked_on: day(q.asked_on),
            reply_by: opt_day(q.reply_by),
            overdue: q.overdue,
            reply: q.reply.clone(),
            replied_on: opt_day(q.replied_on),
        })
        .collect()
}

fn status_row(s: &FormalStatusView) -> StatusRow {
    StatusRow {
        id: s.id.to_string(),
        decision_body: s.decision_body.clone(),
        status: s.status.describe(),
        referred_on: day(s.referred_on),
        reasonable_grounds_due: day(s.reasonable_grounds_due),
        reasonable_grounds: outcome_text(s.reasonable_grounds),
        recovery_period_ends: opt_day(s.recovery_period_ends),
        conclusive_earliest: opt_day(s.conclusive_earliest),
        conclusive: outcome_text(s.conclusive),
        can_reconsider: request_reconsideration(s.status).is_ok(),
        requests: request_rows(&s.requests),
        erased: s.erased.map(|t| t.told()),
    }
}

// ---- the referrer: a formal referral from a case ------------------------------------------------------

pub struct Pick {
    id: String,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "formal/refer.html")]
struct ReferPage {
    nav: Nav,
    case_id: String,
    reference: String,
    child: bool,
    fields: &'static [&'static str],
    bodies: Vec<Pick>,
    consents: Vec<Pick>,
    referrals: Vec<StatusRow>,
    errors: Vec<(String, String)>,
    /// What was typed into a reconsideration or answer form, kept on an error: (form id, text).
    entered: (String, String),
    sent: bool,
    done: Option<&'static str>,
}

#[derive(Deserialize, Default)]
pub struct ReferForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision_body: String,
    #[serde(default)]
    consent_id: String,
    #[serde(default)]
    sent: Option<String>,
    #[serde(default)]
    done: Option<String>,
}

async fn refer_page(
    app: &App,
    session: &Signed,
    case: &CaseId,
    form: &ReferForm,
    errors: Vec<(String, String)>,
    entered: (String, String),
) -> Result<Response, WebError> {
    let actor = session.account();
    let sharing = app.sharing(actor, case).await?;
    let referrals = app.case_formal_referrals(actor, case).await?;
    let bodies = app.decision_bodies().await?;
    let body_ids: Vec<_> = bodies.iter().map(|b| b.id.clone()).collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ReferPage {
        nav: Nav::for_session(Some(&session.0)),
        case_id: case.to_string(),
        reference: sharing.reference.clone(),
        child: sharing.basis == ConsentBasis::Safeguarding,
        fields: app.formal_referral_fields(),
        bodies: bodies
            .into_iter()
            .map(|b| Pick {
                selected: b.id.as_str() == form.decision_body,
                id: b.id.to_string(),
                label: b.name,
            })
            .collect(),
        consents: sharing
            .consents
            .iter()
            .filter(|c| c.active() && body_ids.contains(&c.recipient))
            .map(|c| Pick {
                id: c.id.to_string(),
                label: format!(
                    "{} — given {} — covers: {}",
                    c.recipient_name,
                    day(c.given_on),
                    c.scopes
                        .iter()
                        .map(|s| s.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                selected: c.id.as_str() == form.consent_id,
            })
            .collect(),
        referrals: referrals.iter().map(status_row).collect(),
        errors,
        entered,
        sent: form.sent.is_some(),
        done: match form.done.as_deref() {
            Some("reconsideration") => Some(
                "Reconsideration asked for: the decision body will make a new decision and you will see it here.",
            ),
            Some("answer") => Some("Your answer was sent to the decision body."),
            _ => None,
        },
    };
    Ok((status, render(&page)?).into_response())
}

fn case_id(id: &str) -> Result<CaseId, WebError> {
    CaseId::parse(id).map_err(|_| WebError::from(AppError::NotFound))
}

pub async fn refer_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<ReferForm>,
) -> Result<Response, WebError> {
    let case = case_id(&id)?;
    refer_page(&app, &session, &case, &q, vec![], Default::default()).await
}

pub async fn refer(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<ReferForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let case = case_id(&id)?;
    let consent = Some(form.consent_id.as_str()).filter(|c| !c.trim().is_empty());
    match app
        .refer_formally(session.account(), &case, &form.decision_body, consent)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{case}/formal-referral?sent=1")).into_response()),
        Err(AppError::Invalid(m)) => {
            let field = if m.contains("decision body in Waymark") {
                "decision_body"
            } else {
                "consent_id"
            };
            refer_page(
                &app,
                &session,
                &case,
                &form,
                vec![(field.into(), m)],
                Default::default(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct TextForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
}

/// After a reconsideration request or an answer: back to the page; on a refusal, the page with the
/// message next to the form and what was typed.
async fn referrer_answer(
    app: &App,
    session: &Signed,
    case: &CaseId,
    result: Result<FormalStatusView, AppError>,
    done: &str,
    field: String,
    text: &str,
) -> Result<Response, WebError> {
    match result {
        Ok(_) => {
            Ok(Redirect::to(&format!("/cases/{case}/formal-referral?done={done}")).into_response())
        }
        Err(AppError::Invalid(m)) => {
            refer_page(
                app,
                session,
                case,
                &ReferForm::default(),
                vec![(field.clone(), m)],
                (field, text.to_owned()),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn reconsideration(
    State(app): State<App>,
    session: Signed,
    Path((id, formal)): Path<(String, String)>,
    Form(form): Form<TextForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let case = case_id(&id)?;
    let result = app
        .ask_reconsideration(session.account(), &case, &formal, &form.text)
        .await;
    let field = format!("reconsider-{}", formal.trim());
    referrer_answer(
        &app,
        &session,
        &case,
        result,
        "reconsideration",
        field,
        &form.text,
    )
    .await
}

pub async fn answer_request(
    State(app): State<App>,
    session: Signed,
    Path((id, formal, request)): Path<(String, String, String)>,
    Form(form): Form<TextForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let case = case_id(&id)?;
    let result = app
        .answer_information_request(session.account(), &case, &formal, &request, &form.text)
        .await;
    let field = format!("answer-{}", request.trim());
    referrer_answer(&app, &session, &case, result, "answer", field, &form.text).await
}

// ---- the decision body: queue and decisions -------------------------------------------------------------

pub struct QueueRow {
    id: String,
    status: &'static str,
    nation: &'static str,
    referred_on: String,
    due: String,
    overdue: bool,
    conclusive_earliest: String,
    waiting_for_referrer: bool,
}

#[derive(Template)]
#[template(path = "formal/queue.html")]
struct QueuePage {
    nav: Nav,
    rows: Vec<QueueRow>,
}

pub async fn queue(State(app): State<App>, session: Signed) -> Result<Response, WebError> {
    let items = app.decision_queue(session.account()).await?;
    render(&QueuePage {
        nav: Nav::for_session(Some(&session.0)),
        rows: items
            .into_iter()
            .map(|q| QueueRow {
                id: q.id.to_string(),
                status: q.status.describe(),
                nation: views::nation(q.nation),
                referred_on: day(q.referred_on),
                due: day(q.reasonable_grounds_due),
                overdue: q.overdue,
                conclusive_earliest: opt_day(q.conclusive_earliest),
                waiting_for_referrer: q.waiting_for_referrer,
            })
            .collect(),
    })
}

pub struct HistoryRow {
    kind: &'static str,
    place: String,
    when: String,
    note: String,
}

#[derive(Template)]
#[template(path = "formal/decision.html")]
struct DecisionPage {
    nav: Nav,
    r: StatusRow,
    can_decide_rg: bool,
    can_review: bool,
    awaiting_other_reviewer: bool,
    can_decide_cg: bool,
    can_close: bool,
    /// A request for more information may be sent (the referral is not closed).
    can_ask: bool,
    /// The 10th working day after today, the reply date a request gets unless another is chosen.
    default_reply_by: String,
    child: bool,
    /// The person's details can be read (not after an erasure or a withdrawn consent).
    details: bool,
    /// The kinds of exploitation named, in words (shown when the details are gone).
    exploitation_types: String,
    name: String,
    other_names: String,
    birth: String,
    nationality: String,
    languages: String,
    nation: &'static str,
    history: Vec<HistoryRow>,
    rg_threshold: String,
    cg_threshold: String,
    rg_reasons: String,
    cg_reasons: String,
    errors: Vec<(&'static str, String)>,
    /// What was entered, kept on an error: (form, outcome, reasons).
    entered_form: &'static str,
    entered_outcome: String,
    entered_reasons: String,
    entered_reply_by: String,
}

#[derive(Deserialize, Default)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    reasons: String,
    #[serde(default)]
    agree: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    reply_by: String,
}

fn decision_view(
    session: &Signed,
    v: FormalDecisionView,
    errors: Vec<(&'static str, String)>,
    entered_form: &'static str,
    form: &DecisionForm,
) -> Result<Response, WebError> {
    use waymark_domain::formal::FormalStatus::*;
    let st = v.status.status;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let text = |o: Option<String>| o.unwrap_or_else(|| "not given".into());
    let page = DecisionPage {
        nav: Nav::for_session(Some(&session.0)),
        r: status_row(&v.status),
        can_decide_rg: matches!(
            st,
            AwaitingReasonableGrounds | ReasonableGroundsReconsideration
        ),
        can_review: st == NegativeAwaitingReview && !v.awaiting_other_reviewer,
        awaiting_other_reviewer: v.awaiting_other_reviewer,
        can_decide_cg: matches!(st, RecoveryPeriod | ConclusiveReconsideration),
        can_close: !st.is_final(),
        can_ask: !st.is_final(),
        default_reply_by: v.default_reply_by.map(day).unwrap_or_default(),
        child: v.child,
        details: v.details,
        exploitation_types: v
            .exploitation_types
            .iter()
            .map(|t| exploitation(*t))
            .collect::<Vec<_>>()
            .join(", "),
        other_names: if v.other_names.is_empty() {
            "none given".into()
        } else {
            v.other_names.join(", ")
        },
        birth: match (v.date_of_birth, v.age) {
            (Some(d), _) => format!("born {d}"),
            (None, Some(a)) => format!("aged about {a}"),
            _ => "not given".into(),
        },
        name: text(v.name),
        nationality: text(v.nationality),
        languages: text(v.languages),
        nation: views::nation(v.nation),
        history: v
            .history
            .into_iter()
            .map(|h| HistoryRow {
                kind: exploitation(h.kind),
                place: h.place,
                when: format!(
                    "{} to {}",
                    h.from.unwrap_or_else(|| "?".into()),
                    h.to.unwrap_or_else(|| "?".into())
                ),
                note: h.note.unwrap_or_default(),
            })
            .collect(),
        rg_threshold: v.reasonable_grounds_threshold,
        cg_threshold: v.conclusive_threshold,
        rg_reasons: v.reasonable_grounds_reasons.unwrap_or_default(),
        cg_reasons: v.conclusive_reasons.unwrap_or_default(),
        errors,
        entered_form,
        entered_outcome: form.outcome.clone(),
        entered_reasons: form.reasons.clone(),
        entered_reply_by: form.reply_by.clone(),
    };
    Ok((status, render(&page)?).into_response())
}

pub async fn decision_page(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let v = app.formal_referral(session.account(), &id).await?;
    decision_view(&session, v, vec![], "", &DecisionForm::default())
}

/// After a change: back to the page; on a refusal, the page again with the message and what was entered.
async fn answer(
    app: &App,
    session: &Signed,
    id: &str,
    result: Result<FormalStatusView, AppError>,
    field: &'static str,
    form: &DecisionForm,
) -> Result<Response, WebError> {
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/decisions/{id}")).into_response()),
        Err(AppError::Invalid(m)) => {
            let v = app.formal_referral(session.account(), id).await?;
            decision_view(session, v, vec![(field, m)], field, form)
        }
        Err(e) => Err(e.into()),
    }
}

fn parse_outcome(form: &DecisionForm) -> Result<Outcome, AppError> {
    Outcome::parse(&form.outcome).map_err(|_| {
        AppError::Invalid("choose whether the decision is positive or negative".into())
    })
}

pub async fn reasonable_grounds(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let result = match parse_outcome(&form) {
        Ok(o) => {
            app.decide_reasonable_grounds(session.account(), &id, o, &form.reasons)
                .await
        }
        Err(e) => {
            // Someone who may not see the referral learns nothing from a bad form.
            app.formal_referral(session.account(), &id).await?;
            Err(e)
        }
    };
    answer(&app, &session, &id, result, "rg", &form).await
}

pub async fn review(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let result = app
        .review_negative(session.account(), &id, form.agree == "yes")
        .await;
    answer(&app, &session, &id, result, "review", &form).await
}

pub async fn conclusive_grounds(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let result = match parse_outcome(&form) {
        Ok(o) => {
            app.decide_conclusive(session.account(), &id, o, &form.reasons)
                .await
        }
        Err(e) => {
            app.formal_referral(session.account(), &id).await?;
            Err(e)
        }
    };
    answer(&app, &session, &id, result, "cg", &form).await
}

pub async fn closure(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let result = match Closure::parse(&form.state) {
        Ok(c) => app.close_formal_referral(session.account(), &id, c).await,
        Err(_) => {
            app.formal_referral(session.account(), &id).await?;
            Err(AppError::Invalid(
                "choose withdrawn, left the UK or missing".into(),
            ))
        }
    };
    answer(&app, &session, &id, result, "state", &form).await
}

pub async fn ask_information(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let by = form.reply_by.trim();
    let result = if by.is_empty() {
        Ok(None)
    } else {
        waymark_domain::case_record::entered_date(by)
            .map(Some)
            .ok_or_else(|| {
                AppError::Invalid(
                    "Enter the reply date as day/month/year, for example 18/12/2026, or leave it \
                     empty"
                        .into(),
                )
            })
    };
    let result = match result {
        Ok(by) => {
            app.request_information(session.account(), &id, &form.reasons, by)
                .await
        }
        Err(e) => {
            app.formal_referral(session.account(), &id).await?;
            Err(e)
        }
    };
    answer(&app, &session, &id, result, "info", &form).await
}
