//! A decision body's performance figures: how long its decisions take against the target, how many
//! referrals wait and for how long, and its outcomes by kind of exploitation.
//!
//! [`figures`] is a pure function of the body's referrals — plaintext facts only (statuses, dates, the
//! nation, the exploitation types; never a personal field) — and today's date:
//!
//! - **Reasonable-grounds decision time**, in working days of the person's nation
//!   ([`crate::clock::calendar`]): the working days after the referral day up to and including the
//!   decision day (the referral day not counted, as the target counts them; a decision on the referral day
//!   took 0). Every decision in effect counts: a positive one, and a negative one a second decision maker
//!   confirmed, counted to the day the first decision maker made it (the confirmation's day is not
//!   recorded). A negative decision still waiting for its second reviewer, or set aside by them, does not
//!   count. *Within the target*: made on or before the referral's due day (the 5th working day after the
//!   referral day under the rule in force on that day, as stored with the referral).
//! - **Conclusive decision time**, in calendar days from the reasonable-grounds decision day to the
//!   conclusive decision day.
//! - **Median and 90th percentile** by the nearest-rank method: of the n times in ascending order, the one at
//!   rank ⌈p × n / 100⌉ — so the median of an even number of times is the lower of the two middle ones. It
//!   is always a time that occurred, in whole days, and there is none when nothing was decided.
//! - **Backlog**: the referrals waiting for a decision — for the reasonable-grounds decision, for a second
//!   reviewer of a negative one, or in the recovery period for the conclusive decision — by age since the
//!   referral day ([`Age`]): within the reasonable-grounds target (today on or before the due day), then up
//!   to 30, 31 to 90 and over 90 calendar days. *Overdue*: waiting for the reasonable-grounds decision after
//!   its due day, as the queue marks it.
//! - **Outcomes by exploitation type**: the reasonable-grounds and conclusive decisions in effect, positive
//!   and negative, counted under each type the referral records (a referral of two types counts under both,
//!   so a column does not add up to the number of decisions), or under "none recorded". Small cells could
//!   single someone out, so each column goes through [`disclosure::suppress`].

use std::collections::BTreeSet;

use time::Date;

use crate::clock::{ClockError, calendar};
use crate::disclosure::{self, Cell};
use crate::formal::{FormalStatus, Outcome};
use crate::vocabulary::{ExploitationType, Nation, vocabulary};

/// What the figures read of one formal referral: no personal field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionFacts {
    pub nation: Nation,
    pub status: FormalStatus,
    pub referred_on: Date,
    pub reasonable_grounds_due: Date,
    pub rg_outcome: Option<Outcome>,
    pub rg_decided_on: Option<Date>,
    pub cg_outcome: Option<Outcome>,
    pub cg_decided_on: Option<Date>,
    pub exploitation_types: Vec<ExploitationType>,
}

vocabulary! {
    /// How long a waiting referral has waited since its referral day.
    Age, "backlog age" {
        WithinTarget => "within_target",
        To30Days => "to_30_days",
        To90Days => "to_90_days",
        Over90Days => "over_90_days",
    }
}

impl Age {
    /// Plain words for the figures page.
    pub fn describe(self) -> &'static str {
        match self {
            Age::WithinTarget => "Within the reasonable-grounds target",
            Age::To30Days => "Past the target, up to 30 days",
            Age::To90Days => "31 to 90 days",
            Age::Over90Days => "Over 90 days",
        }
    }
}

/// The statuses that wait for a decision, in the order the backlog lists them.
pub const WAITING: [FormalStatus; 3] = [
    FormalStatus::AwaitingReasonableGrounds,
    FormalStatus::NegativeAwaitingReview,
    FormalStatus::RecoveryPeriod,
];

/// How long decisions took, in whole days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Times {
    /// How many decisions the times are of.
    pub decided: usize,
    pub median: Option<u32>,
    pub p90: Option<u32>,
}

