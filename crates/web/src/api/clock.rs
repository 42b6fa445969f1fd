//! The public clock of the identification process: for a nation, a referral day and (if made) the
//! reasonable-grounds decision day, the dates the statutory clocks give. No sign-in and nothing stored;
//! the counting is the domain's (`waymark_domain::clock`), over the dated rules and bank holidays of
//! `content/jurisdictions/`.

// utoipa's expansion of `get_clock`'s `params(.., ClockQuery)` names the type by a path already in scope.
#![allow(unused_qualifications)]

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::format_description;
use utoipa::{IntoParams, ToSchema};
use waymark_app::AppError;
use waymark_domain::Nation;
use waymark_domain::clock::calendar;

use crate::error::{ApiError, Problem};
use crate::routes::RouteTable;

pub(super) fn router() -> RouteTable {
    // Read and check the compiled-in rules now, so a broken file stops the server at start rather than
    // failing a request.
    waymark_domain::clock::load_all();
    RouteTable::new().route("/jurisdictions/{nation}/clock", get(clock))
}

/// The days to count from.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClockQuery {
    /// The day the referral was made, `YYYY-MM-DD`.
    #[param(required = true, value_type = String, format = Date, example = "2026-05-22")]
    referred_on: Option<String>,
    /// The day of the reasonable-grounds decision, `YYYY-MM-DD`, if it has been made (not before the
    /// referral).
    #[param(required = false, value_type = String, format = Date, example = "2026-06-03")]
    reasonable_grounds_on: Option<String>,
}

/// The dates the statutory clocks give, under the rules in force on the days given.
#[derive(Serialize, ToSchema)]
pub struct ClockResponse {
    /// The day the reasonable-grounds decision is due: the 5th working day after the referral day (the
    /// referral day not counted; weekends and the nation's bank holidays skipped).
    #[schema(format = Date, example = "2026-06-01")]
    reasonable_grounds_due: String,
    /// The last day of the recovery period a positive reasonable-grounds decision starts: its length in
    /// calendar days after the decision day is the nation's rule on that day (England and Wales 45 days
    /// before 13 December 2022 and 30 from then; Scotland 90; Northern Ireland 45). Only when
    /// `reasonable_grounds_on` is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Date, nullable = false, example = "2026-07-03")]
    recovery_period_ends: Option<String>,
    /// The first day a conclusive decision may be made: 30 calendar days after the reasonable-grounds
    /// decision day. Only when `reasonable_grounds_on` is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Date, nullable = false, example = "2026-07-03")]
    conclusive_grounds_earliest: Option<String>,
}

/// The statutory clocks of a referral in a nation (`england_wales`, `scotland`, `northern_ireland`).
/// Needs no token and stores nothing. Dates outside the years whose bank holidays are recorded are
/// refused (422) rather than guessed.
#[utoipa::path(get, path = "/jurisdictions/{nation}/clock",
    params(("nation" = String, Path, description = "`england_wales`, `scotland` or `northern_ireland`",
        example = "england_wales"), ClockQuery),
    responses((status = 200, body = ClockResponse),
        (status = 404, description = "No such nation", body = Problem),
        (status = 422, description = "A date is missing, not `YYYY-MM-DD`, outside the recorded years, or the decision is before the referral",
            body = Problem)))]
pub(super) async fn clock(
    Path(nation): Path<String>,
    query: Result<Query<ClockQuery>, QueryRejection>,
) -> Result<Json<ClockResponse>, ApiError> {
    let nation = Nation::parse(&nation).map_err(|_| ApiError::App(AppError::NotFound))?;
    let Query(q) = query.map_err(|e| invalid(e.body_text()))?;
    let referred_on = match q.referred_on.as_deref() {
        Some(text) => day("referred_on", text)?,
        None => {
            return Err(invalid(
                "Give the day of the referral as referred_on, written YYYY-MM-DD".into(),
            ));
        }
    };
    let decided_on = q
        .reasonable_grounds_on
        .as_deref()
        .map(|text| day("reasonable_grounds_on", text))
        .transpose()?;
    let clocks = calendar(nation)
        .clocks(referred_on, decided_on)
        .map_err(|e| invalid(e.to_string()))?;
    Ok(Json(ClockResponse {
        reasonable_grounds_due: iso(clocks.reasonable_grounds_due),
        recovery_period_ends: clocks.recovery_period_ends.map(iso),
        conclusive_grounds_earliest: clocks.conclusive_grounds_earliest.map(iso),
    }))
}

fn invalid(message: String) -> ApiError {
    ApiError::App(AppError::Invalid(message))
}

const ISO_DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

fn iso(date: Date) -> String {
    date.format(ISO_DATE).unwrap_or_default()
}

/// A calendar date written exactly `YYYY-MM-DD`.
fn day(field: &str, text: &str) -> Result<Date, ApiError> {
    Date::parse(text.trim(), ISO_DATE).map_err(|_| {
        invalid(format!(
            "The date in {field} must be written YYYY-MM-DD, such as 2026-05-22"
        ))
    })
}
