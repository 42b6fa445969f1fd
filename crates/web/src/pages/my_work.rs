//! "My work" at `/staff`: a member of staff's tasks, open referrals and cases.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use waymark_app::App;
use waymark_domain::case_record::DueState;
use waymark_domain::{Permission, allows};

use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::views;

use super::case_record::{day, due_words, status_words};

pub struct TaskRow {
    pub(crate) case_id: String,
    pub(crate) reference: String,
    pub(crate) title: Option<String>,
    pub(crate) due: String,
    pub(crate) overdue: bool,
}

pub struct CaseRow {
    pub(crate) id: String,
    pub(crate) reference: String,
    pub(crate) opened: String,
}

pub struct StatusGroup {
    pub(crate) status: &'static str,
    pub(crate) cases: Vec<CaseRow>,
}

pub struct WaitingRow {
    pub(crate) id: String,
    pub(crate) received: String,
    pub(crate) age: String,
    pub(crate) from: String,
    pub(crate) note: Option<&'static str>,
}

/// A case whose person wrote and waits for a reply.
pub struct MessageRow {
    pub(crate) case_id: String,
    pub(crate) reference: String,
    pub(crate) since: String,
    pub(crate) age: String,
}

/// A decision body's question waiting for an answer.
pub struct QuestionRow {
    pub(crate) case_id: String,
    pub(crate) request_id: String,
    pub(crate) reference: String,
    pub(crate) body: String,
    pub(crate) asked: String,
    pub(crate) reply_by: String,
    pub(crate) overdue: bool,
}

/// "Today", "1 day", "3 days".
fn days(n: i64) -> String {
    match n {
        0 => "Today".into(),
        1 => "1 day".into(),
        n => format!("{n} days"),
    }
}

#[derive(Template)]
#[template(path = "case/my_work.html")]
struct MyWorkPage {
    pub(crate) nav: Nav,
    pub(crate) org: String,
    pub(crate) overdue: usize,
    pub(crate) tasks: Vec<TaskRow>,
    pub(crate) groups: Vec<StatusGroup>,
    pub(crate) waiting: Vec<WaitingRow>,
    pub(crate) messages: Vec<MessageRow>,
    pub(crate) questions: Vec<QuestionRow>,
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
    let messages = work
        .messages
        .into_iter()
        .map(|m| MessageRow {
            case_id: m.case_id.to_string(),
            reference: m.reference,
            since: views::date(m.since),
            age: days(m.age_days),
        })
        .collect();
    let questions = work
        .questions
        .into_iter()
        .map(|q| QuestionRow {
            case_id: q.case_id.to_string(),
            request_id: q.request_id.to_string(),
            reference: q.reference,
            body: q.decision_body,
            asked: day(q.asked_on),
            reply_by: q.reply_by.map_or_else(|| "No date given".into(), day),
            overdue: q.overdue,
        })
        .collect();
    render(&MyWorkPage {
        messages,
        questions,
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
                age: days(r.age_days),
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