/// The referrals of one waiting status by age; `by_age` in the order of [`Age::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BacklogLine {
    pub status: FormalStatus,
    pub by_age: [usize; 4],
    pub total: usize,
    pub overdue: usize,
}

/// Every referral waiting for a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backlog {
    /// One line for each of [`WAITING`], in that order (zeros included).
    pub lines: Vec<BacklogLine>,
    /// The lines added up, by age.
    pub by_age: [usize; 4],
    pub total: usize,
    pub overdue: usize,
}

/// The decisions in effect under one exploitation type (`None`: the referral records none), suppressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeLine {
    pub exploitation_type: Option<ExploitationType>,
    pub rg_positive: Cell,
    pub rg_negative: Cell,
    pub cg_positive: Cell,
    pub cg_negative: Cell,
}

/// A decision body's performance figures on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionFigures {
    pub today: Date,
    /// The reasonable-grounds target in force today in each nation, in working days.
    pub targets: Vec<(Nation, u32)>,
    /// Reasonable-grounds decisions in effect, in working days.
    pub reasonable_grounds: Times,
    /// How many of them were made on or before their due day.
    pub within_target: usize,
    /// `within_target` as a share of them, in whole percent (rounded half up); none when none was made.
    pub within_target_percent: Option<u32>,
    /// Conclusive decisions, in calendar days from the reasonable-grounds decision.
    pub conclusive: Times,
    pub backlog: Backlog,
    /// One line for each exploitation type in vocabulary order, then "none recorded" (zeros included).
    pub outcomes: Vec<OutcomeLine>,
}

/// The value at rank ⌈p × n / 100⌉ of the ascending `sorted` values (nearest rank); none when empty.
pub fn nearest_rank(sorted: &[u32], p: usize) -> Option<u32> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (p * n).div_ceil(100).clamp(1, n);
    sorted.get(rank - 1).copied()
}

fn times(mut days: Vec<u32>) -> Times {
    days.sort_unstable();
    Times {
        decided: days.len(),
        median: nearest_rank(&days, 50),
        p90: nearest_rank(&days, 90),
    }
}

/// The reasonable-grounds decision in effect: a positive one, or a negative one a second decision maker
/// confirmed (which makes the referral final as `reasonable_grounds_negative`).
fn rg_in_effect(f: &DecisionFacts) -> Option<(Outcome, Date)> {
    match (f.rg_outcome, f.rg_decided_on) {
        (Some(Outcome::Positive), Some(on)) => Some((Outcome::Positive, on)),
        (Some(Outcome::Negative), Some(on))
            if f.status == FormalStatus::ReasonableGroundsNegative =>
        {
            Some((Outcome::Negative, on))
        }
        _ => None,
    }
}

fn age(f: &DecisionFacts, today: Date) -> Age {
    let days = (today - f.referred_on).whole_days();
    if today <= f.reasonable_grounds_due {
        Age::WithinTarget
    } else if days <= 30 {
        Age::To30Days
    } else if days <= 90 {
        Age::To90Days
    } else {
        Age::Over90Days
    }
}

fn percent(part: usize, whole: usize) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    u32::try_from((part * 200 + whole) / (2 * whole)).ok()
}

