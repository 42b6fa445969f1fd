//! A survivor asks for help themselves: one question a page, no account, no cookie, nothing required
//! but what the support organisation needs to act.
//!
//! Each answer is sent once: the server keeps the answers so far in a short-lived draft
//! ([`waymark_app::App::save_help_draft`]) under a handle the pages carry, and answers every accepted page
//! with a redirect to the next question's GET page (POST → 303 → GET), so Back and Forward move through
//! the questions without "Confirm Form Resubmission" and never send a request or show a codename again.
//! The codename is shown from the draft, not carried in forms, and the draft is gone once the person
//! shows they kept it, or leaves with "Exit this page" (which on these pages goes through
//! `/{lang}/help/exit` to forget it).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::{Deserialize, Serialize};
use waymark_app::{App, AppError, OpenedDraft, PolicyText};
use waymark_domain::area::{Area, area_name};
use waymark_domain::self_referral::{
    CONTACT_MAX_CHARS, LANGUAGE_MAX_CHARS, MESSAGE_MAX_CHARS, NAME_MAX_CHARS, SelfReferralDraft,
    SelfReferralError, Urgency,
};
use waymark_domain::{AgeBand, Nation, Need, OrgId};

use super::public::{Helplines, Locale, helplines, localized_choices};
use super::render;
use crate::error::WebError;
use crate::i18n::{Lang, Tr};
use crate::views::{AreaField, Choice};

/// How many questions the request has.
const STEPS: u8 = 8;

#[derive(Template)]
#[template(path = "public/help_intro.html")]
struct Intro {
    t: Tr,
    here: String,
    nation: Option<String>,
    age: Option<String>,
}

#[derive(Deserialize)]
pub struct IntroQuery {
    nation: Option<String>,
    age: Option<String>,
}

/// The start: what will happen, and that nothing goes to the police or immigration.
pub async fn intro(
    Locale { t, here }: Locale,
    Query(q): Query<IntroQuery>,
) -> Result<Response, WebError> {
    // Only carry known ids forward from the screening.
    let nation = q.nation.filter(|n| Nation::parse(n).is_ok());
    let age = q.age.filter(|a| AgeBand::parse(a).is_ok());
    render(&Intro {
        t,
        here,
        nation,
        age,
    })
}

/// Every answer so far, as the form carries it and the draft keeps it.
#[derive(Deserialize, Serialize, Default, Clone)]
pub struct Answers {
    /// The draft's handle (not kept in the draft itself).
    #[serde(default, skip_serializing)]
    d: String,
    #[serde(default)]
    step: u8,
    #[serde(default)]
    go: String,
    nation: Option<String>,
    #[serde(default)]
    area: String,
    age: Option<String>,
    #[serde(default)]
    needs: Vec<String>,
    urgency: Option<String>,
    #[serde(default)]
    language: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    message: String,
    to_organisation: Option<String>,
    consent_given: Option<String>,
}

impl Answers {
    fn nation(&self) -> Option<Nation> {
        self.nation.as_deref().and_then(|n| Nation::parse(n).ok())
    }
    fn age(&self) -> Option<AgeBand> {
        self.age.as_deref().and_then(|a| AgeBand::parse(a).ok())
    }
    fn needs(&self) -> Vec<Need> {
        self.needs
            .iter()
            .filter_map(|n| Need::parse(n).ok())
            .collect()
    }
    /// The area chosen, if any. `Err` when it is not an area of the nation chosen (only a hand-made
    /// request can send one: the page lists that nation's areas alone).
    fn area(&self) -> Result<Option<Area>, String> {
        Area::parse_in(
            Some(&self.area),
            self.nation().unwrap_or(Nation::EnglandWales),
        )
    }
    fn urgency(&self) -> Option<Urgency> {
        self.urgency.as_deref().and_then(|u| Urgency::parse(u).ok())
    }

