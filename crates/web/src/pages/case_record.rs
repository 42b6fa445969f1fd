//! The case record's pages: the case, a small form page for each part of it, document upload and
//! download, break the glass, search, and "my work" at `/staff`. Every permission is decided by the use
//! case (the case policy in `domain`); a page only shows what it was given.

use std::collections::HashMap;

use askama::Template;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;
use time::Date;
use waymark_app::{
    App, AppError, CaseMatch, CaseSearch, CaseView, Download, NewHistory, NewPlanAction,
    StaffMember,
};
use waymark_domain::case::{CaseAccess, CaseAction};
use waymark_domain::case_record::{
    CaseError, DocumentError, DocumentKind, DueState, ExploitationPlace, MAX_DOCUMENT_BYTES,
    NeedUrgency, PersonDraft, RiskLevel,
};
use waymark_domain::ids::{DocumentId, PlanActionId};
use waymark_domain::{CaseId, ExploitationType, Need, Permission, UserId, allows};

use super::casework::{MessageRow, message_rows};
use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::routes::RouteTable;
use crate::views;

type Errors = Vec<(&'static str, String)>;

/// The case record's page routes (the case page itself and every form of it).
pub fn routes() -> RouteTable {
    RouteTable::new()
        .route("/cases/search", get(search_form).post(search))
        .route("/cases/{id}", get(page))
        .route("/cases/{id}/person", get(person_form).post(save_person))
        .route("/cases/{id}/needs", get(needs_form).post(save_needs))
        .route("/cases/{id}/plan", get(plan_form).post(add_plan_action))
        .route("/cases/{id}/plan/{action}/done", post(complete_plan_action))
        .route("/cases/{id}/notes", get(note_form).post(add_note))
        .route(
            "/cases/{id}/documents",
            get(document_form)
                .post(upload_document)
                .layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route("/cases/{id}/documents/{document}", get(download_document))
        .route("/cases/{id}/history", get(history_form).post(add_history))
        .route("/cases/{id}/risk", get(risk_form).post(record_risk))
        .route("/cases/{id}/assign", get(assign_form).post(assign))
        .route(
            "/cases/{id}/break-glass",
            get(break_glass_form).post(break_glass),
        )
}

pub(crate) fn case_id(id: &str) -> Result<CaseId, WebError> {
    CaseId::parse(id).map_err(|_| WebError::App(AppError::NotFound))
}

/// A form's own problems (shown in its error summary, with this status), or an error page.
fn form_problem(e: AppError, field: &'static str) -> Result<(StatusCode, Errors), WebError> {
    match e {
        AppError::Case(CaseError::Field { field, problem }) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![(field, problem.to_owned())],
        )),
        AppError::Document(d) => Ok((document_status(&d), vec![("file", d.to_string())])),
        AppError::Invalid(m) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![(field, sentence(&m))],
        )),
        other => Err(other.into()),
    }
}

pub(crate) fn document_status(e: &DocumentError) -> StatusCode {
    match e {
        DocumentError::Empty => StatusCode::UNPROCESSABLE_ENTITY,
        DocumentError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        DocumentError::UnsupportedType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
    }
}

fn sentence(m: &str) -> String {
    let mut c = m.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn with_status(status: StatusCode, page: Response) -> Response {
    (status, page).into_response()
}

pub fn day(d: Date) -> String {
    d.format(time::macros::format_description!(
        "[day padding:none] [month repr:short] [year]"
    ))
    .unwrap_or_default()
}

fn iso(d: Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

pub fn exploitation(t: ExploitationType) -> &'static str {
    match t {
        ExploitationType::Sexual => "Sexual exploitation",
        ExploitationType::Labour => "Labour exploitation",
        ExploitationType::DomesticServitude => "Domestic servitude",
        ExploitationType::Criminal => "Criminal exploitation",
        ExploitationType::OrganHarvesting => "Organ harvesting",
        ExploitationType::Unknown => "Not known",
    }
}

fn place(p: ExploitationPlace) -> &'static str {
    match p {
        ExploitationPlace::Uk => "In the UK",
        ExploitationPlace::Abroad => "Abroad",
    }
}

fn urgency(u: NeedUrgency) -> &'static str {
    match u {
        NeedUrgency::High => "High",
        NeedUrgency::Medium => "Medium",
        NeedUrgency::Low => "Low",
    }
}

