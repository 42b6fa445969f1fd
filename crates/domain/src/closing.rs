//! Closing a case safely, and how long a closed case is kept.
//!
//! - A case is closed only with a **move-on plan**: what happens next for the person, who they can turn
//!   to, how to reach the organisation again. It is personal data (sealed like every other field).
//! - Closing schedules **follow-up check-ins** at 1, 3 and 6 calendar months ([`follow_up_dates`]), as plan
//!   actions of the caseworker, so they appear in their tasks without anyone having to remember them.
//! - A closed case is kept for the organisation's **retention period** ([`retention_expired`]), then
//!   crypto-shredded: only plaintext statistical facts remain.

use time::{Date, Duration, Month, PrimitiveDateTime};

use crate::case_record::CaseError;
use crate::referral::{PersonalText, ReferralError};

/// The longest move-on plan, in characters.
pub const MAX_MOVE_ON_PLAN_CHARS: usize = 10_000;

/// The default retention period after closure, in days: six years (6 × 365).
///
/// Six years is the period a claim for compensation or a complaint about the support given can usually
/// still be brought in England and Wales (the Limitation Act 1980's six years for contract and most
/// civil claims), and it is the period UK guidance for social care and victim-support records commonly
/// uses. An organisation can choose a shorter or longer period within [`MIN_RETENTION_DAYS`] and
/// [`MAX_RETENTION_DAYS`].
pub const DEFAULT_RETENTION_DAYS: i32 = 2190;

/// The shortest retention period an organisation can set: 30 days, so a case closed by mistake can still
/// be reopened or exported before it is erased.
pub const MIN_RETENTION_DAYS: i32 = 30;

/// The longest retention period an organisation can set: 25 years (children's records are often kept
/// until the person is 25; nothing needs longer).
pub const MAX_RETENTION_DAYS: i32 = 25 * 365;

/// The months after closure at which a follow-up check-in is scheduled.
pub const FOLLOW_UP_MONTHS: [u8; 3] = [1, 3, 6];

/// Checks a move-on plan as entered: required, at most [`MAX_MOVE_ON_PLAN_CHARS`], new lines allowed.
pub fn move_on_plan(value: &str) -> Result<PersonalText, CaseError> {
    PersonalText::parse("move_on_plan", value, MAX_MOVE_ON_PLAN_CHARS, true).map_err(|e| {
        let problem = match e {
            ReferralError::Field {
                problem: "enter a value",
                ..
            } => {
                "Enter the move-on plan: what happens next for the person, and who they can turn to"
            }
            ReferralError::Field {
                problem: "too long",
                ..
            } => "The move-on plan must be 10,000 characters or fewer",
            _ => "Remove the characters that cannot be stored",
        };
        CaseError::Field {
            field: "move_on_plan",
            problem,
        }
    })
}