    /// The answers that are not on page `step`, as hidden fields.
    fn hidden(&self, step: u8) -> Vec<(&'static str, String)> {
        let mut h = Vec::new();
        let mut one = |on: u8, name: &'static str, value: &str| {
            if on != step && !value.is_empty() {
                h.push((name, value.to_owned()));
            }
        };
        one(1, "nation", self.nation.as_deref().unwrap_or(""));
        one(2, "area", &self.area);
        one(3, "age", self.age.as_deref().unwrap_or(""));
        one(5, "urgency", self.urgency.as_deref().unwrap_or(""));
        one(6, "language", &self.language);
        one(7, "name", &self.name);
        one(7, "contact", &self.contact);
        one(7, "message", &self.message);
        if step != 4 {
            for n in &self.needs {
                h.push(("needs", n.clone()));
            }
        }
        h
    }

    /// What is wrong with the answers on page `step`, in the reader's language: every problem of the
    /// page at once, each with its field. Every limit is checked on the page where it is typed, so the
    /// last page never refuses something the person cannot see.
    fn problems(&self, t: &Tr, step: u8) -> Vec<(&'static str, String)> {
        let required = |field: &'static str| vec![(field, t.get("help-required"))];
        let too_long = |field: &'static str, value: &str, max: usize| {
            let count = value.trim().chars().count();
            (count > max).then(|| {
                (
                    field,
                    t.args(
                        "help-too-long",
                        &[("count", &count.to_string()), ("max", &max.to_string())],
                    ),
                )
            })
        };
        match step {
            1 if self.nation().is_none() => required("nation"),
            2 if self.area().is_err() => vec![("area", t.get("help-area-error"))],
            3 if self.age().is_none() => required("age"),
            4 if self.needs().is_empty() => vec![("needs", t.get("help-needs-error"))],
            5 if self.urgency().is_none() => required("urgency"),
            6 if self.language.trim().is_empty() => required("language"),
            6 => too_long("language", &self.language, LANGUAGE_MAX_CHARS)
                .into_iter()
                .collect(),
            7 => [
                too_long("name", &self.name, NAME_MAX_CHARS),
                too_long("contact", &self.contact, CONTACT_MAX_CHARS),
                too_long("message", &self.message, MESSAGE_MAX_CHARS),
            ]
            .into_iter()
            .flatten()
            .collect(),
            8 => {
                let mut p = Vec::new();
                if self
                    .to_organisation
                    .as_deref()
                    .and_then(|o| OrgId::parse(o).ok())
                    .is_none()
                {
                    p.push(("to_organisation", t.get("help-org-error")));
                }
                if self.consent_given.is_none() {
                    p.push(("consent_given", t.get("help-consent-error")));
                }
                p
            }
            _ => Vec::new(),
        }
    }

    /// The first page with a problem, and its problems: where to send someone whose request was refused.
    fn first_problem(&self, t: &Tr) -> Option<(u8, Vec<(&'static str, String)>)> {
        (1..=STEPS).find_map(|step| {
            let p = self.problems(t, step);
            (!p.is_empty()).then_some((step, p))
        })
    }
}

pub struct OrgChoice {
    id: String,
    name: String,
    place: String,
    policy_heading: String,
    policy: ShownPolicy,
    checked: bool,
}

/// An organisation's data-sharing policy as a page shows it: the text, the language it is in, and —
/// when the organisation has not given it in the page's language — the note that says so.
pub struct ShownPolicy {
    pub text: String,
    /// The text's language, for its `lang` attribute.
    pub lang: &'static str,
    /// `ltr` when the text is English on a right-to-left page.
    pub dir: Option<&'static str>,
    /// In the page's language: not given in it, shown in English, ask before agreeing.
    pub note: Option<String>,
}