fn risk(l: RiskLevel) -> &'static str {
    match l {
        RiskLevel::Low => "Low",
        RiskLevel::Medium => "Medium",
        RiskLevel::High => "High",
    }
}

fn kind(k: DocumentKind) -> &'static str {
    match k {
        DocumentKind::Pdf => "PDF",
        DocumentKind::Png => "PNG image",
        DocumentKind::Jpeg => "JPEG image",
        DocumentKind::Text => "Text",
    }
}

fn size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

fn status_words(s: &str) -> &'static str {
    match s {
        "open" => "Open",
        "closed" => "Closed",
        _ => "Other",
    }
}

fn due_words(d: DueState, on: Date) -> String {
    match d {
        DueState::Overdue => format!("Overdue (was due {})", day(on)),
        DueState::DueToday => "Due today".into(),
        DueState::Upcoming => format!("Due {}", day(on)),
    }
}

// ---- the case page ---------------------------------------------------------------------------------------

pub struct PersonRows {
    name: String,
    aliases: String,
    birth: String,
    nationality: String,
    languages: String,
    safe_contact: String,
    never_write_to: String,
}

pub struct ReferralFacts {
    age: &'static str,
    place: String,
    needs: String,
    indicators: Vec<&'static str>,
    first_contact: &'static str,
    from: String,
    basis: String,
    referral_id: String,
}

pub struct PlanRow {
    id: String,
    title: String,
    owner: String,
    due: String,
    overdue: bool,
    done: bool,
}

pub struct NoteRow {
    author: String,
    at: String,
    body: String,
}

pub struct DocumentRow {
    id: String,
    name: String,
    kind: &'static str,
    size: String,
    at: String,
    by: String,
}

pub struct HistoryRow {
    kind: &'static str,
    place: &'static str,
    when: String,
    note: Option<String>,
}

pub struct RiskRow {
    level: &'static str,
    reasons: String,
    by: String,
    at: String,
}

pub struct NeedRow {
    need: &'static str,
    urgency: &'static str,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    nav: Nav,
    id: String,
    reference: String,
    opened: String,
    status: &'static str,
    assigned: String,
    access_until: Option<String>,
    can_assign: bool,
    notice: Option<&'static str>,
    erased: bool,
    active_consents: usize,
    /// Closing, follow-ups, export and erasure (pages/closing.rs).
    closing: super::closing::ClosingSection,
    person: PersonRows,
    referral: ReferralFacts,
    needs: Vec<NeedRow>,
    needs_note: Option<String>,
    needs_assessed: Option<String>,
    plan: Vec<PlanRow>,
    notes: Vec<NoteRow>,
    documents: Vec<DocumentRow>,
    history: Vec<HistoryRow>,
    risk: Option<RiskRow>,
    earlier_risks: usize,
    self_referral: bool,
    messages: Vec<MessageRow>,
    replied: Option<&'static str>,
    reply_action: String,
}

fn person_rows(c: &CaseView) -> PersonRows {
    let p = c.person.clone().unwrap_or_default();
    let or_none = |s: &str| {
        if s.is_empty() {
            "Not recorded".to_owned()
        } else {
            s.to_owned()
        }
    };
    PersonRows {
        name: p.name.clone(),
        aliases: if p.aliases.is_empty() {
            "None recorded".into()
        } else {
            p.aliases.join(", ")
        },
        birth: match (p.date_of_birth, p.age) {
            _ if c.erased => waymark_app::ERASED.into(),
            (Some(d), _) => format!("Born {}", day(d)),
            (None, Some(a)) => format!("About {a} years old"),
            (None, None) => "Not recorded".into(),
        },
        nationality: or_none(&p.nationality),
        languages: or_none(&p.languages),
        safe_contact: or_none(&p.safe_contact),
        never_write_to: or_none(&p.never_write_to),
    }
}

fn referral_facts(c: &CaseView) -> ReferralFacts {
    let r = &c.referral;
    ReferralFacts {
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
            None if r.must_tell_childrens_services => {
                "Child safeguarding: the person asked for help themselves; you must tell children’s services".into()
            }
            Some(cs) => format!("Child safeguarding: {cs} notified"),
            None if r.consent_given => "The person consented to this referral".into(),
            None => "Not recorded".into(),
        },
        referral_id: r.id.to_string(),
    }
}

