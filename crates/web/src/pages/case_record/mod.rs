//! The case record's pages: the case (here), a small form page for each part of it (`parts`),
//! document upload and download (`documents`), assignment and breaking the glass (`access`). Every
//! permission is decided by the use case (the case policy in `domain`); a page only shows what it was
//! given.

mod access;
mod documents;
mod parts;

pub(crate) use super::search::{Hit, hits};
use super::search::{search, search_form};
use access::*;
use documents::*;
pub(crate) use documents::{UPLOAD_BODY_LIMIT, UploadProblem, download_response, read_upload};
use parts::*;

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
    App, AppError, CaseView, Download, NewHistory, NewPlanAction, ReferralView, StaffMember,
};
use waymark_domain::case::CaseAction;
use waymark_domain::case_record::{
    CaseError, DocumentError, DocumentKind, DueState, ExploitationPlace, MAX_DOCUMENT_BYTES,
    NeedUrgency, PersonDraft, RiskLevel,
};
use waymark_domain::ids::{DocumentId, PlanActionId};
use waymark_domain::{CaseId, ExploitationType, Need, UserId};

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
pub(crate) fn form_problem(
    e: AppError,
    field: &'static str,
) -> Result<(StatusCode, Errors), WebError> {
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

pub(crate) fn sentence(m: &str) -> String {
    let mut c = m.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub(crate) fn with_status(status: StatusCode, page: Response) -> Response {
    (status, page).into_response()
}

pub fn day(d: Date) -> String {
    d.format(time::macros::format_description!(
        "[day padding:none] [month repr:short] [year]"
    ))
    .unwrap_or_default()
}

pub(crate) fn iso(d: Date) -> String {
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

pub(crate) fn place(p: ExploitationPlace) -> &'static str {
    match p {
        ExploitationPlace::Uk => "In the UK",
        ExploitationPlace::Abroad => "Abroad",
    }
}

pub(crate) fn urgency(u: NeedUrgency) -> &'static str {
    match u {
        NeedUrgency::High => "High",
        NeedUrgency::Medium => "Medium",
        NeedUrgency::Low => "Low",
    }
}

pub(crate) fn risk(l: RiskLevel) -> &'static str {
    match l {
        RiskLevel::Low => "Low",
        RiskLevel::Medium => "Medium",
        RiskLevel::High => "High",
    }
}

pub(crate) fn kind(k: DocumentKind) -> &'static str {
    match k {
        DocumentKind::Pdf => "PDF",
        DocumentKind::Png => "PNG image",
        DocumentKind::Jpeg => "JPEG image",
        DocumentKind::Text => "Text",
    }
}

pub(crate) fn size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

pub(crate) fn status_words(s: &str) -> &'static str {
    match s {
        "open" => "Open",
        "closed" => "Closed",
        _ => "Other",
    }
}

pub(crate) fn due_words(d: DueState, on: Date) -> String {
    match d {
        DueState::Overdue => format!("Overdue (was due {})", day(on)),
        DueState::DueToday => "Due today".into(),
        DueState::Upcoming => format!("Due {}", day(on)),
    }
}

// ---- the case page ---------------------------------------------------------------------------------------

pub struct PersonRows {
    pub(crate) name: String,
    pub(crate) aliases: String,
    pub(crate) birth: String,
    pub(crate) nationality: String,
    pub(crate) languages: String,
    pub(crate) safe_contact: String,
    pub(crate) never_write_to: String,
}

pub struct ReferralFacts {
    pub(crate) age: &'static str,
    pub(crate) place: String,
    pub(crate) needs: String,
    pub(crate) indicators: Vec<&'static str>,
    pub(crate) first_contact: &'static str,
    pub(crate) from: String,
    pub(crate) basis: String,
    pub(crate) referral_id: String,
    /// What the organisation was told about an erasure of this record or of its original.
    pub(crate) erasure: Option<String>,
}

pub struct PlanRow {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) owner: String,
    pub(crate) due: String,
    pub(crate) overdue: bool,
    pub(crate) done: bool,
}

pub struct NoteRow {
    pub(crate) author: String,
    pub(crate) at: String,
    pub(crate) body: String,
}

pub struct DocumentRow {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: &'static str,
    pub(crate) size: String,
    pub(crate) at: String,
    pub(crate) by: String,
}

pub struct HistoryRow {
    pub(crate) kind: &'static str,
    pub(crate) place: &'static str,
    pub(crate) when: String,
    pub(crate) note: Option<String>,
}

pub struct RiskRow {
    pub(crate) level: &'static str,
    pub(crate) reasons: String,
    pub(crate) by: String,
    pub(crate) at: String,
}

pub struct NeedRow {
    pub(crate) need: &'static str,
    pub(crate) urgency: &'static str,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    pub(crate) nav: Nav,
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) opened: String,
    pub(crate) status: &'static str,
    pub(crate) assigned: String,
    pub(crate) access_until: Option<String>,
    pub(crate) can_assign: bool,
    pub(crate) notice: Option<&'static str>,
    pub(crate) erased: bool,
    pub(crate) active_consents: usize,
    /// Closing, follow-ups, export and erasure (pages/closing.rs).
    pub(crate) closing: super::closing::ClosingSection,
    pub(crate) person: PersonRows,
    pub(crate) referral: ReferralFacts,
    pub(crate) needs: Vec<NeedRow>,
    pub(crate) needs_note: Option<String>,
    pub(crate) needs_assessed: Option<String>,
    pub(crate) plan: Vec<PlanRow>,
    pub(crate) notes: Vec<NoteRow>,
    pub(crate) documents: Vec<DocumentRow>,
    pub(crate) history: Vec<HistoryRow>,
    pub(crate) risk: Option<RiskRow>,
    pub(crate) earlier_risks: usize,
    pub(crate) self_referral: bool,
    pub(crate) messages: Vec<MessageRow>,
    pub(crate) replied: Option<&'static str>,
    pub(crate) reply_action: String,
}

pub(crate) fn person_rows(c: &CaseView) -> PersonRows {
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

pub(crate) fn referral_facts(c: &CaseView) -> ReferralFacts {
    facts_of(&c.referral)
}

/// What a referral says about the person, in words: shown on the referral in the inbox and on the case
/// it opened.
pub(crate) fn facts_of(r: &ReferralView) -> ReferralFacts {
    ReferralFacts {
        age: views::age(r.age),
        place: views::place(r.area, r.nation),
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
        erasure: r.erasure.as_ref().map(views::erasure_notice),
    }
}

#[derive(Deserialize)]
pub struct CaseQuery {
    pub(crate) replied: Option<String>,
    pub(crate) saved: Option<String>,
}

pub(crate) fn saved_notice(what: Option<&str>) -> Option<&'static str> {
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

pub(crate) fn back_to(id: &CaseId, saved: &str) -> Response {
    Redirect::to(&format!("/cases/{id}?saved={saved}")).into_response()
}
