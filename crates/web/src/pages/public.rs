//! Public pages, in the reader's language: no account, no cookie, nothing stored. The start page, the
//! reader's rights, the support that exists, and the screening of a concern.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::App;
use waymark_domain::jurisdiction::jurisdiction;
use waymark_domain::operator::Operator;
use waymark_domain::{AgeBand, Indicator, Nation, ScreeningInput, ScreeningOutcome, screen};

use super::render;
use crate::error::WebError;
use crate::i18n::{Lang, Tr};
use crate::views::Choice;

/// The language of a public page, from the first segment of its path. An unknown language is a 404.
pub struct Locale {
    pub t: Tr,
    /// The path after the language (`/rights`), so the picker links to the same page in each language.
    pub here: String,
}

impl FromRequestParts<App> for Locale {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let path = parts.uri.path();
        let rest = path.strip_prefix('/').unwrap_or(path);
        let (code, here) = rest.split_once('/').map_or((rest, ""), |(c, h)| (c, h));
        let Some(lang) = Lang::parse(code) else {
            return Err(super::not_found().await);
        };
        let here = format!("/{here}");
        // Who runs the service, for the footer: a page still answers if the setting cannot be read.
        let operator = app.operator().await.unwrap_or_else(|e| {
            tracing::warn!(error = %e, "the operator setting could not be read");
            Operator::default()
        });
        Ok(Locale {
            t: Tr::with_operator(lang, operator),
            here,
        })
    }
}

/// `/` and other language-less public paths: to the reader's language, by `Accept-Language`.
pub async fn choose_language(headers: HeaderMap, uri: axum::http::Uri) -> Response {
    let lang = Lang::negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let rest = if uri.path() == "/" { "/" } else { uri.path() };
    Redirect::to(&format!("/{}{rest}", lang.code())).into_response()
}

/// One helpline, as a page lists it.
pub struct HelplineView {
    pub name: String,
    pub number: String,
    pub tel: String,
    pub when: String,
}

/// A nation's helplines with their heading, in the reader's language.
pub struct Helplines {
    pub heading: String,
    pub lines: Vec<HelplineView>,
}

pub fn helplines(t: &Tr, nation: Nation, child: bool) -> Helplines {
    Helplines {
        heading: t.arg(
            "helplines-heading",
            "nation",
            &t.get(&format!("nation-{nation}")),
        ),
        lines: jurisdiction(nation)
            .helplines_for(child)
            .map(|h| HelplineView {
                name: t.get(&format!("helpline-{}", h.id)),
                number: h.number.clone(),
                tel: h.number.chars().filter(|c| !c.is_whitespace()).collect(),
                when: t.get(&format!("helpline-{}-when", h.id)),
            })
            .collect(),
    }
}

/// Radio or checkbox choices over vocabulary ids, labelled from the locale (`PREFIX-ID`).
pub fn localized_choices<T: Copy + PartialEq>(
    t: &Tr,
    prefix: &str,
    all: &[T],
    id: impl Fn(T) -> &'static str,
    selected: &[T],
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            id: id(*v),
            label: t.get(&format!("{prefix}-{}", id(*v))),
            checked: selected.contains(v),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "public/home.html")]
struct Home {
    t: Tr,
    here: String,
}

pub async fn home(Locale { t, here }: Locale) -> Result<Response, WebError> {
    render(&Home { t, here })
}

/// `/en` → `/en/`.
pub async fn home_without_slash(Locale { t, .. }: Locale) -> Response {
    Redirect::to(&format!("/{}/", t.code())).into_response()
}

#[derive(Template)]
#[template(path = "public/rights.html")]
struct Rights {
    t: Tr,
    here: String,
}

pub async fn rights(Locale { t, here }: Locale) -> Result<Response, WebError> {
    render(&Rights { t, here })
}

#[derive(Template)]
#[template(path = "public/privacy.html")]
struct Privacy {
    t: Tr,
    here: String,
    /// The operator's name and contact, when both are set.
    operator: Option<(String, String)>,
    /// Each support organisation, and how long it keeps a closed case, in words.
    retention: Vec<(String, String)>,
}

/// How long a closed case is kept, in the reader's words: whole years or months when it is.
fn kept_for(t: &Tr, days: i32) -> String {
    let n = |v: i32| usize::try_from(v).unwrap_or(0);
    match days {
        365 => t.get("privacy-keep-one-year"),
        d if d % 365 == 0 => t.num("privacy-keep-years", "n", n(d / 365)),
        d if d % 30 == 0 => t.num("privacy-keep-months", "n", n(d / 30)),
        d => t.num("privacy-keep-days", "n", n(d)),
    }
}