/// The figures of `referrals` on `today` (see the module's documentation for every definition). Refused
/// with the clock's error for a date outside the years with bank holidays, or a decision recorded before
/// its referral day.
pub fn figures(referrals: &[DecisionFacts], today: Date) -> Result<DecisionFigures, ClockError> {
    let targets = Nation::ALL
        .iter()
        .map(|n| {
            calendar(*n)
                .rule_on(today)
                .map(|r| (*n, r.reasonable_grounds_working_days))
        })
        .collect::<Result<Vec<_>, _>>()?;

    let mut rg_days = Vec::new();
    let mut within_target = 0;
    let mut cg_days = Vec::new();
    for f in referrals {
        let Some((_, rg_on)) = rg_in_effect(f) else {
            continue;
        };
        if rg_on < f.referred_on {
            return Err(ClockError::DecisionBeforeReferral {
                referred: f.referred_on,
                decided: rg_on,
            });
        }
        rg_days.push(calendar(f.nation).working_days_between(f.referred_on, rg_on)?);
        if rg_on <= f.reasonable_grounds_due {
            within_target += 1;
        }
        if let (Some(_), Some(cg_on)) = (f.cg_outcome, f.cg_decided_on) {
            let days = (cg_on - rg_on).whole_days().max(0);
            cg_days.push(u32::try_from(days).unwrap_or(u32::MAX));
        }
    }
    let reasonable_grounds = times(rg_days);
    let within_target_percent = percent(within_target, reasonable_grounds.decided);

    let mut lines: Vec<BacklogLine> = WAITING
        .iter()
        .map(|s| BacklogLine {
            status: *s,
            by_age: [0; 4],
            total: 0,
            overdue: 0,
        })
        .collect();
    for f in referrals {
        let Some(line) = lines.iter_mut().find(|l| l.status == f.status) else {
            continue;
        };
        let a = age(f, today);
        if let Some(i) = Age::ALL.iter().position(|x| *x == a) {
            line.by_age[i] += 1;
        }
        line.total += 1;
        if f.status == FormalStatus::AwaitingReasonableGrounds && f.reasonable_grounds_due < today {
            line.overdue += 1;
        }
    }
    let mut by_age = [0; 4];
    for l in &lines {
        for (sum, n) in by_age.iter_mut().zip(l.by_age) {
            *sum += n;
        }
    }
    let backlog = Backlog {
        by_age,
        total: lines.iter().map(|l| l.total).sum(),
        overdue: lines.iter().map(|l| l.overdue).sum(),
        lines,
    };

    Ok(DecisionFigures {
        today,
        targets,
        reasonable_grounds,
        within_target,
        within_target_percent,
        conclusive: times(cg_days),
        backlog,
        outcomes: outcomes(referrals),
    })
}

