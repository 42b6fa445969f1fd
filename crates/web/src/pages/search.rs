//! Searching cases by name or date of birth (through the blind index; the terms are never stored).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::{App, AppError, CaseMatch, CaseSearch};
use waymark_domain::case::CaseAccess;
use waymark_domain::{Permission, allows};

use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::views;

type Errors = Vec<(&'static str, String)>;

use super::case_record::{form_problem, status_words, with_status};

pub struct Hit {
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) status: &'static str,
    pub(crate) opened: String,
    pub(crate) allowed: bool,
}

pub(crate) fn hits(matches: &[CaseMatch]) -> Vec<Hit> {
    matches
        .iter()
        .map(|m| Hit {
            id: m.case_id.to_string(),
            reference: m.reference.clone(),
            status: status_words(&m.status),
            opened: views::date(m.opened_at),
            allowed: m.access == CaseAccess::Allowed,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "case/search.html")]
struct SearchPage {
    pub(crate) nav: Nav,
    pub(crate) errors: Errors,
    pub(crate) reference: String,
    pub(crate) name: String,
    pub(crate) date_of_birth: String,
    pub(crate) searched: bool,
    pub(crate) hits: Vec<Hit>,
}

#[derive(Deserialize, Default)]
pub struct SearchForm {
    #[serde(default)]
    pub(crate) csrf: String,
    #[serde(default)]
    pub(crate) reference: String,
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) date_of_birth: String,
}

pub async fn search_form(session: Signed) -> Result<Response, WebError> {
    let a = session.account();
    if !allows(a.role, a.org_kind, Permission::ReadCase) {
        return Err(AppError::Forbidden.into());
    }
    render(&SearchPage {
        nav: Nav::for_session(Some(&session.0)),
        errors: vec![],
        reference: String::new(),
        name: String::new(),
        date_of_birth: String::new(),
        searched: false,
        hits: vec![],
    })
}

/// Search is a form post, not a link: a name typed into a search must not end up in the address bar, the
/// browser's history or a proxy's log.
pub async fn search(
    State(app): State<App>,
    session: Signed,
    Form(f): Form<SearchForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let reference: fn(String) -> CaseSearch = CaseSearch::Reference;
    let given: Vec<(&'static str, CaseSearch)> = [
        ("reference", &f.reference, reference),
        ("name", &f.name, CaseSearch::Name),
        ("date_of_birth", &f.date_of_birth, CaseSearch::DateOfBirth),
    ]
    .into_iter()
    .filter(|(_, v, _)| !v.trim().is_empty())
    .map(|(field, v, make)| (field, make(v.clone())))
    .collect();
    let (result, status) = match given.as_slice() {
        [(field, query)] => match app.search_cases(session.account(), query.clone()).await {
            Ok(found) => (Ok(found), StatusCode::OK),
            Err(e) => {
                let (status, errors) = form_problem(e, field)?;
                (Err(errors), status)
            }
        },
        [] => (
            Err(vec![(
                "reference",
                "Enter a case reference, a name or a date of birth".into(),
            )]),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        _ => (
            Err(vec![(
                "reference",
                "Search by one thing at a time: a reference, a name or a date of birth".into(),
            )]),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    let (errors, found) = match result {
        Ok(found) => (vec![], found),
        Err(errors) => (errors, vec![]),
    };
    let searched = errors.is_empty();
    Ok(with_status(
        status,
        render(&SearchPage {
            nav: Nav::for_session(Some(&session.0)),
            errors,
            reference: f.reference,
            name: f.name,
            date_of_birth: f.date_of_birth,
            searched,
            hits: hits(&found),
        })?,
    ))
}