#[derive(Deserialize)]
pub struct CaseQuery {
    replied: Option<String>,
    saved: Option<String>,
}

fn saved_notice(what: Option<&str>) -> Option<&'static str> {
    Some(match what? {
        "person" => "The person's details were saved.",
        "needs" => "The needs assessment was saved.",
        "plan" => "The action was added to the plan.",
        "done" => "The action was marked done.",
        "note" => "The note was added.",
        "document" => "The document was uploaded. It is stored encrypted.",
        "history" => "The history was added.",
        "risk" => "The risk assessment was recorded.",
        "assigned" => "The case was assigned.",
        "closed" => "The case was closed. The follow-up check-ins are in the caseworker’s tasks.",
        "access" => {
            "You have access to this case for the next hour. Your reason is in the audit log."
        }
        _ => return None,
    })
}

pub async fn page(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Query(q): Query<CaseQuery>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    let c = app.case(session.account(), &id).await?;
    let messages = message_rows(app.case_messages(session.account(), &id).await?);
    let replied = q.replied.map(|_| super::casework::REPLIED);
    let (needs, needs_note, needs_assessed) = match &c.needs {
        Some(n) => (
            n.needs
                .iter()
                .map(|(need, u)| NeedRow {
                    need: views::need(*need),
                    urgency: urgency(*u),
                })
                .collect(),
            n.note.clone(),
            Some(format!(
                "{} by {}",
                views::date(n.assessed_at),
                n.assessed_by
            )),
        ),
        None => (vec![], None, None),
    };
    render(&CasePage {
        nav: Nav::for_session(Some(&session.0)),
        id: c.id.to_string(),
        reference: c.reference.clone(),
        opened: views::date(c.opened_at),
        status: status_words(&c.status),
        assigned: c
            .assigned_to
            .as_ref()
            .map(|s| s.display_name.clone())
            .unwrap_or_else(|| "Nobody yet".into()),
        access_until: c.access_until.map(views::date),
        can_assign: c.can_assign,
        notice: saved_notice(q.saved.as_deref()),
        erased: c.erased,
        active_consents: c.active_consents,
        closing: super::closing::section(&c),
        person: person_rows(&c),
        referral: referral_facts(&c),
        needs,
        needs_note,
        needs_assessed,
        plan: c
            .plan
            .iter()
            .map(|a| PlanRow {
                id: a.id.to_string(),
                title: a.title.clone(),
                owner: a.owner.clone(),
                due: match a.done_at {
                    Some(at) => format!("Done {}", views::date(at)),
                    None => due_words(a.due, a.due_on),
                },
                overdue: a.done_at.is_none() && a.due == DueState::Overdue,
                done: a.done_at.is_some(),
            })
            .collect(),
        notes: c
            .notes
            .iter()
            .map(|n| NoteRow {
                author: n.author.clone(),
                at: views::date(n.at),
                body: n.body.clone(),
            })
            .collect(),
        documents: c
            .documents
            .iter()
            .map(|d| DocumentRow {
                id: d.id.to_string(),
                name: d.name.clone(),
                kind: kind(d.kind),
                size: size(d.size_bytes),
                at: views::date(d.uploaded_at),
                by: d.uploaded_by.clone(),
            })
            .collect(),
        history: c
            .history
            .iter()
            .map(|h| HistoryRow {
                kind: exploitation(h.kind),
                place: place(h.place),
                when: match (h.from, h.to) {
                    (Some(f), Some(t)) => format!("{} to {}", day(f), day(t)),
                    (Some(f), None) => format!("From {}", day(f)),
                    (None, Some(t)) => format!("Until {}", day(t)),
                    (None, None) => "Dates not known".into(),
                },
                note: h.note.clone(),
            })
            .collect(),
        risk: c.risks.first().map(|r| RiskRow {
            level: risk(r.level),
            reasons: r.reasons.clone(),
            by: r.assessed_by.clone(),
            at: views::date(r.assessed_at),
        }),
        earlier_risks: c.risks.len().saturating_sub(1),
        self_referral: c.referral.self_referral,
        messages,
        replied,
        reply_action: format!("/cases/{id}/reply"),
    })
}

