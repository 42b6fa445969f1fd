//! The statutory clocks of the identification process, per nation, from dated data.
//!
//! Each nation's file in `content/jurisdictions/` carries its bank holidays (year by year), its clock
//! rules (the reasonable-grounds target in working days, the recovery period and the earliest conclusive
//! decision in calendar days) and the decision thresholds' wording, each rule with the dates it was in
//! force. The files are compiled in and validated when first read (the web server reads them at start):
//! rules without gaps or overlaps, every year of bank holidays present, every holiday on a weekday.
//!
//! Counting:
//! - the reasonable-grounds decision is due on the Nth working day after the referral day (the referral
//!   day itself not counted; Saturdays, Sundays and that nation's bank holidays skipped), N from the rule
//!   in force on the referral day;
//! - the recovery period ends N calendar days after the reasonable-grounds decision day, and the earliest
//!   conclusive decision is M calendar days after it, N and M from the rule in force on the decision day.
//!
//! A date outside the years that have bank-holiday data is refused with [`ClockError::OutsideData`]:
//! the clocks never guess.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;
use time::{Date, Duration, Month, Weekday};

use crate::jurisdiction::SOURCES;
use crate::vocabulary::Nation;

/// Why a clock could not be worked out. Each message is fit to show to the person who asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error(
        "{date} is outside the dates with bank holidays for {} ({first} to {last}), so the clock cannot be worked out",
        name(*nation)
    )]
    OutsideData {
        date: Date,
        nation: Nation,
        first: Date,
        last: Date,
    },
    #[error(
        "the reasonable-grounds decision ({decided}) cannot come before the referral ({referred})"
    )]
    DecisionBeforeReferral { referred: Date, decided: Date },
    #[error("no clock rule for {} is recorded for {date}", name(*nation))]
    NoRule { date: Date, nation: Nation },
}

/// A day off, besides Saturdays and Sundays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankHoliday {
    pub on: Date,
    pub name: String,
}

/// The clocks' lengths while a rule is in force: from `from` (the first day) until `until` (the first
/// day no longer in force; `None`: still in force).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockRule {
    pub from: Date,
    pub until: Option<Date>,
    pub reasonable_grounds_working_days: u32,
    pub recovery_period_days: u32,
    pub conclusive_grounds_earliest_days: u32,
    pub note: String,
}

/// The decision thresholds' wording while in force, dated like [`ClockRule`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threshold {
    pub from: Date,
    pub until: Option<Date>,
    pub reasonable_grounds: String,
    pub conclusive_grounds: String,
    pub note: String,
}

/// Anything with a period in force.
trait Dated {
    fn from(&self) -> Date;
    fn until(&self) -> Option<Date>;
    fn in_force_on(&self, date: Date) -> bool {
        self.from() <= date && self.until().is_none_or(|u| date < u)
    }
}

impl Dated for ClockRule {
    fn from(&self) -> Date {
        self.from
    }
    fn until(&self) -> Option<Date> {
        self.until
    }
}

impl Dated for Threshold {
    fn from(&self) -> Date {
        self.from
    }
    fn until(&self) -> Option<Date> {
        self.until
    }
}

/// The three dates of a referral's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clocks {
    pub reasonable_grounds_due: Date,
    /// Only once the reasonable-grounds decision day is known.
    pub recovery_period_ends: Option<Date>,
    /// Only once the reasonable-grounds decision day is known.
    pub conclusive_grounds_earliest: Option<Date>,
}

/// One nation's working days, clock rules and thresholds.
#[derive(Debug, Clone)]
pub struct Calendar {
    nation: Nation,
    first: Date,
    last: Date,
    holidays: BTreeMap<Date, String>,
    rules: Vec<ClockRule>,
    thresholds: Vec<Threshold>,
}

