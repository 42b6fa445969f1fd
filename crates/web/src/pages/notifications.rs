//! Anonymous notifications on the staff pages: a first responder's caseworkers and managers notify about
//! an adult who does not consent to a referral, with non-identifying facts only, and see their
//! organisation's notifications. Plain forms; errors keep everything entered.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::{App, AppError};
use waymark_domain::anonymous::{NotificationDraft, nationalities};
use waymark_domain::first_responder::may_notify_anonymously;
use waymark_domain::{AgeBand, ExploitationType, Indicator, Nation};

use super::case_record::exploitation;
use super::{Nav, render};
use crate::auth::Signed;
use crate::error::{WebError, error_page};
use crate::routes::RouteTable;
use crate::views::{self, AreaField, Choice, choices};

pub fn routes() -> RouteTable {
    RouteTable::new()
        .route("/notifications", get(list).post(submit))
        .route("/notifications/new", get(new_form))
}

/// Anyone else is told plainly who may notify (the page reveals no record).
fn refused() -> Response {
    error_page(
        StatusCode::FORBIDDEN,
        "Not allowed",
        "Only caseworkers and managers of a first responder organisation can make anonymous \
         notifications."
            .into(),
    )
}

fn may(session: &Signed) -> bool {
    let a = session.account();
    may_notify_anonymously(a.role, a.org_kind, a.org_first_responder)
}

/// The form as entered.
#[derive(Deserialize, Default)]
pub struct NotificationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    age: String,
    #[serde(default)]
    nationality: String,
    #[serde(default)]
    exploitation_types: Vec<String>,
    #[serde(default)]
    nation: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    indicators: Vec<String>,
    #[serde(default)]
    encountered_in: String,
}

pub struct NationalityOption {
    code: &'static str,
    name: &'static str,
    selected: bool,
}

#[derive(Template)]
#[template(path = "notifications/form.html")]
struct FormPage {
    nav: Nav,
    errors: Vec<(&'static str, String)>,
    ages: Vec<Choice>,
    nationalities: Vec<NationalityOption>,
    exploitation_types: Vec<Choice>,
    nations: Vec<Choice>,
    indicators: Vec<Choice>,
    area_field: AreaField,
    encountered_in: String,
}

fn age_label(a: AgeBand) -> &'static str {
    match a {
        AgeBand::Adult => "18 or over",
        AgeBand::Under18 => "Under 18",
        AgeBand::Unsure => "Not sure",
    }
}

fn form_page(
    session: &Signed,
    form: &NotificationForm,
    errors: Vec<(&'static str, String)>,
) -> Result<Response, WebError> {
    let age: Vec<AgeBand> = AgeBand::parse(&form.age).into_iter().collect();
    let nation: Vec<Nation> = Nation::parse(&form.nation).into_iter().collect();
    let types: Vec<ExploitationType> = form
        .exploitation_types
        .iter()
        .filter_map(|t| ExploitationType::parse(t).ok())
        .collect();
    let indicators: Vec<Indicator> = form
        .indicators
        .iter()
        .filter_map(|i| Indicator::parse(i).ok())
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = FormPage {
        nav: Nav::for_session(Some(&session.0)),
        ages: choices(
            &[AgeBand::Adult, AgeBand::Under18, AgeBand::Unsure],
            AgeBand::as_str,
            age_label,
            &age,
        ),
        nationalities: nationalities()
            .iter()
            .map(|n| NationalityOption {
                code: &n.code,
                name: &n.name,
                selected: n.code == form.nationality,
            })
            .collect(),
        exploitation_types: choices(
            ExploitationType::ALL,
            ExploitationType::as_str,
            exploitation,
            &types,
        ),
        nations: choices(Nation::ALL, Nation::as_str, views::nation, &nation),
        indicators: choices(
            Indicator::ALL,
            Indicator::as_str,
            views::indicator,
            &indicators,
        ),
        area_field: AreaField::new("area", Nation::ALL, &form.area)
            .labelled(
                "Local council area (optional)",
                "The council area the person is in, in the part of the UK chosen above. Choose “Not recorded” if you do not know it.",
                "Not recorded",
            )
            .with_error(&errors),
        encountered_in: form.encountered_in.clone(),
        errors,
    };
    Ok((status, render(&page)?).into_response())
}

pub async fn new_form(session: Signed) -> Result<Response, WebError> {
    if !may(&session) {
        return Ok(refused());
    }
    form_page(&session, &NotificationForm::default(), vec![])
}

/// The form's id of the first control of each field, for the error summary's links.
fn anchor(field: &str) -> &'static str {
    match field {
        "age" => "age",
        "nationality" => "nationality",
        "exploitation_types" => "exploitation_types",
        "nation" => "nation",
        "area" => "area",
        "indicators" => "indicators",
        _ => "encountered_in",
    }
}

pub async fn submit(
    State(app): State<App>,
    session: Signed,
    Form(form): Form<NotificationForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    if !may(&session) {
        return Ok(refused());
    }
    let draft = NotificationDraft {
        age: form.age.clone(),
        nationality: form.nationality.clone(),
        exploitation_types: form.exploitation_types.clone(),
        nation: form.nation.clone(),
        area: Some(form.area.clone()),
        indicators: form.indicators.clone(),
        encountered_in: Some(form.encountered_in.clone()),
    };
    match app.notify_anonymously(session.account(), draft).await {
        Ok(_) => Ok(Redirect::to("/notifications?made=1").into_response()),
        Err(AppError::Notification(e)) => {
            form_page(&session, &form, vec![(anchor(e.field()), e.to_string())])
        }
        Err(AppError::Forbidden) => Ok(refused()),
        Err(e) => Err(e.into()),
    }
}

pub struct Row {
    made: String,
    /// The area and nation, or the nation alone.
    place: String,
    nationality: String,
    exploitation: String,
    indicators: usize,
    encountered_in: String,
}

#[derive(Template)]
#[template(path = "notifications/list.html")]
struct ListPage {
    nav: Nav,
    made: bool,
    rows: Vec<Row>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    made: Option<String>,
}

pub async fn list(
    State(app): State<App>,
    session: Signed,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    if !may(&session) {
        return Ok(refused());
    }
    let rows = match app.anonymous_notifications(session.account()).await {
        Ok(rows) => rows,
        Err(AppError::Forbidden) => return Ok(refused()),
        Err(e) => return Err(e.into()),
    };
    render(&ListPage {
        nav: Nav::for_session(Some(&session.0)),
        made: q.made.is_some(),
        rows: rows
            .into_iter()
            .map(|n| Row {
                made: views::date(n.created_at),
                place: views::place(n.area, n.nation),
                nationality: n.nationality_name,
                exploitation: n
                    .exploitation_types
                    .iter()
                    .map(|t| exploitation(*t))
                    .collect::<Vec<_>>()
                    .join(", "),
                indicators: n.indicators.len(),
                encountered_in: n.encountered_in.unwrap_or_else(|| "—".into()),
            })
            .collect(),
    })
}
