//! A decision body's performance figures on a staff page, `/decisions/figures`, linked from its queue: its
//! decision makers only (anyone else: the 404 page, like the queue). Tables with captions, and the share
//! within the target as a native `<meter>`, so it needs neither JavaScript nor a style attribute. Every
//! figure comes from `app.decision_figures` (defined in `waymark_domain::decision_figures`); this only
//! puts them into words.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use time::Date;
use waymark_app::App;
use waymark_domain::decision_figures::{Age, BacklogLine, Times};
use waymark_domain::disclosure::{Cell, SMALLEST_SHOWN};
use waymark_domain::formal::FormalStatus;

use super::case_record::exploitation;
use super::{Nav, render};
use crate::auth::Signed;
use crate::error::WebError;
use crate::routes::RouteTable;
use crate::views;

pub fn routes() -> RouteTable {
    RouteTable::new().route("/decisions/figures", get(figures))
}

fn day(d: Date) -> String {
    let f = time::macros::format_description!("[day] [month repr:long] [year]");
    d.format(&f).unwrap_or_default()
}

fn days(n: Option<u32>, unit: &str) -> String {
    match n {
        None => "—".into(),
        Some(1) => format!("1 {unit}"),
        Some(n) => format!("{n} {unit}s"),
    }
}

fn cell(c: Cell) -> String {
    match c {
        Cell::Shown(n) => n.to_string(),
        Cell::Hidden => "hidden".into(),
    }
}

/// One line of the decision-times table.
pub struct TimesRow {
    id: &'static str,
    decision: &'static str,
    decided: usize,
    median: String,
    p90: String,
    target: String,
}

pub struct BacklogRow {
    status: &'static str,
    by_age: [usize; 4],
    total: usize,
    overdue: usize,
}

pub struct OutcomeRow {
    kind: &'static str,
    cells: [String; 4],
}

#[derive(Template)]
#[template(path = "formal/figures.html")]
struct FiguresPage {
    nav: Nav,
    today: String,
    times: Vec<TimesRow>,
    within_target: usize,
    decided: usize,
    percent: Option<u32>,
    ages: Vec<&'static str>,
    backlog: Vec<BacklogRow>,
    all: BacklogRow,
    outcomes: Vec<OutcomeRow>,
    smallest_shown: usize,
}

/// What a waiting referral waits for, as the backlog table's row header.
fn waiting_for(s: FormalStatus) -> &'static str {
    match s {
        FormalStatus::AwaitingReasonableGrounds => "The reasonable-grounds decision",
        FormalStatus::NegativeAwaitingReview => "A second reviewer of a negative decision",
        FormalStatus::RecoveryPeriod => "The conclusive decision (in the recovery period)",
        other => other.describe(),
    }
}

fn backlog_row(l: &BacklogLine) -> BacklogRow {
    BacklogRow {
        status: waiting_for(l.status),
        by_age: l.by_age,
        total: l.total,
        overdue: l.overdue,
    }
}

fn times_row(
    id: &'static str,
    decision: &'static str,
    t: Times,
    unit: &str,
    target: String,
) -> TimesRow {
    TimesRow {
        id,
        decision,
        decided: t.decided,
        median: days(t.median, unit),
        p90: days(t.p90, unit),
        target,
    }
}

pub async fn figures(State(app): State<App>, session: Signed) -> Result<Response, WebError> {
    let f = app.decision_figures(session.account()).await?;
    // The same target everywhere (as now) reads as one number; otherwise each nation's.
    let target = match f.targets.as_slice() {
        [(_, first), rest @ ..] if rest.iter().all(|(_, d)| d == first) => {
            days(Some(*first), "working day")
        }
        many => many
            .iter()
            .map(|(n, d)| format!("{}: {}", views::nation(*n), days(Some(*d), "working day")))
            .collect::<Vec<_>>()
            .join("; "),
    };
    render(&FiguresPage {
        nav: Nav::for_session(Some(&session.0)),
        today: day(f.today),
        times: vec![
            times_row(
                "reasonable-grounds",
                "Reasonable grounds (working days after the referral day)",
                f.reasonable_grounds,
                "working day",
                target,
            ),
            times_row(
                "conclusive",
                "Conclusive grounds (days after the reasonable-grounds decision)",
                f.conclusive,
                "day",
                "none (not before the earliest date)".into(),
            ),
        ],
        within_target: f.within_target,
        decided: f.reasonable_grounds.decided,
        percent: f.within_target_percent,
        ages: Age::ALL.iter().map(|a| a.describe()).collect(),
        backlog: f.backlog.lines.iter().map(backlog_row).collect(),
        all: BacklogRow {
            status: "All waiting",
            by_age: f.backlog.by_age,
            total: f.backlog.total,
            overdue: f.backlog.overdue,
        },
        outcomes: f
            .outcomes
            .iter()
            .map(|o| OutcomeRow {
                kind: o.exploitation_type.map_or("None recorded", exploitation),
                cells: [o.rg_positive, o.rg_negative, o.cg_positive, o.cg_negative].map(cell),
            })
            .collect(),
        smallest_shown: SMALLEST_SHOWN,
    })
}