/// `/{lang}/privacy`: who runs the service, what is kept, who sees it, for how long, how to delete it —
/// generated from the deployment's settings.
pub async fn privacy(
    axum::extract::State(app): axum::extract::State<App>,
    Locale { t, here }: Locale,
) -> Result<Response, WebError> {
    let facts = app.privacy_facts().await?;
    let retention = facts
        .retention
        .into_iter()
        .map(|(name, days)| (name, kept_for(&t, days)))
        .collect();
    render(&Privacy {
        operator: facts.operator.name.zip(facts.operator.contact),
        retention,
        t,
        here,
    })
}

#[derive(Template)]
#[template(path = "public/support.html")]
struct Support {
    t: Tr,
    here: String,
    nations: Vec<Helplines>,
}

pub async fn support(Locale { t, here }: Locale) -> Result<Response, WebError> {
    let nations = Nation::ALL
        .iter()
        .map(|n| helplines(&t, *n, false))
        .collect();
    render(&Support { t, here, nations })
}

#[derive(Template)]
#[template(path = "public/screening.html")]
struct ScreeningPage {
    t: Tr,
    here: String,
    errors: Vec<(&'static str, String)>,
    danger: Option<bool>,
    ages: Vec<Choice>,
    indicators: Vec<Choice>,
    nations: Vec<Choice>,
}

fn screening_page(
    Locale { t, here }: Locale,
    errors: Vec<(&'static str, String)>,
    danger: Option<bool>,
    age: Option<AgeBand>,
    indicators: &[Indicator],
    nation: Option<Nation>,
) -> Result<Response, WebError> {
    render(&ScreeningPage {
        errors,
        danger,
        ages: localized_choices(
            &t,
            "age",
            AgeBand::ALL,
            AgeBand::as_str,
            &age.into_iter().collect::<Vec<_>>(),
        ),
        indicators: localized_choices(
            &t,
            "indicator",
            Indicator::ALL,
            Indicator::as_str,
            indicators,
        ),
        nations: localized_choices(
            &t,
            "nation",
            Nation::ALL,
            Nation::as_str,
            &nation.into_iter().collect::<Vec<_>>(),
        ),
        t,
        here,
    })
}

pub async fn screening_form(locale: Locale) -> Result<Response, WebError> {
    screening_page(locale, vec![], None, None, &[], None)
}

#[derive(Deserialize)]
pub struct ScreeningForm {
    immediate_danger: Option<String>,
    age: Option<String>,
    #[serde(default)]
    indicators: Vec<String>,
    nation: Option<String>,
}

#[derive(Template)]
#[template(path = "public/outcome.html")]
struct Outcome {
    t: Tr,
    here: String,
    outcome: &'static str,
    title: String,
    steps: Vec<String>,
    refer: bool,
    nation: &'static str,
    age: &'static str,
    refer_link: String,
    /// The nation's training module on the signs, for the helper who screened.
    learn_link: Option<String>,
    helplines: Helplines,
}

pub async fn screening_result(
    locale: Locale,
    Form(form): Form<ScreeningForm>,
) -> Result<Response, WebError> {
    let t = locale.t.clone();
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
        errors.push(("immediate_danger", t.get("screening-error-danger")));
    }
    if age.is_none() {
        errors.push(("age", t.get("screening-error-age")));
    }
    if nation.is_none() {
        errors.push(("nation", t.get("screening-error-nation")));
    }
    let (Some(immediate_danger), Some(age), Some(nation)) = (danger, age, nation) else {
        return screening_page(locale, errors, danger, age, &indicators, nation);
    };
    let input = ScreeningInput {
        age,
        immediate_danger,
        indicators: indicators.iter().copied().collect(),
        nation,
    };
    let outcome = screen(&input);
    let key = outcome.as_str();
    let steps_count = if outcome == ScreeningOutcome::ChildSafeguarding {
        4
    } else {
        3
    };
    let children_services = t.get(&format!("children-services-{nation}"));
    let steps = (1..=steps_count)
        .map(|i| {
            t.arg(
                &format!("outcome-{key}-{i}"),
                "children_services",
                &children_services,
            )
        })
        .collect();
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
        outcome: key,
        title: t.get(&format!("outcome-{key}-title")),
        steps,
        refer: matches!(
            outcome,
            ScreeningOutcome::PossibleTrafficking | ScreeningOutcome::ChildSafeguarding
        ),
        nation: nation.as_str(),
        age: age.as_str(),
        refer_link,
        learn_link: waymark_domain::training::course_for(nation).and_then(|c| {
            c.signs_module()
                .map(|m| format!("/training/{}/{}", c.id, m.id))
        }),
        helplines: helplines(&t, nation, age.treated_as_child()),
        t,
        here: locale.here,
    })
}
