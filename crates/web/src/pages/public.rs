//! Public pages: no account, nothing stored. The start page and the screening of a concern.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::App;
use waymark_domain::jurisdiction::jurisdiction;
use waymark_domain::{AgeBand, Indicator, Nation, ScreeningInput, screen};

use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::views::{self, Choice, choices};

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    nav: Nav,
}

pub async fn home(session: Option<Signed>) -> Result<Response, WebError> {
    render(&Home {
        nav: Nav::for_session(session.as_ref().map(|s| &s.0)),
    })
}

#[derive(Template)]
#[template(path = "screening.html")]
struct ScreeningPage {
    nav: Nav,
    errors: Vec<(&'static str, &'static str)>,
    ages: Vec<Choice>,
    indicators: Vec<Choice>,
    nations: Vec<Choice>,
}

fn screening_page(
    nav: Nav,
    errors: Vec<(&'static str, &'static str)>,
    age: Option<AgeBand>,
    indicators: &[Indicator],
    nation: Option<Nation>,
) -> Result<Response, WebError> {
    render(&ScreeningPage {
        nav,
        errors,
        ages: choices(
            AgeBand::ALL,
            AgeBand::as_str,
            views::age,
            &age.into_iter().collect::<Vec<_>>(),
        ),
        indicators: choices(
            Indicator::ALL,
            Indicator::as_str,
            views::indicator,
            indicators,
        ),
        nations: choices(
            Nation::ALL,
            Nation::as_str,
            views::nation,
            &nation.into_iter().collect::<Vec<_>>(),
        ),
    })
}

pub async fn screening_form(session: Option<Signed>) -> Result<Response, WebError> {
    screening_page(
        Nav::for_session(session.as_ref().map(|s| &s.0)),
        vec![],
        None,
        &[],
        None,
    )
}

#[derive(Deserialize)]
pub struct ScreeningForm {
    immediate_danger: Option<String>,
    age: Option<String>,
    #[serde(default)]
    indicators: Vec<String>,
    nation: Option<String>,
}

pub struct HelplineView {
    name: String,
    number: String,
    tel: String,
    when: String,
}

#[derive(Template)]
#[template(path = "outcome.html")]
struct Outcome {
    nav: Nav,
    outcome: String,
    title: &'static str,
    nation_name: String,
    children_services: String,
    helplines: Vec<HelplineView>,
    refer_link: String,
}

pub async fn screening_result(
    session: Option<Signed>,
    State(_app): State<App>,
    Form(form): Form<ScreeningForm>,
) -> Result<Response, WebError> {
    let nav = Nav::for_session(session.as_ref().map(|s| &s.0));
    let danger = match form.immediate_danger.as_deref() {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    };
    let age = form.age.as_deref().and_then(|a| AgeBand::parse(a).ok());
    let nation = form.nation.as_deref().and_then(|n| Nation::parse(n).ok());
    let indicators: Vec<Indicator> = form
        .indicators
        .iter()
        .filter_map(|i| Indicator::parse(i).ok())
        .collect();
    let mut errors = Vec::new();
    if danger.is_none() {
        errors.push((
            "immediate_danger",
            "Say whether anyone is in danger right now",
        ));
    }
    if age.is_none() {
        errors.push(("age", "Choose the person's age, or “Not sure”"));
    }
    if nation.is_none() {
        errors.push(("nation", "Choose where in the UK the person is"));
    }
    let (Some(immediate_danger), Some(age), Some(nation)) = (danger, age, nation) else {
        return screening_page(nav, errors, age, &indicators, nation);
    };
    let input = ScreeningInput {
        age,
        immediate_danger,
        indicators: indicators.iter().copied().collect(),
        nation,
    };
    let outcome = screen(&input);
    let j = jurisdiction(nation);
    let mut refer_link = format!(
        "/referrals/new?nation={}&age={}",
        nation.as_str(),
        age.as_str()
    );
    for i in &indicators {
        refer_link.push_str("&indicators=");
        refer_link.push_str(i.as_str());
    }
    render(&Outcome {
        nav,
        outcome: outcome.as_str().to_owned(),
        title: views::outcome_title(outcome),
        nation_name: j.name.clone(),
        children_services: j.children_services.clone(),
        helplines: j
            .helplines_for(age.treated_as_child())
            .map(|h| HelplineView {
                name: h.name.clone(),
                number: h.number.clone(),
                tel: h.number.chars().filter(|c| !c.is_whitespace()).collect(),
                when: h.when.clone(),
            })
            .collect(),
        refer_link,
    })
}
