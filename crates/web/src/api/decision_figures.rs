//! A decision body's performance figures in the API: `GET /decision-figures`, for its own decision makers
//! only (anyone else: 404, like the queue). Every figure is defined in `waymark_domain::decision_figures`;
//! nothing is computed here.

use axum::Json;
use axum::extract::State;
use axum::routing::get;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};
use waymark_app::App;
use waymark_domain::decision_figures::{BacklogLine, DecisionFigures, Times};

use crate::auth::ApiUser;
use crate::error::{ApiError, Problem};
use crate::routes::RouteTable;

pub(super) fn router() -> RouteTable {
    RouteTable::new().route("/decision-figures", get(decision_figures))
}

/// This part's OpenAPI paths and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(
    paths(decision_figures),
    components(schemas(
        DecisionFiguresResponse,
        TargetBody,
        ReasonableGroundsFigures,
        ConclusiveFigures,
        BacklogBody,
        BacklogLineBody,
        OutcomeBody,
        Problem
    ))
)]
pub(super) struct DecisionFiguresDoc;

fn day(d: time::Date) -> String {
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// The reasonable-grounds target in force in a nation.
#[derive(Serialize, ToSchema)]
pub struct TargetBody {
    /// `england_wales`, `scotland` or `northern_ireland`.
    nation: String,
    /// The decision is due on this working day after the referral day.
    working_days: u32,
}

/// How long reasonable-grounds decisions took, in working days of the person's nation after the referral
/// day (the referral day not counted). Every decision in effect counts: a positive one, and a negative one
/// a second decision maker confirmed (to the day it was first made).
#[derive(Serialize, ToSchema)]
pub struct ReasonableGroundsFigures {
    /// How many decisions the times are of.
    decided: usize,
    /// Nearest-rank median (the lower middle value of an even count); null when none was made.
    median_working_days: Option<u32>,
    /// Nearest-rank 90th percentile: the value at rank ⌈0.9 × n⌉; null when none was made.
    p90_working_days: Option<u32>,
    /// Decisions made on or before their due day.
    within_target: usize,
    /// `within_target` as a whole percentage of `decided` (rounded half up); null when none was made.
    within_target_percent: Option<u32>,
    /// The target in force today in each nation.
    targets: Vec<TargetBody>,
}

/// How long conclusive decisions took, in calendar days after the reasonable-grounds decision day.
#[derive(Serialize, ToSchema)]
pub struct ConclusiveFigures {
    decided: usize,
    /// Nearest-rank median; null when none was made.
    median_days: Option<u32>,
    /// Nearest-rank 90th percentile; null when none was made.
    p90_days: Option<u32>,
}

/// Referrals waiting for a decision, by age since the referral day.
#[derive(Serialize, ToSchema)]
pub struct BacklogLineBody {
    /// `awaiting_reasonable_grounds`, `negative_awaiting_review` or `recovery_period`.
    status: String,
    /// Today is on or before the reasonable-grounds due day (the first 5 working days).
    within_target: usize,
    /// Past the due day, up to 30 calendar days.
    to_30_days: usize,
    /// 31 to 90 calendar days.
    to_90_days: usize,
    /// Over 90 calendar days.
    over_90_days: usize,
    total: usize,
    /// Waiting for the reasonable-grounds decision after its due day (as the queue marks it).
    overdue: usize,
}

/// The backlog: one line for each waiting status, and their totals.
#[derive(Serialize, ToSchema)]
pub struct BacklogBody {
    by_status: Vec<BacklogLineBody>,
    within_target: usize,
    to_30_days: usize,
    to_90_days: usize,
    over_90_days: usize,
    total: usize,
    overdue: usize,
}

/// Decisions in effect under one exploitation type. A referral of several types counts under each. A
/// count is null when it is hidden by small-cell suppression: 1 to 4, and one more cell of the same column
/// when only one would be hidden.
#[derive(Serialize, ToSchema)]
pub struct OutcomeBody {
    /// An `exploitation_types` id; null for referrals that record none.
    exploitation_type: Option<String>,
    reasonable_grounds_positive: Option<usize>,
    reasonable_grounds_negative: Option<usize>,
    conclusive_grounds_positive: Option<usize>,
    conclusive_grounds_negative: Option<usize>,
}

/// A decision body's performance figures on a day. Counts of statuses and dates only: no personal field.
#[derive(Serialize, ToSchema)]
pub struct DecisionFiguresResponse {
    /// The day the figures are for (ISO date).
    today: String,
    reasonable_grounds: ReasonableGroundsFigures,
    conclusive_grounds: ConclusiveFigures,
    backlog: BacklogBody,
    /// Every exploitation type in vocabulary order, then the referrals with none recorded.
    outcomes: Vec<OutcomeBody>,
}

fn line(l: &BacklogLine) -> BacklogLineBody {
    let [within_target, to_30_days, to_90_days, over_90_days] = l.by_age;
    BacklogLineBody {
        status: l.status.as_str().into(),
        within_target,
        to_30_days,
        to_90_days,
        over_90_days,
        total: l.total,
        overdue: l.overdue,
    }
}

fn response(f: DecisionFigures) -> DecisionFiguresResponse {
    let Times {
        decided,
        median,
        p90,
    } = f.reasonable_grounds;
    let [within_target, to_30_days, to_90_days, over_90_days] = f.backlog.by_age;
    DecisionFiguresResponse {
        today: day(f.today),
        reasonable_grounds: ReasonableGroundsFigures {
            decided,
            median_working_days: median,
            p90_working_days: p90,
            within_target: f.within_target,
            within_target_percent: f.within_target_percent,
            targets: f
                .targets
                .iter()
                .map(|(n, days)| TargetBody {
                    nation: n.as_str().into(),
                    working_days: *days,
                })
                .collect(),
        },
        conclusive_grounds: ConclusiveFigures {
            decided: f.conclusive.decided,
            median_days: f.conclusive.median,
            p90_days: f.conclusive.p90,
        },
        backlog: BacklogBody {
            by_status: f.backlog.lines.iter().map(line).collect(),
            within_target,
            to_30_days,
            to_90_days,
            over_90_days,
            total: f.backlog.total,
            overdue: f.backlog.overdue,
        },
        outcomes: f
            .outcomes
            .iter()
            .map(|o| OutcomeBody {
                exploitation_type: o.exploitation_type.map(|t| t.as_str().into()),
                reasonable_grounds_positive: o.rg_positive.shown(),
                reasonable_grounds_negative: o.rg_negative.shown(),
                conclusive_grounds_positive: o.cg_positive.shown(),
                conclusive_grounds_negative: o.cg_negative.shown(),
            })
            .collect(),
    }
}

/// The caller's decision body's performance figures today: decision times against the target (nearest-rank
/// median and 90th percentile), the backlog by age, and the outcomes by exploitation type (small-cell
/// suppressed). Its decision makers only (anyone else: 404). An audited read.
#[utoipa::path(get, path = "/decision-figures", tag = "formal", security(("bearer" = [])),
    responses((status = 200, body = DecisionFiguresResponse),
        (status = 404, body = Problem)))]
async fn decision_figures(
    State(app): State<App>,
    ApiUser(account): ApiUser,
) -> Result<Json<DecisionFiguresResponse>, ApiError> {
    Ok(Json(response(app.decision_figures(&account).await?)))
}
