//! Training for community helpers, readable by anyone without an account: the course of each nation, its
//! modules (the Markdown of `content/training`, rendered here with raw HTML escaped), and the printable
//! pocket card of each nation as a page and a tagged PDF. The content and its rules are
//! `waymark_domain::training`; nothing is decided here.

use askama::Template;
use axum::body::Body;
use axum::extract::State;
use axum::extract::{OptionalFromRequestParts, Path};
use axum::http::{HeaderValue, header};
use axum::response::Redirect;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use std::collections::BTreeMap;
use waymark_app::{App, AppError};
use waymark_domain::Nation;
use waymark_domain::training::{self, Course, CourseStatus, Marked, Module, PocketCard};

use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::pdf::{Block, Document};
use crate::routes::RouteTable;
use crate::views;

pub fn routes() -> RouteTable {
    RouteTable::new()
        .route("/training", get(list))
        .route("/training/cards/{nation}", get(card))
        .route("/training/{course}", get(course_page))
        .route("/training/{course}/quiz", get(quiz_form).post(quiz))
        .route("/training/{course}/{module}", get(module_page))
        .route("/training/{course}/{module}/read", post(read))
}

/// Whoever reads: signed in (their session) or not.
struct Reader(Option<Signed>);

impl OptionalFromRequestParts<App> for Reader {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        app: &App,
    ) -> Result<Option<Self>, Self::Rejection> {
        let session = <Signed as OptionalFromRequestParts<App>>::from_request_parts(parts, app)
            .await
            .ok()
            .flatten();
        Ok(Some(Reader(session)))
    }
}

fn nav(reader: Option<&Reader>) -> Nav {
    Nav::for_session(signed(reader).map(|s| &s.0))
}

fn signed(reader: Option<&Reader>) -> Option<&Signed> {
    reader.and_then(|r| r.0.as_ref())
}

/// Markdown to HTML: headings, paragraphs, lists, emphasis and links (`tel:` and site links). Raw HTML in
/// the content is shown as text, never passed through.
pub fn markdown(text: &str) -> String {
    let events = Parser::new_ext(text, Options::empty()).map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// Markdown to the PDF's blocks: `##` headings, paragraphs and list items (each its own paragraph, after
/// a dash: plain ASCII keeps the text findable in the file); link targets dropped (the text of a `tel:`
/// link is the number).
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut heading = false;
    let mut item = false;
    let flush = |current: &mut String, out: &mut Vec<Block>, heading: bool, item: bool| {
        let t = current.trim();
        if !t.is_empty() {
            out.push(if heading {
                Block::heading(t)
            } else if item {
                Block::paragraph(&format!("- {t}"))
            } else {
                Block::paragraph(t)
            });
        }
        current.clear();
    };
    for e in Parser::new_ext(text, Options::empty()) {
        match e {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut out, heading, item);
                heading = level <= HeadingLevel::H3;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut current, &mut out, heading, item);
                heading = false;
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut out, heading, item);
                item = true;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut current, &mut out, heading, item);
                item = false;
            }
            Event::End(TagEnd::Paragraph) if !item => flush(&mut current, &mut out, heading, item),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                current.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            _ => {}
        }
    }
    flush(&mut current, &mut out, heading, item);
    out
}

fn not_found() -> WebError {
    WebError::from(AppError::NotFound)
}

fn draft_notice(c: &Course) -> bool {
    c.status == CourseStatus::Draft
}

pub struct CourseRow {
    id: String,
    title: String,
    summary: String,
    nation: &'static str,
    card: String,
    draft: bool,
}

#[derive(Template)]
#[template(path = "training/list.html")]
struct ListPage {
    nav: Nav,
    courses: Vec<CourseRow>,
}

async fn list(reader: Option<Reader>) -> Result<Response, WebError> {
    render(&ListPage {
        nav: nav(reader.as_ref()),
        courses: training::courses()
            .map(|c| CourseRow {
                id: c.id.clone(),
                title: c.title.clone(),
                summary: c.summary.clone(),
                nation: views::nation(c.nation),
                card: c.nation.as_str().to_owned(),
                draft: draft_notice(c),
            })
            .collect(),
    })
}

pub struct ModuleRow {
    id: String,
    title: String,
    summary: String,
    questions: usize,
    read: bool,
}

#[derive(Template)]
#[template(path = "training/course.html")]
struct CoursePage {
    nav: Nav,
    id: String,
    title: String,
    summary: String,
    nation: &'static str,
    card: String,
    draft: bool,
    pass_mark: u8,
    questions: usize,
    valid_for_months: u8,
    modules: Vec<ModuleRow>,
    signed_in: bool,
    /// Earlier attempts: (date, right, total, passed).
    attempts: Vec<(String, u32, u32, bool)>,
}

fn find(course: &str) -> Result<&'static Course, WebError> {
    training::course(course).ok_or_else(not_found)
}

