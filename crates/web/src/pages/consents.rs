//! Consents and onward referrals of a case, on one page (`/cases/{id}/sharing`): the consents recorded
//! (active or withdrawn, with a button to withdraw), a form to record one, which organisation each active
//! consent covers and what it would share, a form to refer onward, and where earlier onward referrals went
//! and the answer. Every decision is the use case's; the page only shows what it was given.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::{App, AppError, NewConsent, Sharing};
use waymark_domain::case_record::{CaseError, parse_date};
use waymark_domain::consent::{
    ConsentBasis, ConsentDraft, ConsentError, ConsentMethod, ConsentScope,
};
use waymark_domain::ids::ConsentId;
use waymark_domain::referral::ReferralStatus;

use super::case_record::{case_id, day};
use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::routes::RouteTable;
use crate::views;

type Errors = Vec<(&'static str, String)>;

pub fn routes() -> RouteTable {
    RouteTable::new()
        .route("/cases/{id}/sharing", get(page))
        .route("/cases/{id}/consents", post(record))
        .route("/cases/{id}/consents/{consent}/withdraw", post(withdraw))
        .route("/cases/{id}/onward-referrals", post(refer_onward))
}

struct ConsentRow {
    id: String,
    active: bool,
    recipient: String,
    scopes: String,
    basis: &'static str,
    given_on: String,
    method: &'static str,
    purpose: String,
    withdrawn: Option<String>,
}

struct OnwardRow {
    to: String,
    sent: String,
    scopes: String,
    status: &'static str,
    reason: Option<String>,
}

/// Each organisation a consent may name, and what an active consent covering it would share.
struct RecipientRow {
    id: String,
    name: String,
    selected: bool,
    /// Empty when no active consent covers the organisation.
    covered_by: Vec<String>,
}

struct ConsentChoice {
    id: String,
    label: String,
    checked: bool,
}

struct Choice {
    id: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Template)]
#[template(path = "case/sharing.html")]
struct SharingPage {
    nav: Nav,
    id: String,
    reference: String,
    notice: Option<&'static str>,
    errors: Errors,
    child: bool,
    consents: Vec<ConsentRow>,
    onward: Vec<OnwardRow>,
    recipients: Vec<RecipientRow>,
    // The consent form.
    scopes: Vec<Choice>,
    methods: Vec<Choice>,
    purpose: String,
    given_on: String,
    // The onward form.
    onward_recipients: Vec<RecipientRow>,
    onward_consents: Vec<ConsentChoice>,
}

impl SharingPage {
    fn error(&self, id: &str) -> Option<&str> {
        views::field_error(&self.errors, id)
    }
}

/// Where a consent field's error links to: a group's first box.
fn anchor(field: &'static str) -> &'static str {
    match field {
        "scope" => "scope-identity",
        "method" => "method-in_person",
        other => other,
    }
}

#[derive(Deserialize, Default)]
pub struct ConsentForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    scope: Vec<String>,
    #[serde(default)]
    recipient: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    given_on: String,
    #[serde(default)]
    method: String,
}

#[derive(Deserialize, Default)]
pub struct OnwardForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    to_organisation: String,
    #[serde(default)]
    consent_id: String,
}

#[derive(Deserialize, Default)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

#[derive(Deserialize)]
pub struct SharingQuery {
    done: Option<String>,
}

fn scope_list(scopes: &[ConsentScope]) -> String {
    scopes
        .iter()
        .map(|s| s.label())
        .collect::<Vec<_>>()
        .join(", ")
}

fn status_words(s: ReferralStatus) -> &'static str {
    match s {
        ReferralStatus::Sent => "Sent, not answered yet",
        ReferralStatus::Accepted => "Accepted",
        ReferralStatus::Declined => "Declined",
        ReferralStatus::Withdrawn => "Withdrawn (the consent was withdrawn)",
    }
}

fn notice(done: Option<&str>) -> Option<&'static str> {
    Some(match done? {
        "consent" => "The consent was recorded.",
        "withdrawn" => {
            "The consent was withdrawn. Nothing more is shared under it; an onward referral under it that was not answered yet is withdrawn."
        }
        "onward" => {
            "The onward referral was sent. Only what the consent covers was shared; you will see the answer here."
        }
        _ => return None,
    })
}

