//! Closing a case, erasing it, the subject-access export, statistics and the retention period: pages
//! that work without JavaScript. Every permission is decided by the use case (the case policy in
//! `domain`); a page only shows what it was given.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::{App, AppError, CaseExport, CaseStatistics, CaseView};
use waymark_domain::case::CaseAction;
use waymark_domain::case_record::CaseError;
use waymark_domain::closing::{
    DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, follow_up_dates,
};
use waymark_domain::consent::{ConsentBasis, ConsentScope};
use waymark_domain::referral::ReferralStatus;
use waymark_domain::{ExploitationType, Need};

use super::case_record::{case_id, day, exploitation};
use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::routes::RouteTable;
use crate::views;

type Errors = Vec<(&'static str, String)>;

/// The routes of closing, erasure, export, statistics and retention.
pub fn routes() -> RouteTable {
    RouteTable::new()
        .route("/cases/{id}/close", get(close_form).post(close))
        .route("/cases/{id}/erase", get(erase_form).post(erase))
        .route("/cases/{id}/export", get(export))
        .route("/statistics", get(statistics))
        .route(
            "/organisation/retention",
            get(retention_form).post(set_retention),
        )
}

fn with_status(status: StatusCode, page: Response) -> Response {
    (status, page).into_response()
}

// ---- the case page's section -------------------------------------------------------------------------------

/// What the case page shows about closing, export and erasure.
pub struct ClosingSection {
    pub can_close: bool,
    pub can_erase: bool,
    /// "1 Dec 2026 by Sam Lee".
    pub closed: Option<String>,
    pub move_on_plan: Option<String>,
    /// The follow-up check-ins: (title, due).
    pub follow_ups: Vec<(String, String)>,
    /// When the case was erased, if it was.
    pub erased_on: Option<String>,
}

pub fn section(c: &CaseView) -> ClosingSection {
    let k = &c.closure;
    ClosingSection {
        can_close: k.can_close,
        can_erase: k.can_erase,
        closed: k.closed_at.map(|at| match &k.closed_by {
            Some(by) => format!("{} by {by}", views::date(at)),
            None => views::date(at),
        }),
        move_on_plan: k.move_on_plan.clone(),
        follow_ups: c
            .plan
            .iter()
            .filter(|a| k.follow_ups.contains(&a.id))
            .map(|a| {
                (
                    a.title.clone(),
                    match a.done_at {
                        Some(at) => format!("done {}", views::date(at)),
                        None => format!("due {}", day(a.due_on)),
                    },
                )
            })
            .collect(),
        erased_on: k.erased_at.map(views::date),
    }
}

// ---- closing -----------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "case/close.html")]
struct ClosePage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
    move_on_plan: String,
    /// The dates the follow-ups would be due if the case closed today.
    follow_ups: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct CloseForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    move_on_plan: String,
}

async fn close_page(
    app: &App,
    session: &Signed,
    id: &waymark_domain::CaseId,
    errors: Errors,
    move_on_plan: String,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::Close)
        .await?;
    if header.status != "open" {
        return Err(WebError::App(AppError::Conflict(
            "this case is already closed".into(),
        )));
    }
    render(&ClosePage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        move_on_plan,
        follow_ups: follow_up_dates(app.clock().now().date())
            .iter()
            .map(|d| day(*d))
            .collect(),
    })
}

pub async fn close_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    close_page(&app, &session, &id, vec![], String::new()).await
}

pub async fn close(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<CloseForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    match app
        .close_case(session.account(), &id, f.move_on_plan.clone())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{id}?saved=closed")).into_response()),
        Err(AppError::Case(CaseError::Field { field, problem })) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            close_page(
                &app,
                &session,
                &id,
                vec![(field, problem.to_owned())],
                f.move_on_plan,
            )
            .await?,
        )),
        Err(e) => Err(e.into()),
    }
}

// ---- erasure -----------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "case/erase.html")]
struct ErasePage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
}

#[derive(Deserialize, Default)]
pub struct EraseForm {
    #[serde(default)]
    csrf: String,
    /// The confirmation step: the box must be ticked.
    #[serde(default)]
    confirm: String,
}

async fn erase_page(
    app: &App,
    session: &Signed,
    id: &waymark_domain::CaseId,
    errors: Errors,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::Erase)
        .await?;
    render(&ErasePage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
    })
}

pub async fn erase_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    erase_page(&app, &session, &id, vec![]).await
}

pub async fn erase(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<EraseForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    if f.confirm != "yes" {
        // Decide access first, so the confirmation step tells an outsider nothing.
        let page = erase_page(
            &app,
            &session,
            &id,
            vec![(
                "confirm",
                "Tick the box to confirm that the person's details are to be erased for good"
                    .into(),
            )],
        )
        .await?;
        return Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page));
    }
    app.erase_case(session.account(), &id).await?;
    Ok(Redirect::to(&format!("/cases/{id}")).into_response())
}