impl Calendar {
    /// Reads and validates a nation's file (the clock parts; contacts are read by `jurisdiction`).
    pub fn from_toml(nation: Nation, text: &str) -> Result<Calendar, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut years = file.bank_holidays;
        if years.is_empty() {
            return Err("no bank holidays are listed".into());
        }
        years.sort_by_key(|y| y.year);
        let first_year = years[0].year;
        let mut holidays = BTreeMap::new();
        for (i, y) in years.iter().enumerate() {
            let expected = first_year + i32::try_from(i).map_err(|e| e.to_string())?;
            if y.year != expected {
                return Err(format!("bank holidays for {expected} are missing"));
            }
            if y.days.is_empty() {
                return Err(format!("bank holidays for {} are empty", y.year));
            }
            for day in &y.days {
                let on = date(&day.on)?;
                if on.year() != y.year {
                    return Err(format!("{on} is listed under {}", y.year));
                }
                if is_weekend(on) {
                    return Err(format!(
                        "{on} ({}) is a {}: list the substitute day instead",
                        day.name,
                        on.weekday()
                    ));
                }
                if day.name.trim().is_empty() {
                    return Err(format!("{on} has no name"));
                }
                if holidays.insert(on, day.name.clone()).is_some() {
                    return Err(format!("{on} is listed twice"));
                }
            }
        }
        let last_year = years[years.len() - 1].year;
        let first =
            Date::from_calendar_date(first_year, Month::January, 1).map_err(|e| e.to_string())?;
        let last =
            Date::from_calendar_date(last_year, Month::December, 31).map_err(|e| e.to_string())?;