async fn course_page(
    State(app): State<App>,
    reader: Option<Reader>,
    Path(course): Path<String>,
) -> Result<Response, WebError> {
    let c = find(&course)?;
    let progress = match signed(reader.as_ref()) {
        Some(s) => Some(app.course_progress(s.account(), &c.id).await?),
        None => None,
    };
    let read = |m: &str| {
        progress
            .as_ref()
            .is_some_and(|p| p.modules_read.iter().any(|r| r == m))
    };
    render(&CoursePage {
        signed_in: progress.is_some(),
        attempts: progress
            .as_ref()
            .map(|p| {
                p.attempts
                    .iter()
                    .map(|a| (long_date(a.on), a.correct, a.total, a.passed))
                    .collect()
            })
            .unwrap_or_default(),
        nav: nav(reader.as_ref()),
        id: c.id.clone(),
        title: c.title.clone(),
        summary: c.summary.clone(),
        nation: views::nation(c.nation),
        card: c.nation.as_str().to_owned(),
        draft: draft_notice(c),
        pass_mark: c.pass_mark,
        questions: c.questions().count(),
        valid_for_months: c.valid_for_months,
        modules: c
            .modules
            .iter()
            .map(|m| ModuleRow {
                id: m.id.clone(),
                title: m.title.clone(),
                summary: m.summary.clone(),
                questions: m.questions.len(),
                read: read(&m.id),
            })
            .collect(),
    })
}

pub struct QuestionView {
    id: String,
    text: String,
    answers: Vec<String>,
}

#[derive(Template)]
#[template(path = "training/module.html")]
struct ModulePage {
    nav: Nav,
    course_id: String,
    course_title: String,
    draft: bool,
    title: String,
    order: u32,
    of: usize,
    body: String,
    questions: Vec<QuestionView>,
    previous: Option<(String, String)>,
    next: Option<(String, String)>,
    module_id: String,
    signed_in: bool,
    read: bool,
}

fn link(m: Option<&Module>) -> Option<(String, String)> {
    m.map(|m| (m.id.clone(), m.title.clone()))
}

async fn module_page(
    State(app): State<App>,
    reader: Option<Reader>,
    Path((course, module)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let c = find(&course)?;
    let i = c
        .modules
        .iter()
        .position(|m| m.id == module)
        .ok_or_else(not_found)?;
    let m = &c.modules[i];
    let read = match signed(reader.as_ref()) {
        Some(s) => app
            .course_progress(s.account(), &c.id)
            .await?
            .modules_read
            .contains(&m.id),
        None => false,
    };
    render(&ModulePage {
        module_id: m.id.clone(),
        signed_in: signed(reader.as_ref()).is_some(),
        read,
        nav: nav(reader.as_ref()),
        course_id: c.id.clone(),
        course_title: c.title.clone(),
        draft: draft_notice(c),
        title: m.title.clone(),
        order: m.order,
        of: c.modules.len(),
        body: markdown(&m.body),
        questions: m
            .questions
            .iter()
            .map(|q| QuestionView {
                id: q.id.clone(),
                text: q.text.clone(),
                answers: q.answers.iter().map(|a| a.text.clone()).collect(),
            })
            .collect(),
        previous: link(i.checked_sub(1).and_then(|p| c.modules.get(p))),
        next: link(c.modules.get(i + 1)),
    })
}

#[derive(Deserialize, Default)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// Marks a module as read (signed in only), then back to it.
async fn read(
    State(app): State<App>,
    session: Signed,
    Path((course, module)): Path<(String, String)>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    session.check_csrf(&form.csrf)?;
    app.mark_module_read(session.account(), &course, &module)
        .await?;
    let c = find(&course)?;
    Ok(Redirect::to(&format!("/training/{}/{}", c.id, module.trim())).into_response())
}

/// A question on the quiz form, or in its marking.
pub struct QuizQuestion {
    id: String,
    module: String,
    text: String,
    answers: Vec<(usize, String)>,
    /// After marking: the answer chosen, whether it was right, the right answer and why.
    chosen: Option<usize>,
    right: bool,
    correct_text: String,
    explanation: String,
}

#[derive(Template)]
#[template(path = "training/quiz.html")]
struct QuizPage {
    nav: Nav,
    course_id: String,
    course_title: String,
    pass_mark: u8,
    signed_in: bool,
    questions: Vec<QuizQuestion>,
    /// After marking: (right, total, percent, passed).
    result: Option<(usize, usize, u8, bool)>,
    /// The code of the certificate a pass issued.
    certificate: Option<String>,
}

/// The course's questions, with the domain's marking of each when there is one (`score.marked` is in the
/// same order as `Course::questions`).
fn quiz_questions(c: &Course, marked: &[Marked]) -> Vec<QuizQuestion> {
    c.modules
        .iter()
        .flat_map(|m| m.questions.iter().map(move |q| (m, q)))
        .enumerate()
        .map(|(i, (m, q))| {
            let mark = marked.get(i).filter(|k| k.question == q.id);
            QuizQuestion {
                id: q.id.clone(),
                module: m.title.clone(),
                text: q.text.clone(),
                answers: q
                    .answers
                    .iter()
                    .map(|a| a.text.clone())
                    .enumerate()
                    .collect(),
                chosen: mark.and_then(|k| k.chosen),
                right: mark.is_some_and(Marked::right),
                correct_text: mark
                    .and_then(|k| q.answers.get(k.correct))
                    .map(|a| a.text.clone())
                    .unwrap_or_default(),
                explanation: q.explanation.clone(),
            }
        })
        .collect()
}

/// The whole course's quiz on one page (a helper account needed to take it).
async fn quiz_form(
    reader: Option<Reader>,
    Path(course): Path<String>,
) -> Result<Response, WebError> {
    let c = find(&course)?;
    render(&QuizPage {
        nav: nav(reader.as_ref()),
        course_id: c.id.clone(),
        course_title: c.title.clone(),
        pass_mark: c.pass_mark,
        signed_in: signed(reader.as_ref()).is_some(),
        questions: quiz_questions(c, &[]),
        result: None,
        certificate: None,
    })
}

/// Marks the quiz: the score, and for every wrong or missing answer the right one and why.
async fn quiz(
    State(app): State<App>,
    session: Signed,
    Path(course): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let csrf = form
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    session.check_csrf(csrf)?;
    let c = find(&course)?;
    let chosen: BTreeMap<String, usize> = form
        .iter()
        .filter_map(|(k, v)| {
            let q = k.strip_prefix("q-")?;
            Some((q.to_owned(), v.parse().ok()?))
        })
        .collect();
    let result = app.attempt_quiz(session.account(), &c.id, chosen).await?;
    let s = &result.score;
    render(&QuizPage {
        nav: Nav::for_session(Some(&session.0)),
        course_id: c.id.clone(),
        course_title: c.title.clone(),
        pass_mark: c.pass_mark,
        signed_in: true,
        questions: quiz_questions(c, &result.score.marked),
        result: Some((s.right, s.total, s.percent, s.passed)),
        certificate: result.certificate.as_ref().map(|c| c.code.clone()),
    })
}

fn long_date(d: time::Date) -> String {
    let f = time::macros::format_description!("[day padding:none] [month repr:long] [year]");
    d.format(&f).unwrap_or_default()
}

#[derive(Template)]
#[template(path = "training/card.html")]
struct CardPage {
    nav: Nav,
    nation: String,
    title: String,
    body: String,
}

fn card_of(nation: &str) -> Result<&'static PocketCard, WebError> {
    let n = Nation::parse(nation).map_err(|_| not_found())?;
    training::pocket_card(n).ok_or_else(not_found)
}

