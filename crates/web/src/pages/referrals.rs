//! The helper's referral: choose an organisation (its data policy shown), record the person and their
//! consent (or, for a child, the children's services told), send. Errors keep everything entered.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;
use waymark_app::{App, AppError};
use waymark_domain::area::{Area, area_name};
use waymark_domain::referral::{ReferralDraft, ReferralError, ReferralField};
use waymark_domain::{AgeBand, FirstContact, Indicator, Nation, Need, OrgId};

use super::self_referral::ShownPolicy;
use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::i18n::{Lang, Tr};
use crate::views::{self, AreaField, Choice, choices};

/// The area's `<select>`, in the form that finds organisations (the area decides which fit).
const AREA_FIELD: &str = "find-area";

/// Everything the form carries, as entered.
#[derive(Deserialize, Default)]
pub struct ReferralForm {
    #[serde(default)]
    csrf: String,
    nation: Option<String>,
    #[serde(default)]
    area: String,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    indicators: Vec<String>,
    age: Option<String>,
    to_organisation: Option<String>,
    #[serde(default)]
    name: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    language: String,
    first_contact: Option<String>,
    consent_given: Option<String>,
    #[serde(default)]
    children_services_notified: String,
}

pub struct OrgOption {
    id: String,
    name: String,
    place: String,
    needs_met: usize,
    policy: ShownPolicy,
    checked: bool,
}