fn outcomes(referrals: &[DecisionFacts]) -> Vec<OutcomeLine> {
    let rows: Vec<Option<ExploitationType>> = ExploitationType::ALL
        .iter()
        .copied()
        .map(Some)
        .chain([None])
        .collect();
    // rg positive, rg negative, cg positive, cg negative: one column each, one count per row.
    let mut columns = [(); 4].map(|_| vec![0usize; rows.len()]);
    for f in referrals {
        let types: BTreeSet<ExploitationType> = f.exploitation_types.iter().copied().collect();
        let under: Vec<usize> = if types.is_empty() {
            vec![rows.len() - 1]
        } else {
            rows.iter()
                .enumerate()
                .filter(|(_, r)| r.is_some_and(|t| types.contains(&t)))
                .map(|(i, _)| i)
                .collect()
        };
        let rg = rg_in_effect(f).map(|(o, _)| o);
        let cg = f.cg_outcome.filter(|_| f.cg_decided_on.is_some());
        for (column, counted) in [
            (0, rg == Some(Outcome::Positive)),
            (1, rg == Some(Outcome::Negative)),
            (2, cg == Some(Outcome::Positive)),
            (3, cg == Some(Outcome::Negative)),
        ] {
            if counted {
                for i in &under {
                    columns[column][*i] += 1;
                }
            }
        }
    }
    let [rgp, rgn, cgp, cgn] = columns.map(|c| disclosure::suppress(&c));
    rows.into_iter()
        .enumerate()
        .map(|(i, t)| OutcomeLine {
            exploitation_type: t,
            rg_positive: rgp[i],
            rg_negative: rgn[i],
            cg_positive: cgp[i],
            cg_negative: cgn[i],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclosure::Cell::{Hidden, Shown};
    use FormalStatus::*;
    use time::macros::date;

    fn referred(nation: Nation, on: Date) -> DecisionFacts {
        DecisionFacts {
            nation,
            status: AwaitingReasonableGrounds,
            referred_on: on,
            reasonable_grounds_due: calendar(nation).reasonable_grounds_due(on).expect("due"),
            rg_outcome: None,
            rg_decided_on: None,
            cg_outcome: None,
            cg_decided_on: None,
            exploitation_types: vec![],
        }
    }

    fn rg(mut f: DecisionFacts, outcome: Outcome, on: Date) -> DecisionFacts {
        f.status = match outcome {
            Outcome::Positive => RecoveryPeriod,
            Outcome::Negative => ReasonableGroundsNegative,
        };
        f.rg_outcome = Some(outcome);
        f.rg_decided_on = Some(on);
        f
    }

    fn cg(mut f: DecisionFacts, outcome: Outcome, on: Date) -> DecisionFacts {
        f.status = match outcome {
            Outcome::Positive => ConclusivePositive,
            Outcome::Negative => ConclusiveNegative,
        };
        f.cg_outcome = Some(outcome);
        f.cg_decided_on = Some(on);
        f
    }

    fn typed(mut f: DecisionFacts, types: &[ExploitationType]) -> DecisionFacts {
        f.exploitation_types = types.to_vec();
        f
    }

    const EW: Nation = Nation::EnglandWales;

    #[test]
    fn nearest_rank_takes_the_value_at_the_rounded_up_rank() {
        assert_eq!(nearest_rank(&[], 50), None);
        assert_eq!(nearest_rank(&[7], 50), Some(7));
        assert_eq!(nearest_rank(&[7], 90), Some(7));
        // n = 4: median rank ⌈2⌉ = 2 (the lower middle value, not 2.5); p90 rank ⌈3.6⌉ = 4.
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 50), Some(2));
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 90), Some(4));
        // n = 10: p90 rank 9; n = 11: p90 rank ⌈9.9⌉ = 10.
        let ten: Vec<u32> = (1..=10).collect();
        assert_eq!(nearest_rank(&ten, 90), Some(9));
        let eleven: Vec<u32> = (1..=11).collect();
        assert_eq!(nearest_rank(&eleven, 90), Some(10));
        assert_eq!(nearest_rank(&eleven, 50), Some(6));
    }

    #[test]
    fn working_days_are_counted_after_the_referral_day_skipping_the_nations_bank_holidays() {
        // Easter 2029: Good Friday 30 March everywhere, Easter Monday 2 April in England and Wales and in
        // Northern Ireland, not in Scotland.
        let ew = calendar(EW);
        let sc = calendar(Nation::Scotland);
        let (thu, tue) = (date!(2029 - 03 - 29), date!(2029 - 04 - 03));
        assert_eq!(ew.working_days_between(thu, tue), Ok(1));
        assert_eq!(sc.working_days_between(thu, tue), Ok(2));
        assert_eq!(ew.working_days_between(thu, thu), Ok(0));
        assert_eq!(ew.working_days_between(tue, thu), Ok(0));
        // The inverse of working_days_after, across the holidays.
        for n in 0..12 {
            let end = ew.working_days_after(thu, n).expect("date");
            assert_eq!(ew.working_days_between(thu, end), Ok(n), "{n}");
        }
    }

    #[test]
    fn reasonable_grounds_times_are_working_days_with_median_p90_and_the_share_within_target() {
        let today = date!(2029 - 04 - 20);
        let rows = vec![
            // Thu 29 Mar → Tue 3 Apr: Fri 30 (Good Friday), the weekend and Mon 2 (Easter Monday) are not
            // working days, so 1. Due Mon 9 Apr: within.
            rg(
                referred(EW, date!(2029 - 03 - 29)),
                Outcome::Positive,
                date!(2029 - 04 - 03),
            ),
            // Mon 26 Mar → Tue 3 Apr: 27, 28, 29, then 3 Apr: 4. Due Wed 4 Apr: within.
            rg(
                referred(EW, date!(2029 - 03 - 26)),
                Outcome::Positive,
                date!(2029 - 04 - 03),
            ),
            // Mon 19 Mar → Wed 28 Mar: 20–23 and 26–28: 7. Due Mon 26 Mar: late.
            rg(
                referred(EW, date!(2029 - 03 - 19)),
                Outcome::Positive,
                date!(2029 - 03 - 28),
            ),
            // Decided on the referral day: 0.
            rg(
                referred(EW, date!(2029 - 03 - 21)),
                Outcome::Positive,
                date!(2029 - 03 - 21),
            ),
            // A confirmed negative, Fri 23 Mar → Fri 6 Apr: 26–29 and 3–6 Apr: 8. Due Tue 3 Apr: late.
            rg(
                referred(EW, date!(2029 - 03 - 23)),
                Outcome::Negative,
                date!(2029 - 04 - 06),
            ),
            // A negative waiting for its second reviewer is not in effect: not counted.
            DecisionFacts {
                status: NegativeAwaitingReview,
                ..rg(
                    referred(EW, date!(2029 - 03 - 01)),
                    Outcome::Negative,
                    date!(2029 - 04 - 19),
                )
            },
            // Nor one that was never confirmed before the referral was withdrawn.
            DecisionFacts {
                status: Withdrawn,
                ..rg(
                    referred(EW, date!(2029 - 03 - 01)),
                    Outcome::Negative,
                    date!(2029 - 04 - 19),
                )
            },
        ];
        assert_eq!(rows[0].reasonable_grounds_due, date!(2029 - 04 - 09));
        assert_eq!(rows[1].reasonable_grounds_due, date!(2029 - 04 - 04));
        assert_eq!(rows[2].reasonable_grounds_due, date!(2029 - 03 - 26));
        assert_eq!(rows[4].reasonable_grounds_due, date!(2029 - 04 - 03));
        let f = figures(&rows, today).expect("figures");
        // Times in order: 0, 1, 4, 7, 8. Median rank ⌈2.5⌉ = 3 → 4; p90 rank ⌈4.5⌉ = 5 → 8.
        assert_eq!(
            f.reasonable_grounds,
            Times {
                decided: 5,
                median: Some(4),
                p90: Some(8)
            }
        );
        assert_eq!(f.within_target, 3);
        assert_eq!(f.within_target_percent, Some(60));
        assert!(
            f.targets.iter().all(|(_, days)| *days == 5),
            "{:?}",
            f.targets
        );
        assert_eq!(f.targets.len(), Nation::ALL.len());
        // The same dates in Scotland, where Easter Monday is a working day: 2 working days, not 1.
        let scot = figures(
            &[rg(
                referred(Nation::Scotland, date!(2029 - 03 - 29)),
                Outcome::Positive,
                date!(2029 - 04 - 03),
            )],
            today,
        )
        .expect("figures");
        assert_eq!(scot.reasonable_grounds.median, Some(2));
    }

    #[test]
    fn conclusive_times_are_calendar_days_from_the_reasonable_grounds_decision() {
        let rows = [
            // 3 Apr → 3 May: 30 days.
            cg(
                rg(
                    referred(EW, date!(2029 - 03 - 29)),
                    Outcome::Positive,
                    date!(2029 - 04 - 03),
                ),
                Outcome::Positive,
                date!(2029 - 05 - 03),
            ),
            // 3 Apr → 14 May: 41 days.
            cg(
                rg(
                    referred(EW, date!(2029 - 03 - 26)),
                    Outcome::Positive,
                    date!(2029 - 04 - 03),
                ),
                Outcome::Negative,
                date!(2029 - 05 - 14),
            ),
            // Still in the recovery period: no conclusive time.
            rg(
                referred(EW, date!(2029 - 04 - 02)),
                Outcome::Positive,
                date!(2029 - 04 - 05),
            ),
        ];
        let f = figures(&rows, date!(2029 - 06 - 01)).expect("figures");
        // n = 2: median rank 1 → 30; p90 rank ⌈1.8⌉ = 2 → 41.
        assert_eq!(
            f.conclusive,
            Times {
                decided: 2,
                median: Some(30),
                p90: Some(41)
            }
        );
        assert_eq!(f.reasonable_grounds.decided, 3);
        assert_eq!(f.within_target_percent, Some(100));
    }

    #[test]
    fn nothing_decided_gives_no_times_rather_than_zero() {
        let f = figures(
            &[referred(EW, date!(2029 - 04 - 25))],
            date!(2029 - 04 - 30),
        )
        .expect("ok");
        assert_eq!(f.reasonable_grounds, Times::default());
        assert_eq!(f.within_target_percent, None);
        assert_eq!(f.conclusive.median, None);
        assert_eq!(
            figures(&[], date!(2029 - 04 - 30))
                .expect("ok")
                .backlog
                .total,
            0
        );
    }

    #[test]
    fn the_backlog_counts_waiting_referrals_by_age_since_referral_and_the_overdue() {
        let today = date!(2029 - 04 - 30); // a Monday
        let waiting = |on| referred(EW, on);
        let rows = vec![
            // Due Wed 2 May: within the target.
            waiting(date!(2029 - 04 - 25)),
            // 14 days, due 23 Apr: to 30 days, overdue.
            waiting(date!(2029 - 04 - 16)),
            // Exactly 30 days (a Saturday referral) and 31 days.
            waiting(date!(2029 - 03 - 31)),
            waiting(date!(2029 - 03 - 30)),
            // Exactly 90 days and 91.
            waiting(date!(2029 - 01 - 30)),
            waiting(date!(2029 - 01 - 29)),
            // 60 days, a negative waiting for its second reviewer: 31 to 90, not marked overdue.
            DecisionFacts {
                status: NegativeAwaitingReview,
                ..rg(
                    waiting(date!(2029 - 03 - 01)),
                    Outcome::Negative,
                    date!(2029 - 03 - 02),
                )
            },
            // In the recovery period: 118 days, and one decided the day after its referral, still within the
            // first 5 working days.
            rg(
                waiting(date!(2029 - 01 - 02)),
                Outcome::Positive,
                date!(2029 - 01 - 05),
            ),
            rg(
                waiting(date!(2029 - 04 - 25)),
                Outcome::Positive,
                date!(2029 - 04 - 26),
            ),
            // Decided or closed: not waiting.
            cg(
                rg(
                    waiting(date!(2029 - 01 - 02)),
                    Outcome::Positive,
                    date!(2029 - 01 - 05),
                ),
                Outcome::Positive,
                date!(2029 - 02 - 20),
            ),
            rg(
                waiting(date!(2029 - 01 - 02)),
                Outcome::Negative,
                date!(2029 - 01 - 05),
            ),
            DecisionFacts {
                status: Missing,
                ..waiting(date!(2029 - 01 - 02))
            },
        ];
        let b = figures(&rows, today).expect("figures").backlog;
        let line = |s| {
            b.lines
                .iter()
                .find(|l| l.status == s)
                .expect("line")
                .clone()
        };
        assert_eq!(
            b.lines.iter().map(|l| l.status).collect::<Vec<_>>(),
            WAITING.to_vec()
        );
        let awaiting = line(AwaitingReasonableGrounds);
        assert_eq!(awaiting.by_age, [1, 2, 2, 1]);
        assert_eq!((awaiting.total, awaiting.overdue), (6, 5));
        let review = line(NegativeAwaitingReview);
        assert_eq!(review.by_age, [0, 0, 1, 0]);
        assert_eq!((review.total, review.overdue), (1, 0));
        let recovery = line(RecoveryPeriod);
        assert_eq!(recovery.by_age, [1, 0, 0, 1]);
        assert_eq!((recovery.total, recovery.overdue), (2, 0));
        assert_eq!(b.by_age, [2, 2, 3, 2]);
        assert_eq!((b.total, b.overdue), (9, 5));
    }

    #[test]
    fn outcomes_count_under_each_type_and_small_cells_are_hidden() {
        use ExploitationType::*;
        let today = date!(2029 - 06 - 01);
        let positive = |types: &[ExploitationType]| {
            typed(
                rg(
                    referred(EW, date!(2029 - 03 - 29)),
                    Outcome::Positive,
                    date!(2029 - 04 - 03),
                ),
                types,
            )
        };
        let mut rows = vec![positive(&[Labour]); 5];
        rows.push(positive(&[Labour, Sexual]));
        rows.push(positive(&[Sexual]));
        rows.push(positive(&[]));
        // One confirmed negative (criminal), and one only proposed: not in effect.
        rows.push(typed(
            rg(
                referred(EW, date!(2029 - 03 - 29)),
                Outcome::Negative,
                date!(2029 - 04 - 03),
            ),
            &[Criminal],
        ));
        rows.push(DecisionFacts {
            status: NegativeAwaitingReview,
            ..rows[8].clone()
        });
        // Five conclusive positives, all labour (five of the labour referrals above, decided again).
        for r in rows.iter_mut().take(5) {
            *r = cg(r.clone(), Outcome::Positive, date!(2029 - 05 - 03));
        }
        let f = figures(&rows, today).expect("figures");
        let o = |t: Option<ExploitationType>| {
            f.outcomes
                .iter()
                .find(|l| l.exploitation_type == t)
                .expect("line")
                .clone()
        };
        assert_eq!(f.outcomes.len(), ExploitationType::ALL.len() + 1);
        assert_eq!(f.outcomes.last().map(|l| l.exploitation_type), Some(None));
        // Reasonable grounds positive: sexual 2 and none recorded 1 are hidden (two hidden: no more);
        // labour 6 is shown; the zeros are shown.
        let rgp: Vec<Cell> = f.outcomes.iter().map(|l| l.rg_positive).collect();
        assert_eq!(
            rgp,
            vec![
                Hidden,
                Shown(6),
                Shown(0),
                Shown(0),
                Shown(0),
                Shown(0),
                Hidden
            ]
        );
        // Reasonable grounds negative: criminal 1 is hidden, and with it the smallest other cell (the
        // first zero, sexual), so the known number of decisions cannot give it back.
        assert_eq!(o(Some(Criminal)).rg_negative, Hidden);
        assert_eq!(o(Some(Sexual)).rg_negative, Hidden);
        assert_eq!(o(Some(Labour)).rg_negative, Shown(0));
        assert_eq!(o(Some(Labour)).cg_positive, Shown(5));
        assert_eq!(o(None).cg_positive, Shown(0));
        assert!(f.outcomes.iter().all(|l| l.cg_negative == Shown(0)));
        // Each referral counted once in the times, whatever its types.
        assert_eq!(f.reasonable_grounds.decided, 9);
        assert_eq!(f.conclusive.decided, 5);
    }

    #[test]
    fn a_date_outside_the_calendars_or_a_decision_before_its_referral_is_refused() {
        assert!(matches!(
            figures(&[], date!(2040 - 01 - 01)),
            Err(ClockError::OutsideData { .. })
        ));
        let wrong = rg(
            referred(EW, date!(2029 - 04 - 10)),
            Outcome::Positive,
            date!(2029 - 04 - 09),
        );
        assert!(matches!(
            figures(&[wrong], date!(2029 - 04 - 30)),
            Err(ClockError::DecisionBeforeReferral { .. })
        ));
    }
}