/// The pocket card: `/training/cards/{nation}` (a page to print) or `/training/cards/{nation}.pdf`.
async fn card(reader: Option<Reader>, Path(nation): Path<String>) -> Result<Response, WebError> {
    if let Some(n) = nation.strip_suffix(".pdf") {
        let c = card_of(n)?;
        let mut doc_blocks = vec![Block::title(&c.title)];
        doc_blocks.extend(blocks(&c.body));
        let pdf = crate::pdf::render_on_one_page(&Document {
            title: c.title.clone(),
            lang: "en-GB".into(),
            blocks: doc_blocks,
        });
        let mut r = Response::new(Body::from(pdf));
        let h = r.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/pdf"),
        );
        if let Ok(v) = HeaderValue::from_str(&format!(
            "attachment; filename=\"waymark-pocket-card-{}.pdf\"",
            c.nation
        )) {
            h.insert(header::CONTENT_DISPOSITION, v);
        }
        return Ok(r.into_response());
    }
    let c = card_of(&nation)?;
    render(&CardPage {
        nav: nav(reader.as_ref()),
        nation: c.nation.as_str().to_owned(),
        title: c.title.clone(),
        body: markdown(&c.body),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_in_the_content_is_shown_as_text() {
        let html =
            markdown("## Hi\n\n<script>alert(1)</script>\n\nCall [999](tel:999) <b>now</b>\n");
        assert!(html.contains("<h2>Hi</h2>"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<a href=\"tel:999\">999</a>"), "{html}");
        assert!(html.contains("&lt;b&gt;now"), "{html}");
    }

    #[test]
    fn a_card_becomes_headings_and_bulleted_paragraphs() {
        let b =
            blocks("## Do\n\n- **Danger now:** call [999](tel:999).\n- Stay safe\n\nOne sign.\n");
        let texts: Vec<String> = b
            .iter()
            .map(|b| b.runs.iter().map(|r| r.text.clone()).collect::<String>())
            .collect();
        assert_eq!(
            texts,
            vec![
                "Do".to_owned(),
                "- Danger now: call 999.".to_owned(),
                "- Stay safe".to_owned(),
                "One sign.".to_owned()
            ]
        );
    }
}