#[derive(Template)]
#[template(path = "referral_form.html")]
struct ReferralPage {
    nav: Nav,
    errors: Vec<(&'static str, String)>,
    nations: Vec<Choice>,
    needs: Vec<Choice>,
    indicators: Vec<Choice>,
    ages: Vec<Choice>,
    first_contacts: Vec<Choice>,
    orgs: Vec<OrgOption>,
    nation: String,
    area: String,
    area_field: AreaField,
    age: String,
    name: String,
    contact: String,
    language: String,
    consent_given: bool,
    children_services: String,
    limits: Limits,
}

/// The longest text each field takes, said in its hint before typing.
struct Limits {
    name: usize,
    contact: usize,
    language: usize,
    children_services: usize,
}

impl ReferralPage {
    fn error(&self, id: &str) -> Option<&str> {
        views::field_error(&self.errors, id)
    }
}

/// The form's fields, top to bottom: the error summary lists its problems in this order.
const FORM_ORDER: &[&str] = &[
    AREA_FIELD,
    "to_organisation",
    "name",
    "contact",
    "language",
    "age",
    "first_contact",
    "consent_given",
    "children_services_notified",
];

fn parsed<T>(
    values: &[String],
    parse: impl Fn(&str) -> Result<T, waymark_domain::UnknownId>,
) -> Vec<T> {
    values.iter().filter_map(|v| parse(v).ok()).collect()
}

async fn form_page(
    app: &App,
    session: &Signed,
    form: &ReferralForm,
    mut errors: Vec<(&'static str, String)>,
) -> Result<Response, WebError> {
    let nation = form
        .nation
        .as_deref()
        .and_then(|n| Nation::parse(n).ok())
        .unwrap_or(Nation::EnglandWales);
    let needs: Vec<Need> = parsed(&form.needs, Need::parse);
    let indicators: Vec<Indicator> = parsed(&form.indicators, Indicator::parse);
    let age = form.age.as_deref().and_then(|a| AgeBand::parse(a).ok());
    let first = form
        .first_contact
        .as_deref()
        .and_then(|f| FirstContact::parse(f).ok());
    // An area of another nation is refused next to the field as soon as it is chosen, before any
    // organisation is suggested for it.
    let area = match Area::parse_in(Some(&form.area), nation) {
        Ok(area) => area,
        Err(problem) => {
            if !errors.iter().any(|(f, _)| *f == AREA_FIELD) {
                errors.push((AREA_FIELD, problem));
            }
            None
        }
    };
    let area_field = AreaField::new(AREA_FIELD, Nation::ALL, &form.area)
        .labelled(
            "Local council area (optional)",
            "The council area the person is in, in the part of the UK chosen above. Choose “Not recorded” if you do not know it.",
            "Not recorded",
        )
        .with_error(&errors);
    let suggestions = app.suggest_support(nation, area, needs.clone()).await?;
    // The helper's pages are in English: each organisation's English text, or Waymark's default.
    let english = Tr::new(Lang::ENGLISH);
    let ids = suggestions.iter().map(|s| s.org.id.clone()).collect();
    let policies = app.policies_for(ids, english.lang.code()).await?;
    let orgs = suggestions
        .into_iter()
        .zip(policies)
        .map(|(s, policy)| OrgOption {
            checked: form.to_organisation.as_deref() == Some(s.org.id.as_str()),
            id: s.org.id.to_string(),
            place: match (s.org.area.as_deref().map(area_name), s.org.nation) {
                (Some(a), Some(n)) => format!("{a}, {}", views::nation(n)),
                (None, Some(n)) => views::nation(n).to_owned(),
                (Some(a), None) => a,
                (None, None) => "UK".to_owned(),
            },
            policy: ShownPolicy::new(policy, &english, &s.org.name),
            name: s.org.name,
            needs_met: s.needs_met,
        })
        .collect();
    let page = ReferralPage {
        nav: Nav::for_session(Some(&session.0)),
        errors,
        nations: choices(Nation::ALL, Nation::as_str, views::nation, &[nation]),
        needs: choices(Need::ALL, Need::as_str, views::need, &needs),
        indicators: choices(
            Indicator::ALL,
            Indicator::as_str,
            views::indicator,
            &indicators,
        ),
        ages: choices(
            AgeBand::ALL,
            AgeBand::as_str,
            views::age,
            &age.into_iter().collect::<Vec<_>>(),
        ),
        first_contacts: choices(
            FirstContact::ALL,
            FirstContact::as_str,
            views::first_contact,
            &[first.unwrap_or(FirstContact::FaithGroup)],
        ),
        orgs,
        nation: nation.as_str().to_owned(),
        // As chosen, even when refused: the send is then refused too, rather than the area dropped.
        area: form.area.trim().to_owned(),
        area_field,
        age: age.map(|a| a.as_str().to_owned()).unwrap_or_default(),
        name: form.name.clone(),
        contact: form.contact.clone(),
        language: form.language.clone(),
        consent_given: form.consent_given.is_some(),
        children_services: form.children_services_notified.clone(),
        limits: Limits {
            name: ReferralField::Name.max(),
            contact: ReferralField::Contact.max(),
            language: ReferralField::Language.max(),
            children_services: ReferralField::ChildrenServices.max(),
        },
    };
    render(&page)
}

pub async fn new_form(
    State(app): State<App>,
    session: Signed,
    Query(query): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    if !waymark_domain::allows(
        session.account().role,
        session.account().org_kind,
        waymark_domain::Permission::SubmitReferral,
    ) {
        return Err(AppError::Forbidden.into());
    }
    // Repeated keys (needs, indicators) come as pairs.
    let mut form = ReferralForm::default();
    for (k, v) in query {
        match k.as_str() {
            "nation" => form.nation = Some(v),
            "area" => form.area = v,
            "age" => form.age = Some(v),
            "needs" => form.needs.push(v),
            "indicators" => form.indicators.push(v),
            _ => {}
        }
    }
    form_page(&app, &session, &form, vec![]).await
}

/// Which field a rule's refusal belongs to, for the error summary's link.
fn field_of(e: &ReferralError) -> &'static str {
    match e {
        ReferralError::ConsentRequired => "consent_given",
        ReferralError::ChildrenServicesRequired => "children_services_notified",
        ReferralError::Missing(f) | ReferralError::Unstorable(f) => field_id(*f),
        ReferralError::TooLong { field, .. } => field_id(*field),
        ReferralError::Area(_) => AREA_FIELD,
        ReferralError::Field { .. } => "children_services_notified",
    }
}

fn field_id(f: ReferralField) -> &'static str {
    match f {
        ReferralField::Name => "name",
        ReferralField::Contact => "contact",
        ReferralField::Language => "language",
        ReferralField::ChildrenServices => "children_services_notified",
    }
}

