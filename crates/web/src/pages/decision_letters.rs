//! Decision letters on the staff pages: the list of what was told on a formal referral, and each letter as
//! an accessible HTML page or a PDF (the same words: both come from one `Letter`).
//!
//! The decision body's decision makers reach them from `/decisions/{id}`; the referring organisation's
//! staff who may open the case from the case's formal-referral page. Every route is gated like the page it
//! hangs from (anyone else: 404), and every letter read is audited by the use case. A PDF is served as an
//! attachment with a neutral name (`decision-letter-<id>.pdf`: the person's name would stay in a shared
//! device's downloads), never cached.

use askama::Template;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use waymark_app::{App, AppError, DecisionLetter, LetterFormat, NoticeSummary};
use waymark_domain::CaseId;
use waymark_domain::decision_letter::long_date;

use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::pdf::{Block, Document};
use crate::routes::RouteTable;

pub fn routes() -> RouteTable {
    RouteTable::new()
        .route("/decisions/{id}/letters", get(body_list))
        .route("/decisions/{id}/letters/{letter}", get(body_letter))
        .route(
            "/cases/{case}/formal-referrals/{id}/letters",
            get(case_list),
        )
        .route(
            "/cases/{case}/formal-referrals/{id}/letters/{letter}",
            get(case_letter),
        )
}

/// A letter as a tagged PDF: the title, the facts at its head, then each section.
pub(crate) fn letter_pdf(l: &DecisionLetter) -> Vec<u8> {
    let letter = &l.letter;
    let mut blocks = vec![Block::title(&letter.title)];
    blocks.extend(letter.facts.iter().map(|(k, v)| Block::field(k, v)));
    for s in &letter.sections {
        blocks.push(Block::heading(&s.heading));
        blocks.extend(s.paragraphs.iter().map(|p| Block::paragraph(p)));
    }
    crate::pdf::render(&Document {
        title: letter.title.clone(),
        lang: "en-GB".into(),
        blocks,
    })
}

/// The PDF as a download: `attachment` with a neutral name, never cached, shown in no frame.
pub(crate) fn pdf_response(l: &DecisionLetter) -> Response {
    let mut r = Response::new(Body::from(letter_pdf(l)));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"decision-letter-{}.pdf\"",
        l.id
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    r
}

/// `abc` is the letter's page, `abc.pdf` its PDF.
fn format_of(letter: &str) -> (&str, LetterFormat) {
    match letter.strip_suffix(".pdf") {
        Some(id) => (id, LetterFormat::Pdf),
        None => (letter, LetterFormat::Html),
    }
}

pub struct NoticeRow {
    title: &'static str,
    decided_on: String,
    told_on: String,
    person_told: bool,
    /// The letter's page, for a decision; `None` for a closure.
    href: Option<String>,
}

#[derive(Template)]
#[template(path = "formal/letters.html")]
struct ListPage {
    nav: Nav,
    back: String,
    back_label: &'static str,
    decision_maker: bool,
    rows: Vec<NoticeRow>,
}

fn rows(notices: Vec<NoticeSummary>, base: &str) -> Vec<NoticeRow> {
    notices
        .into_iter()
        .map(|n| NoticeRow {
            title: n.kind.title(),
            decided_on: long_date(n.decided_on),
            told_on: long_date(n.told_on),
            person_told: n.person_told,
            href: n.has_letter.then(|| format!("{base}/{}", n.id)),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "formal/letter.html")]
struct LetterPage {
    nav: Nav,
    back: String,
    pdf: String,
    title: String,
    facts: Vec<(String, String)>,
    sections: Vec<(String, Vec<String>)>,
}

fn letter_page(
    session: &Signed,
    l: DecisionLetter,
    back: String,
    here: &str,
) -> Result<Response, WebError> {
    render(&LetterPage {
        nav: Nav::for_session(Some(&session.0)),
        back,
        pdf: format!("{here}.pdf"),
        title: l.letter.title,
        facts: l.letter.facts,
        sections: l
            .letter
            .sections
            .into_iter()
            .map(|s| (s.heading, s.paragraphs))
            .collect(),
    })
}

fn case_id(id: &str) -> Result<CaseId, WebError> {
    CaseId::parse(id).map_err(|_| WebError::from(AppError::NotFound))
}

pub async fn body_list(
    State(app): State<App>,
    session: Signed,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let notices = app.formal_referral_notices(session.account(), &id).await?;
    render(&ListPage {
        nav: Nav::for_session(Some(&session.0)),
        back: format!("/decisions/{id}"),
        back_label: "Back to the formal referral",
        decision_maker: true,
        rows: rows(notices, &format!("/decisions/{id}/letters")),
    })
}

pub async fn body_letter(
    State(app): State<App>,
    session: Signed,
    Path((id, letter)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (notice, format) = format_of(&letter);
    let l = app
        .decision_letter(session.account(), &id, notice, format)
        .await?;
    match format {
        LetterFormat::Pdf => Ok(pdf_response(&l)),
        LetterFormat::Html => letter_page(
            &session,
            l,
            format!("/decisions/{id}/letters"),
            &format!("/decisions/{id}/letters/{notice}"),
        ),
    }
}

pub async fn case_list(
    State(app): State<App>,
    session: Signed,
    Path((case, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let case = case_id(&case)?;
    let notices = app
        .case_formal_referral_notices(session.account(), &case, &id)
        .await?;
    render(&ListPage {
        nav: Nav::for_session(Some(&session.0)),
        back: format!("/cases/{case}/formal-referral"),
        back_label: "Back to the case's formal referral",
        decision_maker: false,
        rows: rows(
            notices,
            &format!("/cases/{case}/formal-referrals/{id}/letters"),
        ),
    })
}

pub async fn case_letter(
    State(app): State<App>,
    session: Signed,
    Path((case, id, letter)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let case = case_id(&case)?;
    let (notice, format) = format_of(&letter);
    let l = app
        .case_decision_letter(session.account(), &case, &id, notice, format)
        .await?;
    let base = format!("/cases/{case}/formal-referrals/{id}/letters");
    match format {
        LetterFormat::Pdf => Ok(pdf_response(&l)),
        LetterFormat::Html => letter_page(&session, l, base.clone(), &format!("{base}/{notice}")),
    }
}