fn back_to(id: &CaseId, saved: &str) -> Response {
    Redirect::to(&format!("/cases/{id}?saved={saved}")).into_response()
}

// ---- the person --------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "case/person.html")]
struct PersonPage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
    f: PersonForm,
}

#[derive(Deserialize, Default)]
pub struct PersonForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    date_of_birth: String,
    #[serde(default)]
    age: String,
    #[serde(default)]
    nationality: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    safe_contact: String,
    #[serde(default)]
    never_write_to: String,
}

pub async fn person_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    // The form shows the current details: an audited read of the case.
    let c = app.case(session.account(), &id).await?;
    let p = c.person.clone().unwrap_or_default();
    let known = |s: &str| {
        if s == waymark_app::NOT_GIVEN {
            String::new()
        } else {
            s.to_owned()
        }
    };
    render(&PersonPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: c.reference.clone(),
        errors: vec![],
        f: PersonForm {
            csrf: String::new(),
            name: known(&p.name),
            aliases: p.aliases.join("\n"),
            date_of_birth: p.date_of_birth.map(iso).unwrap_or_default(),
            age: p.age.map(|a| a.to_string()).unwrap_or_default(),
            nationality: p.nationality.clone(),
            languages: p.languages.clone(),
            safe_contact: p.safe_contact.clone(),
            never_write_to: p.never_write_to.clone(),
        },
    })
}

pub async fn save_person(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<PersonForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let draft = PersonDraft {
        name: f.name.clone(),
        aliases: f.aliases.clone(),
        date_of_birth: f.date_of_birth.clone(),
        age: f.age.clone(),
        nationality: f.nationality.clone(),
        languages: f.languages.clone(),
        safe_contact: f.safe_contact.clone(),
        never_write_to: f.never_write_to.clone(),
    };
    match app.update_person(session.account(), &id, draft).await {
        Ok(()) => Ok(back_to(&id, "person")),
        Err(e) => {
            let (status, errors) = form_problem(e, "name")?;
            let header = app
                .case_header(session.account(), &id, CaseAction::UpdatePerson)
                .await?;
            Ok(with_status(
                status,
                render(&PersonPage {
                    nav: Nav::for_session(Some(&session.0)),
                    id: id.to_string(),
                    reference: header.reference,
                    errors,
                    f,
                })?,
            ))
        }
    }
}

// ---- needs -------------------------------------------------------------------------------------------------

pub struct NeedChoice {
    id: &'static str,
    label: &'static str,
    /// `""` (not a need), `high`, `medium` or `low`.
    selected: String,
}

#[derive(Template)]
#[template(path = "case/needs.html")]
struct NeedsPage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
    needs: Vec<NeedChoice>,
    note: String,
}

fn need_choices(selected: &HashMap<Need, String>) -> Vec<NeedChoice> {
    Need::ALL
        .iter()
        .map(|n| NeedChoice {
            id: n.as_str(),
            label: views::need(*n),
            selected: selected.get(n).cloned().unwrap_or_default(),
        })
        .collect()
}

pub async fn needs_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    let c = app.case(session.account(), &id).await?;
    let (selected, note) = match &c.needs {
        Some(n) => (
            n.needs
                .iter()
                .map(|(need, u)| (*need, u.as_str().to_owned()))
                .collect(),
            n.note.clone().unwrap_or_default(),
        ),
        // Start from what the referral asked for.
        None => (
            c.referral
                .needs
                .iter()
                .map(|n| (*n, NeedUrgency::Medium.as_str().to_owned()))
                .collect(),
            String::new(),
        ),
    };
    render(&NeedsPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: c.reference.clone(),
        errors: vec![],
        needs: need_choices(&selected),
        note,
    })
}