/// `date` plus `months` calendar months; a day that the target month lacks becomes its last day
/// (31 January + 1 month = 28 or 29 February).
pub fn add_months(date: Date, months: u8) -> Date {
    let zero_based = i32::from(u8::from(date.month())) - 1 + i32::from(months);
    let year = date.year() + zero_based.div_euclid(12);
    let month_number = u8::try_from(zero_based.rem_euclid(12) + 1).unwrap_or(1);
    let month = Month::try_from(month_number).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// The dates of the follow-up check-ins after a case closed on `closed_on`: 1, 3 and 6 months later.
pub fn follow_up_dates(closed_on: Date) -> [Date; 3] {
    FOLLOW_UP_MONTHS.map(|m| add_months(closed_on, m))
}

/// The title of the follow-up check-in `months` after closure (sealed like every plan action's title).
pub fn follow_up_title(months: u8) -> String {
    if months == 1 {
        "Follow-up check-in (1 month after closing)".to_owned()
    } else {
        format!("Follow-up check-in ({months} months after closing)")
    }
}

/// When a case closed at `closed_at` is due for erasure with a retention period of `retention_days`.
pub fn erase_after(closed_at: PrimitiveDateTime, retention_days: i32) -> PrimitiveDateTime {
    closed_at + Duration::days(i64::from(retention_days))
}

/// Whether a case closed at `closed_at` has been kept for its whole retention period at `now`.
pub fn retention_expired(
    closed_at: PrimitiveDateTime,
    retention_days: i32,
    now: PrimitiveDateTime,
) -> bool {
    now >= erase_after(closed_at, retention_days)
}

/// Why a retention period was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the retention period must be a whole number of days from 30 to 9125 (25 years)")]
pub struct BadRetention;

/// A retention period as entered: a whole number of days within the bounds.
pub fn retention_days(value: i64) -> Result<i32, BadRetention> {
    i32::try_from(value)
        .ok()
        .filter(|d| (MIN_RETENTION_DAYS..=MAX_RETENTION_DAYS).contains(d))
        .ok_or(BadRetention)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn follow_ups_are_at_one_three_and_six_months() {
        assert_eq!(
            follow_up_dates(date!(2026 - 12 - 01)),
            [
                date!(2027 - 01 - 01),
                date!(2027 - 03 - 01),
                date!(2027 - 06 - 01)
            ]
        );
        assert_eq!(
            follow_up_dates(date!(2026 - 08 - 15)),
            [
                date!(2026 - 09 - 15),
                date!(2026 - 11 - 15),
                date!(2027 - 02 - 15)
            ]
        );
    }

    #[test]
    fn a_day_the_month_lacks_becomes_its_last_day() {
        // 2027 is not a leap year, 2028 is.
        assert_eq!(
            follow_up_dates(date!(2027 - 01 - 31)),
            [
                date!(2027 - 02 - 28),
                date!(2027 - 04 - 30),
                date!(2027 - 07 - 31)
            ]
        );
        assert_eq!(add_months(date!(2028 - 01 - 31), 1), date!(2028 - 02 - 29));
        assert_eq!(
            follow_up_dates(date!(2027 - 08 - 31)),
            [
                date!(2027 - 09 - 30),
                date!(2027 - 11 - 30),
                date!(2028 - 02 - 29)
            ]
        );
        assert_eq!(add_months(date!(2026 - 12 - 31), 6), date!(2027 - 06 - 30));
    }

    #[test]
    fn retention_ends_exactly_its_days_after_closing() {
        let closed = datetime!(2026-12-01 10:00);
        assert!(!retention_expired(
            closed,
            30,
            datetime!(2026-12-31 09:59:59)
        ));
        assert!(retention_expired(closed, 30, datetime!(2026-12-31 10:00)));
        assert!(retention_expired(closed, 30, datetime!(2027-06-01 00:00)));
        // The default: six years of 365 days (two leap days make it end on 29 November 2032).
        assert_eq!(
            erase_after(closed, DEFAULT_RETENTION_DAYS),
            datetime!(2032-11-29 10:00)
        );
    }

    #[test]
    fn retention_periods_are_bounded() {
        assert_eq!(retention_days(30), Ok(30));
        assert_eq!(retention_days(2190), Ok(2190));
        assert_eq!(retention_days(9125), Ok(9125));
        assert_eq!(retention_days(29), Err(BadRetention));
        assert_eq!(retention_days(9126), Err(BadRetention));
        assert_eq!(retention_days(-1), Err(BadRetention));
        assert_eq!(retention_days(i64::MAX), Err(BadRetention));
        assert!((MIN_RETENTION_DAYS..=MAX_RETENTION_DAYS).contains(&DEFAULT_RETENTION_DAYS));
    }

    #[test]
    fn a_move_on_plan_is_required_and_bounded() {
        assert!(move_on_plan("Moving to a new flat; GP registered; call us any time").is_ok());
        assert!(move_on_plan("two\nlines").is_ok());
        let err = |v: &str| match move_on_plan(v) {
            Err(CaseError::Field { field, problem }) => (field, problem),
            Ok(_) => ("", "accepted"),
        };
        assert_eq!(err("   ").0, "move_on_plan");
        assert!(err("   ").1.starts_with("Enter the move-on plan"));
        assert!(move_on_plan(&"x".repeat(10_000)).is_ok());
        assert!(err(&"x".repeat(10_001)).1.contains("10,000"));
        assert!(err("bell\u{7}").1.starts_with("Remove"));
    }
}