// ---- the subject-access export ------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "case/export.html")]
struct ExportDocument {
    organisation: String,
    generated: String,
    reference: String,
    opened: String,
    status: &'static str,
    erased: bool,
    erased_on: Option<String>,
    closed: Option<String>,
    move_on_plan: Option<String>,
    person: Vec<(&'static str, String)>,
    needs: Vec<(String, String)>,
    needs_note: Option<String>,
    plan: Vec<(String, String, String)>,
    notes: Vec<(String, String, String)>,
    documents: Vec<(String, String, String)>,
    history: Vec<(String, String, Option<String>)>,
    risks: Vec<(String, String, String)>,
    messages: Vec<(String, String, String)>,
    /// (with, what may be shared, basis and how, given on, purpose, status)
    consents: Vec<[String; 6]>,
    /// Every copy of the person's information: (what, held by, since, under which consent, now).
    copies: Vec<[String; 5]>,
}

/// One row of "Where your information is", in words the person reads.
fn copy_row(e: &CaseExport, c: &waymark_app::CopyView) -> [String; 5] {
    use waymark_domain::erasure::CopyKind;
    let what = match c.kind {
        CopyKind::Case => "Your case record".to_owned(),
        CopyKind::Channel => "Your messages, through your codename".to_owned(),
        CopyKind::OnwardPending | CopyKind::OnwardAccepted => {
            format!("A referral onward: {}", scope_words(&c.scopes))
        }
        CopyKind::FormalUndecided | CopyKind::FormalDecided => format!(
            "A formal referral for a decision on whether you are a survivor of trafficking: {}",
            scope_words(&c.scopes)
        ),
    };
    let under = match &c.consent {
        Some(id) => match e.sharing.consents.iter().find(|k| &k.id == id) {
            Some(k) => format!("Your consent given {}", day(k.given_on)),
            None => "Your consent".to_owned(),
        },
        None => match c.kind {
            CopyKind::Case => "The referral that opened your case".to_owned(),
            CopyKind::Channel => "Your own request for help".to_owned(),
            _ => "Safeguarding (a child)".to_owned(),
        },
    };
    let mut now = match (c.referral, c.formal) {
        (Some(r), _) => match r {
            ReferralStatus::Sent => "Not answered yet",
            ReferralStatus::Accepted => "Accepted: they hold it now",
            ReferralStatus::Declined => "Declined",
            ReferralStatus::Withdrawn => "Withdrawn",
        }
        .to_owned(),
        (None, Some(f)) => views::sentence(f.describe()),
        (None, None) if c.readable => "Held".to_owned(),
        (None, None) => "Erased".to_owned(),
    };
    if !c.readable && (c.referral.is_some() || c.formal.is_some()) {
        now.push_str("; the details in it were erased");
    }
    [what, c.holder.clone(), views::date(c.made_at), under, now]
}

fn scope_words(scopes: &[ConsentScope]) -> String {
    scopes
        .iter()
        .map(|s| s.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The export as a standalone, printable HTML document (no navigation, no script).
pub fn export_html(e: &CaseExport) -> Result<String, WebError> {
    let c = &e.case;
    let or_none = |s: &str| {
        if s.is_empty() {
            "Not recorded".to_owned()
        } else {
            s.to_owned()
        }
    };
    let person = match &c.person {
        Some(p) => vec![
            ("Name", p.name.clone()),
            (
                "Other names",
                if p.aliases.is_empty() {
                    "None recorded".into()
                } else {
                    p.aliases.join(", ")
                },
            ),
            (
                "Date of birth or age",
                match (p.date_of_birth, p.age) {
                    (Some(d), _) => format!("Born {}", day(d)),
                    (None, Some(a)) => format!("About {a} years old"),
                    (None, None) => "Not recorded".into(),
                },
            ),
            ("Nationality", or_none(&p.nationality)),
            ("Languages", or_none(&p.languages)),
            ("Safe contact", or_none(&p.safe_contact)),
            ("Never write to", or_none(&p.never_write_to)),
        ],
        None => vec![],
    };
    let doc = ExportDocument {
        organisation: e.organisation.clone(),
        generated: views::date(e.generated_at),
        reference: c.reference.clone(),
        opened: views::date(c.opened_at),
        status: match c.status.as_str() {
            "open" => "Open",
            _ => "Closed",
        },
        erased: c.erased,
        erased_on: c.closure.erased_at.map(views::date),
        closed: c.closure.closed_at.map(views::date),
        move_on_plan: c.closure.move_on_plan.clone(),
        person,
        needs: c
            .needs
            .iter()
            .flat_map(|n| n.needs.iter())
            .map(|(need, u)| (views::need(*need).to_owned(), u.as_str().to_owned()))
            .collect(),
        needs_note: c.needs.as_ref().and_then(|n| n.note.clone()),
        plan: c
            .plan
            .iter()
            .map(|a| {
                (
                    a.title.clone(),
                    a.owner.clone(),
                    match a.done_at {
                        Some(at) => format!("Done {}", views::date(at)),
                        None => format!("Due {}", day(a.due_on)),
                    },
                )
            })
            .collect(),
        notes: c
            .notes
            .iter()
            .map(|n| (views::date(n.at), n.author.clone(), n.body.clone()))
            .collect(),
        documents: c
            .documents
            .iter()
            .map(|d| {
                (
                    d.name.clone(),
                    format!("{}, {} bytes", d.kind.as_str(), d.size_bytes),
                    views::date(d.uploaded_at),
                )
            })
            .collect(),
        history: c
            .history
            .iter()
            .map(|h| {
                (
                    exploitation(h.kind).to_owned(),
                    match (h.from, h.to) {
                        (Some(f), Some(t)) => format!("{} to {}", day(f), day(t)),
                        (Some(f), None) => format!("From {}", day(f)),
                        (None, Some(t)) => format!("Until {}", day(t)),
                        (None, None) => "Dates not known".into(),
                    },
                    h.note.clone(),
                )
            })
            .collect(),
        risks: c
            .risks
            .iter()
            .map(|r| {
                (
                    views::date(r.assessed_at),
                    r.level.as_str().to_owned(),
                    r.reasons.clone(),
                )
            })
            .collect(),
        messages: e
            .messages
            .iter()
            .map(|m| {
                (
                    views::date(m.at),
                    match m.from {
                        waymark_domain::channel::Sender::Person => "The person".to_owned(),
                        waymark_domain::channel::Sender::Organisation => {
                            m.author.clone().unwrap_or_else(|| e.organisation.clone())
                        }
                    },
                    crate::i18n::Tr::new(crate::i18n::Lang::ENGLISH).message(&m.body),
                )
            })
            .collect(),
        consents: e
            .sharing
            .consents
            .iter()
            .map(|c| {
                [
                    c.recipient_name.clone(),
                    scope_words(&c.scopes),
                    format!(
                        "{}, {}",
                        match c.basis {
                            ConsentBasis::Consent => "Your consent",
                            ConsentBasis::Safeguarding => "Safeguarding",
                        },
                        c.method.label().to_lowercase()
                    ),
                    day(c.given_on),
                    c.purpose.clone(),
                    match c.withdrawn_at {
                        None => "In force".to_owned(),
                        Some(w) => format!("Withdrawn {}", views::date(w)),
                    },
                ]
            })
            .collect(),
        copies: e.copies.iter().map(|c| copy_row(e, c)).collect(),
    };
    Ok(doc.render()?)
}

/// The export as a response: HTML, never cached, not indexed.
pub fn export_response(e: &CaseExport) -> Result<Response, WebError> {
    let mut r = Html(export_html(e)?).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

pub async fn export(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    let e = app.export_case(session.account(), &id).await?;
    export_response(&e)
}

// ---- statistics and retention --------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "statistics.html")]
struct StatisticsPage {
    nav: Nav,
    s: CaseStatistics,
    by_type: Vec<(&'static str, usize)>,
    by_need: Vec<(&'static str, usize)>,
}

pub async fn statistics(State(app): State<App>, session: Signed) -> Result<Response, WebError> {
    let s = app.case_statistics(session.account()).await?;
    let by_type = s
        .by_exploitation_type
        .iter()
        .map(|(t, n): (&ExploitationType, &usize)| (exploitation(*t), *n))
        .collect();
    let by_need = s
        .by_need
        .iter()
        .map(|(need, n): (&Need, &usize)| (views::need(*need), *n))
        .collect();
    render(&StatisticsPage {
        nav: Nav::for_session(Some(&session.0)),
        s,
        by_type,
        by_need,
    })
}

#[derive(Template)]
#[template(path = "retention.html")]
struct RetentionPage {
    nav: Nav,
    errors: Errors,
    days: String,
    saved: bool,
    min: i32,
    max: i32,
    default: i32,
}

#[derive(Deserialize, Default)]
pub struct RetentionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    days: String,
}

pub async fn retention_form(State(app): State<App>, session: Signed) -> Result<Response, WebError> {
    let days = app.retention(session.account()).await?;
    render(&RetentionPage {
        nav: Nav::for_session(Some(&session.0)),
        errors: vec![],
        days: days.to_string(),
        saved: false,
        min: MIN_RETENTION_DAYS,
        max: MAX_RETENTION_DAYS,
        default: DEFAULT_RETENTION_DAYS,
    })
}

pub async fn set_retention(
    State(app): State<App>,
    session: Signed,
    Form(f): Form<RetentionForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    // Refuse a role that may not set it before judging the value.
    app.retention(session.account()).await?;
    let problem = match f.days.trim().parse::<i64>() {
        Ok(days) => match app.set_retention(session.account(), days).await {
            Ok(_) => None,
            Err(AppError::Invalid(m)) => Some(m),
            Err(e) => return Err(e.into()),
        },
        Err(_) => Some("enter the retention period as a whole number of days".to_owned()),
    };
    let page = RetentionPage {
        nav: Nav::for_session(Some(&session.0)),
        saved: problem.is_none(),
        errors: problem
            .map(|m| {
                let mut c = m.chars();
                let m = c
                    .next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default();
                vec![("days", m)]
            })
            .unwrap_or_default(),
        days: f.days,
        min: MIN_RETENTION_DAYS,
        max: MAX_RETENTION_DAYS,
        default: DEFAULT_RETENTION_DAYS,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(with_status(status, render(&page)?))
}