/// The needs form: `csrf`, `note`, and `need_<id>` = `high` | `medium` | `low` | `` for each need.
pub async fn save_needs(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let value = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    session.check_csrf(&value("csrf"))?;
    let id = case_id(&id)?;
    let mut selected = HashMap::new();
    let mut needs = Vec::new();
    for (k, v) in &fields {
        if let Some(need) = k.strip_prefix("need_").and_then(|n| Need::parse(n).ok())
            && let Ok(u) = NeedUrgency::parse(v)
        {
            selected.insert(need, v.clone());
            needs.push((need, u));
        }
    }
    let note = value("note");
    match app
        .record_needs(session.account(), &id, needs, note.clone())
        .await
    {
        Ok(()) => Ok(back_to(&id, "needs")),
        Err(e) => {
            let (status, mut errors) = form_problem(e, "needs")?;
            for e in &mut errors {
                // Link the summary to the first choice; the note has its own field.
                if e.0 == "needs" {
                    e.0 = "need_emergency_accommodation";
                } else if e.0 == "needs_note" {
                    e.0 = "note";
                }
            }
            let header = app
                .case_header(session.account(), &id, CaseAction::RecordNeeds)
                .await?;
            Ok(with_status(
                status,
                render(&NeedsPage {
                    nav: Nav::for_session(Some(&session.0)),
                    id: id.to_string(),
                    reference: header.reference,
                    errors,
                    needs: need_choices(&selected),
                    note,
                })?,
            ))
        }
    }
}

// ---- plan actions, notes, history, risk: add-only forms --------------------------------------------------------

pub struct Person {
    id: String,
    name: String,
    selected: bool,
}

fn people(staff: &[StaffMember], selected: &str) -> Vec<Person> {
    staff
        .iter()
        .map(|s| Person {
            id: s.id.to_string(),
            name: s.display_name.clone(),
            selected: s.id.as_str() == selected,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "case/plan.html")]
struct PlanPage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
    title: String,
    due_on: String,
    owners: Vec<Person>,
}

#[derive(Deserialize, Default)]
pub struct PlanForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due_on: String,
}

async fn plan_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    f: PlanForm,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::AddPlanAction)
        .await?;
    let me = session.account().user_id.to_string();
    let owner = if f.owner.is_empty() { me } else { f.owner };
    render(&PlanPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        title: f.title,
        due_on: f.due_on,
        owners: people(&header.owners, &owner),
    })
}

pub async fn plan_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    plan_page(&app, &session, &id, vec![], PlanForm::default()).await
}

pub async fn add_plan_action(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<PlanForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let owner = match f.owner.as_str() {
        "" => None,
        o => Some(UserId::parse(o).map_err(|_| WebError::App(AppError::NotFound))?),
    };
    let new = NewPlanAction {
        title: f.title.clone(),
        owner,
        due_on: f.due_on.clone(),
    };
    match app.add_plan_action(session.account(), &id, new).await {
        Ok(_) => Ok(back_to(&id, "plan")),
        Err(e) => {
            let (status, errors) = form_problem(e, "title")?;
            Ok(with_status(
                status,
                plan_page(&app, &session, &id, errors, f).await?,
            ))
        }
    }
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn complete_plan_action(
    State(app): State<App>,
    session: Signed,
    Path((id, action)): Path<(String, String)>,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let action = PlanActionId::parse(&action).map_err(|_| WebError::App(AppError::NotFound))?;
    app.complete_plan_action(session.account(), &id, &action)
        .await?;
    Ok(back_to(&id, "done"))
}

#[derive(Template)]
#[template(path = "case/note.html")]
struct NotePage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
    body: String,
}

#[derive(Deserialize, Default)]
pub struct NoteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
}

async fn note_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    body: String,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::AddNote)
        .await?;
    render(&NotePage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        body,
    })
}

pub async fn note_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    note_page(&app, &session, &id, vec![], String::new()).await
}

pub async fn add_note(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<NoteForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    match app.add_note(session.account(), &id, f.body.clone()).await {
        Ok(_) => Ok(back_to(&id, "note")),
        Err(e) => {
            let (status, errors) = form_problem(e, "body")?;
            Ok(with_status(
                status,
                note_page(&app, &session, &id, errors, f.body).await?,
            ))
        }
    }
}

pub struct Choice {
    id: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Template)]
#[template(path = "case/history.html")]
struct HistoryPage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
    kinds: Vec<Choice>,
    places: Vec<Choice>,
    from: String,
    to: String,
    note: String,
}

#[derive(Deserialize, Default)]
pub struct HistoryForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    exploitation_type: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    note: String,
}