#[derive(Default)]
struct Entered {
    consent: ConsentForm,
    onward: OnwardForm,
}

async fn sharing_page(
    app: &App,
    session: &Signed,
    id: &waymark_domain::CaseId,
    errors: Errors,
    entered: Entered,
    done: Option<&str>,
) -> Result<Response, WebError> {
    let s: Sharing = app.sharing(session.account(), id).await?;
    let child = s.basis == ConsentBasis::Safeguarding;
    let active: Vec<_> = s.consents.iter().filter(|c| c.active()).collect();
    let recipient_rows = |selected: &str, onward: bool| -> Vec<RecipientRow> {
        s.recipients
            .iter()
            // Nothing is referred onward to a decision body (that is a formal referral).
            .filter(|r| !(onward && r.decision_body))
            .map(|r| RecipientRow {
                id: r.id.to_string(),
                name: r.name.clone(),
                selected: selected == r.id.as_str(),
                covered_by: active
                    .iter()
                    .filter(|c| c.recipient == r.id)
                    .map(|c| scope_list(&c.scopes))
                    .collect(),
            })
            .collect()
    };
    let c = &entered.consent;
    render(&SharingPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: s.reference.clone(),
        notice: notice(done),
        errors,
        child,
        consents: s
            .consents
            .iter()
            .map(|c| ConsentRow {
                id: c.id.to_string(),
                active: c.active(),
                recipient: c.recipient_name.clone(),
                scopes: scope_list(&c.scopes),
                basis: match c.basis {
                    ConsentBasis::Consent => "Consent",
                    ConsentBasis::Safeguarding => "Safeguarding (a child)",
                },
                given_on: day(c.given_on),
                method: c.method.label(),
                purpose: c.purpose.clone(),
                withdrawn: c.withdrawn_at.map(views::date),
            })
            .collect(),
        onward: s
            .onward
            .iter()
            .map(|o| OnwardRow {
                to: o.to_organisation.clone(),
                sent: views::date(o.sent_at),
                scopes: scope_list(&o.scopes),
                status: status_words(o.status),
                reason: o.decline_reason.clone(),
            })
            .collect(),
        recipients: recipient_rows(&c.recipient, false),
        scopes: ConsentScope::ALL
            .iter()
            .map(|sc| Choice {
                id: sc.as_str(),
                label: sc.describe(),
                checked: c.scope.iter().any(|x| x == sc.as_str()),
            })
            .collect(),
        methods: ConsentMethod::ALL
            .iter()
            .map(|m| Choice {
                id: m.as_str(),
                label: m.label(),
                checked: c.method == m.as_str(),
            })
            .collect(),
        purpose: c.purpose.clone(),
        given_on: c.given_on.clone(),
        onward_recipients: recipient_rows(&entered.onward.to_organisation, true),
        onward_consents: active
            .iter()
            .map(|k| ConsentChoice {
                id: k.id.to_string(),
                label: format!(
                    "To {}: shares {} (given {})",
                    k.recipient_name,
                    scope_list(&k.scopes),
                    day(k.given_on)
                ),
                checked: entered.onward.consent_id == k.id.as_str(),
            })
            .collect(),
    })
}

pub async fn page(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Query(q): Query<SharingQuery>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    sharing_page(
        &app,
        &session,
        &id,
        vec![],
        Entered::default(),
        q.done.as_deref(),
    )
    .await
}

fn back(id: &waymark_domain::CaseId, done: &str) -> Response {
    Redirect::to(&format!("/cases/{id}/sharing?done={done}")).into_response()
}

/// A form's own problem (shown in its error summary), or an error page.
fn problem(e: AppError, field: &'static str) -> Result<Errors, WebError> {
    match e {
        AppError::Case(CaseError::Field { field, problem }) => {
            Ok(vec![(anchor(field), sentence(problem))])
        }
        AppError::Invalid(m) => Ok(vec![(field, sentence(&m))]),
        other => Err(other.into()),
    }
}