        let rules = file
            .clock_rules
            .into_iter()
            .map(|r| {
                if r.reasonable_grounds_working_days == 0
                    || r.recovery_period_days == 0
                    || r.conclusive_grounds_earliest_days == 0
                {
                    return Err(format!("the clock rule from {} has a zero length", r.from));
                }
                Ok(ClockRule {
                    from: date(&r.from)?,
                    until: r.until.as_ref().map(date).transpose()?,
                    reasonable_grounds_working_days: r.reasonable_grounds_working_days,
                    recovery_period_days: r.recovery_period_days,
                    conclusive_grounds_earliest_days: r.conclusive_grounds_earliest_days,
                    note: r.note,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        check_periods("clock_rules", &rules, first, last)?;

        let thresholds = file
            .thresholds
            .into_iter()
            .map(|t| {
                if t.reasonable_grounds.trim().is_empty() || t.conclusive_grounds.trim().is_empty()
                {
                    return Err(format!("the threshold from {} has no wording", t.from));
                }
                Ok(Threshold {
                    from: date(&t.from)?,
                    until: t.until.as_ref().map(date).transpose()?,
                    reasonable_grounds: t.reasonable_grounds,
                    conclusive_grounds: t.conclusive_grounds,
                    note: t.note,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        check_periods("thresholds", &thresholds, first, last)?;

        Ok(Calendar {
            nation,
            first,
            last,
            holidays,
            rules,
            thresholds,
        })
    }

    pub fn nation(&self) -> Nation {
        self.nation
    }

    /// The first and last days with bank-holiday data (1 January of the first year, 31 December of
    /// the last).
    pub fn covered(&self) -> (Date, Date) {
        (self.first, self.last)
    }

    /// The bank holidays, in date order.
    pub fn bank_holidays(&self) -> impl Iterator<Item = BankHoliday> + '_ {
        self.holidays.iter().map(|(on, name)| BankHoliday {
            on: *on,
            name: name.clone(),
        })
    }

    /// The clock rules, in date order.
    pub fn rules(&self) -> &[ClockRule] {
        &self.rules
    }

    /// The thresholds, in date order.
    pub fn thresholds(&self) -> &[Threshold] {
        &self.thresholds
    }

    fn check(&self, date: Date) -> Result<(), ClockError> {
        if date < self.first || date > self.last {
            return Err(ClockError::OutsideData {
                date,
                nation: self.nation,
                first: self.first,
                last: self.last,
            });
        }
        Ok(())
    }

    /// Whether `date` is a working day here: not a Saturday, Sunday or bank holiday.
    pub fn is_working_day(&self, date: Date) -> Result<bool, ClockError> {
        self.check(date)?;
        Ok(!is_weekend(date) && !self.holidays.contains_key(&date))
    }

    /// The `n`th working day after `start` (`start` itself not counted).
    pub fn working_days_after(&self, start: Date, n: u32) -> Result<Date, ClockError> {
        self.check(start)?;
        let mut day = start;
        let mut counted = 0;
        while counted < n {
            day = self.next_day(day)?;
            if self.is_working_day(day)? {
                counted += 1;
            }
        }
        Ok(day)
    }

    /// How many working days there are after `start` up to and including `end` (`start` itself not
    /// counted, as in [`Calendar::working_days_after`]; 0 when `end` is not after `start`). The inverse of
    /// `working_days_after`: `working_days_between(s, working_days_after(s, n)?)` is `n`.
    pub fn working_days_between(&self, start: Date, end: Date) -> Result<u32, ClockError> {
        self.check(start)?;
        self.check(end)?;
        let mut day = start;
        let mut counted = 0;
        while day < end {
            day = self.next_day(day)?;
            if self.is_working_day(day)? {
                counted += 1;
            }
        }
        Ok(counted)
    }

    fn next_day(&self, day: Date) -> Result<Date, ClockError> {
        match day.next_day() {
            Some(next) => Ok(next),
            None => Err(ClockError::OutsideData {
                date: day,
                nation: self.nation,
                first: self.first,
                last: self.last,
            }),
        }
    }

    /// The clock rule in force on `date`.
    pub fn rule_on(&self, date: Date) -> Result<&ClockRule, ClockError> {
        self.check(date)?;
        in_force(&self.rules, date).ok_or(ClockError::NoRule {
            date,
            nation: self.nation,
        })
    }

    /// The decision thresholds in force on `date`.
    pub fn threshold_on(&self, date: Date) -> Result<&Threshold, ClockError> {
        self.check(date)?;
        in_force(&self.thresholds, date).ok_or(ClockError::NoRule {
            date,
            nation: self.nation,
        })
    }

    /// The day the reasonable-grounds decision is due for a referral made on `referred_on`.
    pub fn reasonable_grounds_due(&self, referred_on: Date) -> Result<Date, ClockError> {
        let rule = self.rule_on(referred_on)?;
        self.working_days_after(referred_on, rule.reasonable_grounds_working_days)
    }

    /// The last day of the recovery period that a positive reasonable-grounds decision on `decided_on`
    /// starts.
    pub fn recovery_period_ends(&self, decided_on: Date) -> Result<Date, ClockError> {
        let rule = self.rule_on(decided_on)?;
        self.calendar_days_after(decided_on, rule.recovery_period_days)
    }

    /// The first day a conclusive decision may be made after a reasonable-grounds decision on
    /// `decided_on`.
    pub fn conclusive_grounds_earliest(&self, decided_on: Date) -> Result<Date, ClockError> {
        let rule = self.rule_on(decided_on)?;
        self.calendar_days_after(decided_on, rule.conclusive_grounds_earliest_days)
    }

    fn calendar_days_after(&self, day: Date, n: u32) -> Result<Date, ClockError> {
        day.checked_add(Duration::days(i64::from(n)))
            .ok_or(ClockError::OutsideData {
                date: day,
                nation: self.nation,
                first: self.first,
                last: self.last,
            })
    }

    /// Every clock of a referral made on `referred_on`, and of its reasonable-grounds decision if made.
    pub fn clocks(
        &self,
        referred_on: Date,
        reasonable_grounds_on: Option<Date>,
    ) -> Result<Clocks, ClockError> {
        let reasonable_grounds_due = self.reasonable_grounds_due(referred_on)?;
        let (recovery_period_ends, conclusive_grounds_earliest) = match reasonable_grounds_on {
            None => (None, None),
            Some(decided) if decided < referred_on => {
                return Err(ClockError::DecisionBeforeReferral {
                    referred: referred_on,
                    decided,
                });
            }
            Some(decided) => (
                Some(self.recovery_period_ends(decided)?),
                Some(self.conclusive_grounds_earliest(decided)?),
            ),
        };
        Ok(Clocks {
            reasonable_grounds_due,
            recovery_period_ends,
            conclusive_grounds_earliest,
        })
    }
}

impl fmt::Display for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "calendar of {} ({} to {})",
            self.nation, self.first, self.last
        )
    }
}

fn name(nation: Nation) -> &'static str {
    &crate::jurisdiction::jurisdiction(nation).name
}

fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

fn in_force<T: Dated>(periods: &[T], date: Date) -> Option<&T> {
    periods.iter().find(|p| p.in_force_on(date))
}

/// Periods must be in order, each ending where the next begins, the last open-ended, and together cover
/// every day from `first` to `last`.
fn check_periods<T: Dated>(
    what: &str,
    periods: &[T],
    first: Date,
    last: Date,
) -> Result<(), String> {
    let (Some(head), Some(tail)) = (periods.first(), periods.last()) else {
        return Err(format!("no {what} are listed"));
    };
    if head.from() > first {
        return Err(format!(
            "{what} start on {}, after the first day with bank holidays ({first})",
            head.from()
        ));
    }
    for pair in periods.windows(2) {
        match pair[0].until() {
            None => return Err(format!("{what}: only the last period may be open-ended")),
            Some(until) if until != pair[1].from() => {
                return Err(format!(
                    "{what}: a period ends on {until} but the next begins on {} (a gap or an overlap)",
                    pair[1].from()
                ));
            }
            Some(_) => {}
        }
    }
    for p in periods {
        if p.until().is_some_and(|u| u <= p.from()) {
            return Err(format!(
                "{what}: the period from {} ends before it begins",
                p.from()
            ));
        }
    }
    if let Some(until) = tail.until()
        && until <= last
    {
        return Err(format!(
            "{what} end on {until}, before the last day with bank holidays ({last})"
        ));
    }
    Ok(())
}

// ---- the file -------------------------------------------------------------------------------------

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    bank_holidays: Vec<YearFile>,
    #[serde(default)]
    clock_rules: Vec<RuleFile>,
    #[serde(default)]
    thresholds: Vec<ThresholdFile>,
}

#[derive(Deserialize)]
struct YearFile {
    year: i32,
    days: Vec<DayFile>,
}

#[derive(Deserialize)]
struct DayFile {
    on: toml::value::Datetime,
    name: String,
}

#[derive(Deserialize)]
struct RuleFile {
    from: toml::value::Datetime,
    until: Option<toml::value::Datetime>,
    reasonable_grounds_working_days: u32,
    recovery_period_days: u32,
    conclusive_grounds_earliest_days: u32,
    note: String,
}

#[derive(Deserialize)]
struct ThresholdFile {
    from: toml::value::Datetime,
    until: Option<toml::value::Datetime>,
    reasonable_grounds: String,
    conclusive_grounds: String,
    note: String,
}

/// A TOML local date (`2022-12-13`, no time, no offset) as a date.
fn date(value: &toml::value::Datetime) -> Result<Date, String> {
    match (value.date, value.time, value.offset) {
        (Some(d), None, None) => Month::try_from(d.month)
            .and_then(|m| Date::from_calendar_date(i32::from(d.year), m, d.day))
            .map_err(|e| format!("{value}: {e}")),
        _ => Err(format!("{value} is not a plain date (write YYYY-MM-DD)")),
    }
}

// ---- the compiled-in calendars ----------------------------------------------------------------------

fn all() -> &'static [Calendar; 3] {
    static ALL: OnceLock<[Calendar; 3]> = OnceLock::new();
    ALL.get_or_init(|| {
        SOURCES.map(|(nation, text)| match Calendar::from_toml(nation, text) {
            Ok(c) => c,
            // The files are compiled in and checked by the tests, so this cannot happen in a tested
            // build; fail at start (the web server reads them then) rather than count wrong.
            Err(e) => panic!("content/jurisdictions/{nation}.toml: {e}"),
        })
    })
}

/// A nation's calendar, read from its file.
pub fn calendar(nation: Nation) -> &'static Calendar {
    let index = Nation::ALL.iter().position(|n| *n == nation).unwrap_or(0);
    &all()[index]
}

/// Reads and validates every nation's calendar now (panicking on a broken file), so a server finds a
/// broken file at start rather than on a request.
pub fn load_all() {
    let _ = all();
}