async fn history_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    f: HistoryForm,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::AddHistory)
        .await?;
    render(&HistoryPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        kinds: ExploitationType::ALL
            .iter()
            .map(|t| Choice {
                id: t.as_str(),
                label: exploitation(*t),
                checked: f.exploitation_type == t.as_str(),
            })
            .collect(),
        places: ExploitationPlace::ALL
            .iter()
            .map(|p| Choice {
                id: p.as_str(),
                label: place(*p),
                checked: f.place == p.as_str(),
            })
            .collect(),
        from: f.from,
        to: f.to,
        note: f.note,
    })
}

pub async fn history_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    history_page(&app, &session, &id, vec![], HistoryForm::default()).await
}

pub async fn add_history(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<HistoryForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let (kind, place) = match (
        ExploitationType::parse(&f.exploitation_type),
        ExploitationPlace::parse(&f.place),
    ) {
        (Ok(k), Ok(p)) => (k, p),
        (k, _) => {
            let field = if k.is_err() {
                "exploitation_type"
            } else {
                "place-uk"
            };
            let problem = if k.is_err() {
                "Choose the kind of exploitation"
            } else {
                "Choose whether it happened in the UK or abroad"
            };
            return Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                history_page(&app, &session, &id, vec![(field, problem.into())], f).await?,
            ));
        }
    };
    let new = NewHistory {
        kind,
        place,
        from: f.from.clone(),
        to: f.to.clone(),
        note: f.note.clone(),
    };
    match app.add_history(session.account(), &id, new).await {
        Ok(_) => Ok(back_to(&id, "history")),
        Err(e) => {
            let (status, mut errors) = form_problem(e, "note")?;
            for e in &mut errors {
                if e.0 == "history_note" {
                    e.0 = "note";
                }
            }
            Ok(with_status(
                status,
                history_page(&app, &session, &id, errors, f).await?,
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "case/risk.html")]
struct RiskPage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
    levels: Vec<Choice>,
    reasons: String,
}

#[derive(Deserialize, Default)]
pub struct RiskForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    reasons: String,
}

async fn risk_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    f: RiskForm,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::RecordRisk)
        .await?;
    render(&RiskPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        levels: RiskLevel::ALL
            .iter()
            .rev()
            .map(|l| Choice {
                id: l.as_str(),
                label: risk(*l),
                checked: f.level == l.as_str(),
            })
            .collect(),
        reasons: f.reasons,
    })
}

pub async fn risk_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    risk_page(&app, &session, &id, vec![], RiskForm::default()).await
}

pub async fn record_risk(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<RiskForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let Ok(level) = RiskLevel::parse(&f.level) else {
        return Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            risk_page(
                &app,
                &session,
                &id,
                vec![("level-high", "Choose the level of risk".into())],
                f,
            )
            .await?,
        ));
    };
    match app
        .record_risk(session.account(), &id, level, f.reasons.clone())
        .await
    {
        Ok(_) => Ok(back_to(&id, "risk")),
        Err(e) => {
            let (status, errors) = form_problem(e, "reasons")?;
            Ok(with_status(
                status,
                risk_page(&app, &session, &id, errors, f).await?,
            ))
        }
    }
}

// ---- documents ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "case/document.html")]
struct DocumentPage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
}

async fn document_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::UploadDocument)
        .await?;
    render(&DocumentPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
    })
}

pub async fn document_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    document_page(&app, &session, &id, vec![]).await
}

/// An uploaded file and the form's other fields.
pub(crate) struct Upload {
    pub csrf: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What went wrong reading an upload.
pub(crate) enum UploadProblem {
    /// No `file` field.
    NoFile,
    /// The body is larger than the request limit.
    TooLarge,
    /// Not a well-formed `multipart/form-data` body.
    Malformed(String),
}

/// The largest upload request accepted: a document of the most bytes allowed and room for the form.
pub(crate) const UPLOAD_BODY_LIMIT: usize = MAX_DOCUMENT_BYTES + 64 * 1024;

/// Reads a `multipart/form-data` body: a `csrf` field (pages) and a `file` field. Reading the file stops
/// one byte past the largest document allowed, so a large upload is refused without being kept.
pub(crate) async fn read_upload(mut form: Multipart) -> Result<Upload, UploadProblem> {
    let problem = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            UploadProblem::TooLarge
        } else {
            UploadProblem::Malformed(e.body_text())
        }
    };
    let mut csrf = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(mut field) = form.next_field().await.map_err(problem)? {
        match field.name() {
            Some("csrf") => csrf = field.text().await.map_err(problem)?,
            Some("file") => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(problem)? {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() > MAX_DOCUMENT_BYTES {
                        return Err(UploadProblem::TooLarge);
                    }
                }
                file = Some((name, bytes));
            }
            _ => {}
        }
    }
    let (file_name, bytes) = file.ok_or(UploadProblem::NoFile)?;
    Ok(Upload {
        csrf,
        file_name,
        bytes,
    })
}