fn sentence(m: &str) -> String {
    let mut c = m.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The page again with the consent form's problems and everything typed in it.
async fn consent_refused(
    app: &App,
    session: &Signed,
    id: &waymark_domain::CaseId,
    errors: Errors,
    f: ConsentForm,
) -> Result<Response, WebError> {
    let entered = Entered {
        consent: f,
        onward: OnwardForm::default(),
    };
    let page = sharing_page(app, session, id, errors, entered, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

pub async fn record(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<ConsentForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let given_on = match f.given_on.trim() {
        "" => Ok(None),
        d => parse_date("given_on", d).map(Some),
    };
    // Every problem of the form at once; only a consent without any goes to the use case.
    let mut errors: Errors = ConsentDraft {
        scopes: &f.scope,
        recipient: &f.recipient,
        purpose: &f.purpose,
        method: &f.method,
    }
    .problems()
    .into_iter()
    .map(|e| match e {
        ConsentError::Field { field, problem } => (anchor(field), sentence(problem)),
        e @ ConsentError::PurposeTooLong { .. } => ("purpose", sentence(&e.to_string())),
    })
    .collect();
    if let Err(CaseError::Field { problem, .. }) = &given_on {
        let at = errors
            .iter()
            .position(|(f, _)| *f == "method-in_person")
            .unwrap_or(errors.len());
        errors.insert(at, ("given_on", sentence(problem)));
    }
    if !errors.is_empty() {
        return consent_refused(&app, &session, &id, errors, f).await;
    }
    let method = ConsentMethod::parse(f.method.trim());
    let result = match (given_on, method) {
        (Ok(given_on), Ok(method)) => {
            app.record_consent(
                session.account(),
                &id,
                NewConsent {
                    scopes: f.scope.clone(),
                    recipient: f.recipient.clone(),
                    purpose: f.purpose.clone(),
                    given_on,
                    method,
                },
            )
            .await
        }
        (Err(e), _) => Err(AppError::Case(e)),
        (_, Err(_)) => Err(AppError::Case(CaseError::Field {
            field: "method",
            problem: "choose how consent was given",
        })),
    };
    match result {
        Ok(_) => Ok(back(&id, "consent")),
        Err(e) => {
            let errors = problem(e, "purpose")?;
            consent_refused(&app, &session, &id, errors, f).await
        }
    }
}

pub async fn withdraw(
    State(app): State<App>,
    session: Signed,
    Path((id, consent)): Path<(String, String)>,
    Form(f): Form<CsrfForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let consent = ConsentId::parse(&consent).map_err(|_| WebError::App(AppError::NotFound))?;
    app.withdraw_consent(session.account(), &consent).await?;
    Ok(back(&id, "withdrawn"))
}

pub async fn refer_onward(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<OnwardForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    match app
        .refer_onward(session.account(), &id, &f.to_organisation, &f.consent_id)
        .await
    {
        Ok(_) => Ok(back(&id, "onward")),
        Err(e) => {
            let errors = problem(e, "to_organisation")?;
            let page = sharing_page(
                &app,
                &session,
                &id,
                errors,
                Entered {
                    consent: ConsentForm::default(),
                    onward: f,
                },
                None,
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// What the receiver of an onward referral is told about it: from whom, under which consent, and — once
/// that consent was withdrawn — that it can no longer be read.
pub fn onward_notice(r: &waymark_app::ReferralView) -> Option<String> {
    let scopes = r.shared_under_consent.as_ref()?;
    let from = r
        .from_organisation
        .clone()
        .unwrap_or_else(|| "another organisation".into());
    let shared = scopes
        .iter()
        .map(|s| s.label().to_lowercase())
        .collect::<Vec<_>>()
        .join(", ");
    Some(if r.status == ReferralStatus::Withdrawn {
        format!(
            "Onward referral from {from}: the person's consent was withdrawn, so it can no longer be accepted or read."
        )
    } else {
        format!(
            "Onward referral from {from}, shared under consent: {shared}. Only these were shared; anything else reads “not given”."
        )
    })
}