fn unprocessable(page: Response) -> Response {
    (axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

fn sentence(s: String) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub async fn submit(
    State(app): State<App>,
    session: Signed,
    Form(form): Form<ReferralForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let to = form
        .to_organisation
        .as_deref()
        .and_then(|o| OrgId::parse(o).ok());
    if to.is_none() {
        errors.push(("to_organisation", "Choose the support organisation".into()));
    }
    let age = form.age.as_deref().and_then(|a| AgeBand::parse(a).ok());
    if age.is_none() {
        errors.push(("age", "Choose the person's age, or “Not sure”".into()));
    }
    let nation = form.nation.as_deref().and_then(|n| Nation::parse(n).ok());
    let first_contact = form
        .first_contact
        .as_deref()
        .and_then(|f| FirstContact::parse(f).ok());
    if nation.is_none() || first_contact.is_none() {
        errors.push(("first_contact", "Choose who they first turned to".into()));
    }
    let draft = ReferralDraft {
        name: form.name.clone(),
        contact: form.contact.clone(),
        language: form.language.clone(),
        // With no age chosen, the basis asked for is an adult's consent, unless children's services were
        // named; choosing the age may then ask for the other.
        age: age.unwrap_or(if form.children_services_notified.trim().is_empty() {
            AgeBand::Adult
        } else {
            AgeBand::Unsure
        }),
        nation: nation.unwrap_or(Nation::EnglandWales),
        area: Some(form.area.clone()),
        needs: parsed(&form.needs, Need::parse).into_iter().collect(),
        indicators: parsed(&form.indicators, Indicator::parse)
            .into_iter()
            .collect(),
        first_contact: first_contact.unwrap_or(FirstContact::FaithGroup),
        consent_given: form.consent_given.is_some(),
        children_services_notified: Some(form.children_services_notified.clone()),
    };
    // Every problem at once, in the order of the form.
    errors.extend(
        draft
            .problems()
            .iter()
            .map(|e| (field_of(e), sentence(e.to_string()))),
    );
    let (Some(to), true) = (to, errors.is_empty()) else {
        errors.sort_by_key(|(f, _)| FORM_ORDER.iter().position(|o| o == f));
        return Ok(unprocessable(
            form_page(&app, &session, &form, errors).await?,
        ));
    };
    match app.submit_referral(session.account(), &to, draft).await {
        Ok(_) => Ok(Redirect::to("/referrals/sent?sent=1").into_response()),
        Err(AppError::Referral(e)) => {
            errors.push((field_of(&e), sentence(e.to_string())));
            Ok(unprocessable(
                form_page(&app, &session, &form, errors).await?,
            ))
        }
        Err(AppError::Invalid(m)) => {
            errors.push(("to_organisation", sentence(m)));
            Ok(unprocessable(
                form_page(&app, &session, &form, errors).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub struct SentRow {
    reference: String,
    sent: String,
    to: String,
    status: &'static str,
    reason: Option<String>,
}

#[derive(Template)]
#[template(path = "sent.html")]
struct Sent {
    nav: Nav,
    just_sent: bool,
    items: Vec<SentRow>,
}

#[derive(Deserialize)]
pub struct SentQuery {
    sent: Option<String>,
}

pub async fn sent(
    State(app): State<App>,
    session: Signed,
    Query(q): Query<SentQuery>,
) -> Result<Response, WebError> {
    let items = app
        .sent_referrals(session.account())
        .await?
        .into_iter()
        .map(|r| SentRow {
            reference: r
                .id
                .as_str()
                .chars()
                .rev()
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect(),
            sent: views::date(r.sent_at),
            to: r.to_organisation,
            status: {
                use waymark_domain::referral::ReferralStatus::*;
                match r.status {
                    Sent => "Waiting for an answer",
                    Accepted => "Accepted",
                    Withdrawn => "Withdrawn: the consent was withdrawn",
                    Declined => "Declined",
                }
            },
            reason: r.decline_reason,
        })
        .collect();
    render(&Sent {
        nav: Nav::for_session(Some(&session.0)),
        just_sent: q.sent.is_some(),
        items,
    })
}