impl ShownPolicy {
    /// What a reader of `t`'s language is shown of `org_name`'s policy.
    pub fn new(policy: PolicyText, t: &Tr, org_name: &str) -> ShownPolicy {
        let own = |text| ShownPolicy {
            text,
            lang: t.lang.code(),
            dir: None,
            note: None,
        };
        match policy {
            PolicyText::Own(text) => own(text),
            PolicyText::Default => own(t.get("policy-default")),
            PolicyText::NotTranslated(text) => ShownPolicy {
                text,
                lang: Lang::ENGLISH.code(),
                dir: (t.lang.dir() != Lang::ENGLISH.dir()).then_some(Lang::ENGLISH.dir()),
                note: Some(t.arg("help-policy-untranslated", "org", org_name)),
            },
        }
    }
}

/// The text of `org`'s policy that a reader of `t`'s language is shown, as the consent records it
/// (`None` for an organisation that is not there: sending then says which page to fix).
async fn shown_policy(app: &App, t: &Tr, org: &OrgId) -> Option<String> {
    let policy = app.policy_for(org, t.lang.code()).await.ok()?;
    Some(ShownPolicy::new(policy, t, "").text)
}

#[derive(Template)]
#[template(path = "public/help_step.html")]
struct Step {
    t: Tr,
    here: String,
    step: u8,
    progress: String,
    question: String,
    errors: Vec<(&'static str, String)>,
    hidden: Vec<(&'static str, String)>,
    choices: Vec<Choice>,
    orgs: Vec<OrgChoice>,
    child: bool,
    /// The areas of the nation chosen, on the area's page.
    area_field: AreaField,
    a: AnswersView,
    /// The draft's handle, for the form and for "Exit this page".
    handle: String,
    /// Who to call, with 999, for the nation chosen (England and Wales until one is).
    helplines: Helplines,
}

/// The answers a page shows back in its own fields.
pub struct AnswersView {
    language: String,
    name: String,
    contact: String,
    message: String,
    consent_given: bool,
}

async fn step_page(
    app: &App,
    t: Tr,
    here: String,
    a: &Answers,
    step: u8,
    errors: Vec<(&'static str, String)>,
) -> Result<Response, WebError> {
    let question = t.get(match step {
        1 => "help-nation",
        2 => "help-area",
        3 => "help-age",
        4 => "help-needs",
        5 => "help-urgency",
        6 => "help-language",
        7 => "help-about",
        _ => "help-org",
    });
    let choices = match step {
        1 => localized_choices(
            &t,
            "nation",
            Nation::ALL,
            Nation::as_str,
            &a.nation().into_iter().collect::<Vec<_>>(),
        ),
        3 => {
            let mut c = localized_choices(
                &t,
                "age",
                AgeBand::ALL,
                AgeBand::as_str,
                &a.age().into_iter().collect::<Vec<_>>(),
            );
            if let Some(unsure) = c.iter_mut().find(|c| c.id == AgeBand::Unsure.as_str()) {
                unsure.label = t.get("help-age-unsure");
            }
            c
        }
        4 => localized_choices(&t, "need", Need::ALL, Need::as_str, &a.needs()),
        5 => localized_choices(
            &t,
            "urgency",
            Urgency::ALL,
            Urgency::as_str,
            &a.urgency().into_iter().collect::<Vec<_>>(),
        ),
        _ => vec![],
    };
    let orgs = if step == STEPS {
        let nation = a.nation().unwrap_or(Nation::EnglandWales);
        let suggestions = app
            .suggest_support(nation, a.area().ok().flatten(), a.needs())
            .await?;
        let ids = suggestions.iter().map(|s| s.org.id.clone()).collect();
        let policies = app.policies_for(ids, t.lang.code()).await?;
        suggestions
            .into_iter()
            .zip(policies)
            .map(|(s, policy)| OrgChoice {
                checked: a.to_organisation.as_deref() == Some(s.org.id.as_str()),
                id: s.org.id.to_string(),
                place: [
                    s.org.area.as_deref().map(area_name),
                    s.org.nation.map(|n| t.get(&format!("nation-{n}"))),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
                policy_heading: t.arg("help-org-policy", "org", &s.org.name),
                policy: ShownPolicy::new(policy, &t, &s.org.name),
                name: s.org.name,
            })
            .collect()
    } else {
        vec![]
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(&Step {
        progress: t.args(
            "help-progress",
            &[("step", &step.to_string()), ("total", &STEPS.to_string())],
        ),
        question,
        errors,
        hidden: a.hidden(step),
        choices,
        orgs,
        child: a.age().is_some_and(AgeBand::treated_as_child),
        area_field: match (step, a.nation()) {
            (2, Some(nation)) => AreaField::new("area", &[nation], &a.area).labelled(
                "",
                "",
                &t.get("help-area-unsure"),
            ),
            _ => AreaField::new("area", &[], ""),
        },
        handle: a.d.clone(),
        helplines: helplines(
            &t,
            a.nation().unwrap_or(Nation::EnglandWales),
            a.age().is_some_and(AgeBand::treated_as_child),
        ),
        a: AnswersView {
            language: a.language.clone(),
            name: a.name.clone(),
            contact: a.contact.clone(),
            message: a.message.clone(),
            consent_given: a.consent_given.is_some(),
        },
        step,
        t,
        here,
    })?;
    Ok((status, page).into_response())
}

/// Where the question `step` of the draft under `handle` is shown (a GET page: Back and Forward come
/// back to it without sending anything).
fn to_question(t: &Tr, handle: &str, step: u8) -> Response {
    Redirect::to(&format!("/{}/help/question?d={handle}&n={step}", t.code())).into_response()
}

/// Keeps the answers so far; gives the draft's handle.
async fn save(app: &App, a: &Answers) -> Result<String, WebError> {
    let answers = serde_json::to_string(a).map_err(|e| {
        WebError::from(AppError::Invalid(format!(
            "the answers could not be kept: {e}"
        )))
    })?;
    Ok(app
        .save_help_draft(Some(a.d.as_str()).filter(|d| !d.is_empty()), &answers)
        .await?)
}

/// One step of the request: check this page's answer and keep it, then go to the next (or the previous)
/// question, or — after the last — send the request and show the codename. A page with a problem is
/// shown again at once (422), with every problem of the page.
pub async fn step(
    State(app): State<App>,
    Locale { t, here }: Locale,
    Form(a): Form<Answers>,
) -> Result<Response, WebError> {
    let current = a.step.min(STEPS);
    if a.go == "back" {
        let handle = save(&app, &a).await?;
        return Ok(to_question(&t, &handle, current.saturating_sub(1).max(1)));
    }
    if current > 0 {
        let problems = a.problems(&t, current);
        if !problems.is_empty() {
            return step_page(&app, t, here, &a, current, problems).await;
        }
    }
    if current < STEPS {
        let handle = save(&app, &a).await?;
        return Ok(to_question(&t, &handle, current + 1));
    }
    // Every page checked: send it.
    let (Some(nation), Some(age), Some(urgency), Some(to)) = (
        a.nation(),
        a.age(),
        a.urgency(),
        a.to_organisation
            .as_deref()
            .and_then(|o| OrgId::parse(o).ok()),
    ) else {
        // Only a hand-made request gets here: back to the first page with something missing.
        let (step, errors) = a
            .first_problem(&t)
            .unwrap_or((1, vec![("nation", t.get("help-required"))]));
        return step_page(&app, t, here, &a, step, errors).await;
    };
    let draft = SelfReferralDraft {
        nation,
        area: Some(a.area.clone()),
        age,
        needs: a.needs().into_iter().collect(),
        urgency,
        language: a.language.clone(),
        name: Some(a.name.clone()).filter(|s| !s.trim().is_empty()),
        contact: Some(a.contact.clone()).filter(|s| !s.trim().is_empty()),
        message: Some(a.message.clone()).filter(|s| !s.trim().is_empty()),
        consent_given: a.consent_given.is_some(),
    };
    match app
        .submit_self_referral_having_read(
            draft,
            &to,
            t.lang.codename_form(),
            shown_policy(&app, &t, &to).await,
        )
        .await
    {
        Ok(sent) => {
            // The answers are forgotten; the codename is shown from the draft, once, by a GET page.
            let facts = Answers {
                nation: a.nation.clone(),
                age: a.age.clone(),
                urgency: a.urgency.clone(),
                ..Answers::default()
            };
            let facts = serde_json::to_string(&facts).unwrap_or_default();
            let handle = app
                .help_draft_sent(
                    Some(a.d.as_str()).filter(|d| !d.is_empty()),
                    &sent.codename,
                    &facts,
                )
                .await?;
            Ok(Redirect::to(&format!("/{}/help/codename?d={handle}", t.code())).into_response())
        }
        Err(AppError::SelfReferral(SelfReferralError::Area(_))) => {
            let error = ("area", t.get("help-area-error"));
            step_page(&app, t, here, &a, 2, vec![error]).await
        }
        Err(AppError::Invalid(_) | AppError::SelfReferral(_)) => {
            // Name the page and the field that are wrong; an organisation that no longer takes
            // requests is the last page's.
            let (step, errors) = a
                .first_problem(&t)
                .unwrap_or((STEPS, vec![("to_organisation", t.get("help-org-error"))]));
            step_page(&app, t, here, &a, step, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Which draft, and which of its questions.
#[derive(Deserialize)]
pub struct DraftQuery {
    #[serde(default)]
    d: String,
    #[serde(default)]
    n: u8,
}

/// The page for a draft that is no longer there: sent and kept, left with "Exit this page", or older than
/// an hour. Nothing of it is shown.
fn expired(t: Tr, here: String) -> Result<Response, WebError> {
    let page = render(&Message {
        title: t.get("help-expired-title"),
        body: t.get("help-expired-body"),
        next_link: format!("/{}/help", t.code()),
        next_label: t.get("help-start-again"),
        t,
        here,
    })?;
    Ok((StatusCode::GONE, page).into_response())
}

/// A question of the draft, with the answers given so far.
pub async fn question(
    State(app): State<App>,
    Locale { t, here }: Locale,
    Query(q): Query<DraftQuery>,
) -> Result<Response, WebError> {
    let draft = match app.help_draft(&q.d).await? {
        Some(OpenedDraft {
            codename: None,
            answers,
        }) => answers,
        // Sent already: its codename page, not its questions.
        Some(_) => {
            return Ok(
                Redirect::to(&format!("/{}/help/codename?d={}", t.code(), q.d)).into_response(),
            );
        }
        None => return expired(t, here),
    };
    let mut a: Answers = serde_json::from_str(&draft).unwrap_or_default();
    a.d = q.d;
    step_page(&app, t, here, &a, q.n.clamp(1, STEPS), vec![]).await
}

/// "Exit this page" on the questions' pages: the draft is forgotten, then the neutral page.
pub async fn exit(State(app): State<App>, Query(q): Query<DraftQuery>) -> Response {
    if !q.d.is_empty() {
        // Leaving must always work: a failure to forget is logged, not shown.
        if let Err(e) = app.discard_help_draft(&q.d).await {
            tracing::warn!(error = %e, "a help draft could not be forgotten on exit");
        }
    }
    Redirect::to(EXIT_TO).into_response()
}

/// Where "Exit this page" leads (the same as the link on every public page).
pub const EXIT_TO: &str = "https://www.bbc.co.uk/weather";

#[derive(Template)]
#[template(path = "public/codename.html")]
struct CodenamePage {
    t: Tr,
    here: String,
    /// English words (else groups of digits).
    in_words: bool,
    words: Vec<String>,
    /// The draft's handle (the codename itself is never in the form).
    handle: String,
    /// Someone may be in danger now (asked for help today, or may be a child): 999 first.
    danger_now: bool,
    helplines: Helplines,
    n: usize,
    check_label: String,
    errors: Vec<(&'static str, String)>,
}

/// The codename, shown this once, with the check that it was saved.
fn codename_page(
    t: Tr,
    here: String,
    handle: String,
    codename: &str,
    facts: &Answers,
    errors: Vec<(&'static str, String)>,
) -> Result<Response, WebError> {
    let words: Vec<String> = codename.split_whitespace().map(str::to_owned).collect();
    // Which word to ask for: any will do; vary it so people learn every word.
    let n = 1 + (codename.bytes().map(usize::from).sum::<usize>() % words.len().max(1));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = render(&CodenamePage {
        in_words: words
            .iter()
            .any(|w| w.chars().any(|ch| !ch.is_ascii_digit())),
        check_label: t.num("codename-check", "n", n),
        danger_now: facts.urgency() == Some(Urgency::Today)
            || facts.age().is_some_and(AgeBand::treated_as_child),
        helplines: helplines(
            &t,
            facts.nation().unwrap_or(Nation::EnglandWales),
            facts.age().is_some_and(AgeBand::treated_as_child),
        ),
        words,
        handle,
        n,
        errors,
        t,
        here,
    })?;
    Ok((status, page).into_response())
}

/// The codename of a sent request, from its draft: shown until the person shows they kept it.
pub async fn codename(
    State(app): State<App>,
    Locale { t, here }: Locale,
    Query(q): Query<DraftQuery>,
) -> Result<Response, WebError> {
    match app.help_draft(&q.d).await? {
        Some(OpenedDraft {
            codename: Some(c),
            answers,
        }) => {
            let facts: Answers = serde_json::from_str(&answers).unwrap_or_default();
            codename_page(t, here, q.d, c.expose(), &facts, vec![])
        }
        _ => expired(t, here),
    }
}

#[derive(Deserialize)]
pub struct Check {
    #[serde(default)]
    d: String,
    #[serde(default)]
    n: usize,
    #[serde(default)]
    word: String,
}

#[derive(Template)]
#[template(path = "public/message.html")]
struct Message {
    t: Tr,
    here: String,
    title: String,
    body: String,
    next_link: String,
    next_label: String,
}

/// The check that the codename was saved: the person types back one of its words. Right, the draft is
/// forgotten (Back shows nothing of it) and the person goes on to a GET page.
pub async fn check(
    State(app): State<App>,
    Locale { t, here }: Locale,
    Form(c): Form<Check>,
) -> Result<Response, WebError> {
    let Some(OpenedDraft {
        codename: Some(codename),
        answers,
    }) = app.help_draft(&c.d).await?
    else {
        return expired(t, here);
    };
    let facts: Answers = serde_json::from_str(&answers).unwrap_or_default();
    let expected = codename
        .expose()
        .split_whitespace()
        .nth(c.n.saturating_sub(1))
        .unwrap_or("");
    // Typed as the codename is: any case, and digits in any script (٤٨٢١ is 4821).
    let typed = waymark_app::Codename::parse(&c.word)
        .map(|w| w.expose().to_owned())
        .unwrap_or_default();
    if expected.is_empty() || !expected.eq_ignore_ascii_case(&typed) {
        let error = ("word", t.num("codename-check-error", "n", c.n));
        return codename_page(t, here, c.d, codename.expose(), &facts, vec![error]);
    }
    app.discard_help_draft(&c.d).await?;
    Ok(Redirect::to(&format!("/{}/help/saved", t.code())).into_response())
}

/// After the codename was kept: where to come back.
pub async fn saved(Locale { t, here }: Locale) -> Result<Response, WebError> {
    render(&Message {
        title: t.get("codename-saved-title"),
        body: t.get("codename-saved-body"),
        next_link: format!("/{}/replies", t.code()),
        next_label: t.get("nav-codename"),
        t,
        here,
    })
}