pub async fn upload_document(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    form: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    let refuse = |e: DocumentError| (document_status(&e), vec![("file", e.to_string())]);
    let problem = match form {
        Ok(form) => match read_upload(form).await {
            Ok(upload) => {
                session.check_csrf(&upload.csrf)?;
                match app
                    .upload_document(session.account(), &id, upload.file_name, upload.bytes)
                    .await
                {
                    Ok(_) => return Ok(back_to(&id, "document")),
                    Err(e) => form_problem(e, "file")?,
                }
            }
            Err(UploadProblem::TooLarge) => refuse(DocumentError::TooLarge),
            Err(UploadProblem::NoFile) => refuse(DocumentError::Empty),
            Err(UploadProblem::Malformed(_)) => (
                StatusCode::BAD_REQUEST,
                vec![("file", "The upload did not arrive whole: try again".into())],
            ),
        },
        Err(_) => (
            StatusCode::BAD_REQUEST,
            vec![("file", "Choose a file to upload".into())],
        ),
    };
    // Without a valid form the CSRF token could not be read: the page is shown again, and nothing saved.
    let (status, errors) = problem;
    Ok(with_status(
        status,
        document_page(&app, &session, &id, errors).await?,
    ))
}

/// A document as a download: `attachment` with a neutral name, its one safe content type, never cached.
pub(crate) fn download_response(d: Download) -> Response {
    let mut r = Response::new(Body::from(d.bytes));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(d.kind.content_type()),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", d.file_name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    r
}

pub async fn download_document(
    State(app): State<App>,
    session: Signed,
    Path((id, document)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    let document = DocumentId::parse(&document).map_err(|_| WebError::App(AppError::NotFound))?;
    Ok(download_response(
        app.download_document(session.account(), &id, &document)
            .await?,
    ))
}

// ---- assignment and breaking the glass ---------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "case/assign.html")]
struct AssignPage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
    people: Vec<Person>,
}

#[derive(Deserialize, Default)]
pub struct AssignForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    assignee: String,
}

async fn assign_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
) -> Result<Response, WebError> {
    let header = app
        .case_header(session.account(), id, CaseAction::Assign)
        .await?;
    let current = header
        .assigned_to
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    render(&AssignPage {
        nav: Nav::for_session(Some(&session.0)),
        id: id.to_string(),
        reference: header.reference,
        errors,
        people: people(&header.assignees, &current),
    })
}

pub async fn assign_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    assign_page(&app, &session, &id, vec![]).await
}

pub async fn assign(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<AssignForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    let result = match UserId::parse(&f.assignee) {
        Ok(to) => app.assign_case(session.account(), &id, &to).await,
        Err(_) => Err(AppError::Case(CaseError::Field {
            field: "assignee",
            problem: "Choose a caseworker or manager of your organisation",
        })),
    };
    match result {
        Ok(()) => Ok(back_to(&id, "assigned")),
        Err(e) => {
            let (status, errors) = form_problem(e, "assignee")?;
            Ok(with_status(
                status,
                assign_page(&app, &session, &id, errors).await?,
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "case/break_glass.html")]
struct BreakGlassPage {
    nav: Nav,
    id: String,
    reference: String,
    errors: Errors,
    reason: String,
    minutes: i64,
}

#[derive(Deserialize, Default)]
pub struct BreakGlassForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
}

async fn break_glass_page(
    app: &App,
    session: &Signed,
    id: &CaseId,
    errors: Errors,
    reason: String,
) -> Result<Response, WebError> {
    match app.break_glass_header(session.account(), id).await {
        Ok(header) => render(&BreakGlassPage {
            nav: Nav::for_session(Some(&session.0)),
            id: id.to_string(),
            reference: header.reference,
            errors,
            reason,
            minutes: waymark_domain::case::BREAK_GLASS_MINUTES,
        }),
        // Someone who can already open the case goes straight to it.
        Err(AppError::Conflict(_)) => Ok(Redirect::to(&format!("/cases/{id}")).into_response()),
        Err(e) => Err(e.into()),
    }
}

pub async fn break_glass_form(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = case_id(&id)?;
    break_glass_page(&app, &session, &id, vec![], String::new()).await
}

pub async fn break_glass(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
    Form(f): Form<BreakGlassForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&f.csrf)?;
    let id = case_id(&id)?;
    match app.break_glass(session.account(), &id, &f.reason).await {
        Ok(_) => Ok(back_to(&id, "access")),
        Err(AppError::Conflict(_)) => Ok(Redirect::to(&format!("/cases/{id}")).into_response()),
        Err(e) => {
            let (status, errors) = form_problem(e, "reason")?;
            Ok(with_status(
                status,
                break_glass_page(&app, &session, &id, errors, f.reason).await?,
            ))
        }
    }
}

// ---- search ------------------------------------------------------------------------------------------------

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
    nav: Nav,
    errors: Errors,
    reference: String,
    name: String,
    date_of_birth: String,
    searched: bool,
    hits: Vec<Hit>,
}

#[derive(Deserialize, Default)]
pub struct SearchForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reference: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    date_of_birth: String,
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

// ---- my work ----------------------------------------------------------------------------------------------------

pub struct TaskRow {
    case_id: String,
    reference: String,
    title: Option<String>,
    due: String,
    overdue: bool,
}

pub struct CaseRow {
    id: String,
    reference: String,
    opened: String,
}

pub struct StatusGroup {
    status: &'static str,
    cases: Vec<CaseRow>,
}

pub struct WaitingRow {
    id: String,
    received: String,
    age: String,
    from: String,
    note: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "case/my_work.html")]
struct MyWorkPage {
    nav: Nav,
    org: String,
    overdue: usize,
    tasks: Vec<TaskRow>,
    groups: Vec<StatusGroup>,
    waiting: Vec<WaitingRow>,
}

/// `/staff`: "my work" for those who work cases; the links of what their role allows for everyone else.
pub async fn my_work(State(app): State<App>, session: Signed) -> Result<Response, WebError> {
    let a = session.account();
    if !allows(a.role, a.org_kind, Permission::ReadCase) {
        return super::account::staff_home(session).await;
    }
    let work = app.my_work(a).await?;
    let mut groups: Vec<StatusGroup> = Vec::new();
    for c in work.cases {
        let status = status_words(&c.status);
        let row = CaseRow {
            id: c.id.to_string(),
            reference: c.reference,
            opened: views::date(c.opened_at),
        };
        match groups.iter_mut().find(|g| g.status == status) {
            Some(g) => g.cases.push(row),
            None => groups.push(StatusGroup {
                status,
                cases: vec![row],
            }),
        }
    }
    let tasks: Vec<TaskRow> = work
        .tasks
        .into_iter()
        .map(|t| TaskRow {
            case_id: t.case_id.to_string(),
            reference: t.reference,
            title: t.title,
            due: due_words(t.due, t.due_on),
            overdue: t.due == DueState::Overdue,
        })
        .collect();
    render(&MyWorkPage {
        nav: Nav::for_session(Some(&session.0)),
        org: a.org_name.clone(),
        overdue: tasks.iter().filter(|t| t.overdue).count(),
        tasks,
        groups,
        waiting: work
            .open_referrals
            .into_iter()
            .map(|r| WaitingRow {
                id: r.id.to_string(),
                received: views::date(r.received_at),
                age: match r.age_days {
                    0 => "Today".into(),
                    1 => "1 day".into(),
                    n => format!("{n} days"),
                },
                from: r
                    .from_organisation
                    .unwrap_or_else(|| "The person themselves".into()),
                note: if r.child_safeguarding {
                    Some("child safeguarding")
                } else if r.urgency == Some(waymark_domain::self_referral::Urgency::Today) {
                    Some("needs help today")
                } else {
                    None
                },
            })
            .collect(),
    })
}
