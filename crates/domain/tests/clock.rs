//! The statutory clocks against dates worked out by hand (each test says how), and the content of
//! `content/jurisdictions/`: every year of bank holidays present and matching the usual pattern plus the
//! one-off days, rules and thresholds with no gap and no overlap.

// Test code: a failed `expect` is the failing test, with its message. The workspace denies `expect`, and
// clippy.toml allows it only inside `#[test]` functions and `#[cfg(test)]` modules, not in the helpers here.
#![allow(clippy::expect_used)]

use std::collections::BTreeSet;

use time::macros::date;
use time::{Date, Month, Weekday};
use waymark_domain::Nation;
use waymark_domain::clock::{Calendar, ClockError, Clocks, calendar};

const EW: Nation = Nation::EnglandWales;
const SC: Nation = Nation::Scotland;
const NI: Nation = Nation::NorthernIreland;

fn due(nation: Nation, referred: Date) -> Date {
    calendar(nation)
        .reasonable_grounds_due(referred)
        .unwrap_or_else(|e| panic!("{nation} {referred}: {e}"))
}

fn recovery(nation: Nation, decided: Date) -> Date {
    calendar(nation)
        .recovery_period_ends(decided)
        .unwrap_or_else(|e| panic!("{nation} {decided}: {e}"))
}

fn earliest(nation: Nation, decided: Date) -> Date {
    calendar(nation)
        .conclusive_grounds_earliest(decided)
        .unwrap_or_else(|e| panic!("{nation} {decided}: {e}"))
}

// ---- the reasonable-grounds target: 5 working days ---------------------------------------------------

#[test]
fn an_ordinary_week_counts_five_weekdays_after_the_referral_day() {
    // Wed 10 Jun 2026: Thu 11 (1), Fri 12 (2), Mon 15 (3), Tue 16 (4), Wed 17 (5). No holiday in E&W.
    assert_eq!(due(EW, date!(2026 - 06 - 10)), date!(2026 - 06 - 17));
    // Mon 8 Jun 2026: Tue 9 .. Fri 12 (4), Mon 15 (5).
    assert_eq!(due(EW, date!(2026 - 06 - 08)), date!(2026 - 06 - 15));
}

#[test]
fn a_referral_on_a_weekend_or_holiday_counts_from_the_next_working_day() {
    // Sat 6 Jun 2026: Mon 8 (1), Tue 9, Wed 10, Thu 11, Fri 12 (5).
    assert_eq!(due(EW, date!(2026 - 06 - 06)), date!(2026 - 06 - 12));
    // Mon 25 May 2026 is the spring bank holiday: Tue 26 (1) .. Fri 29 (4), Mon 1 Jun (5).
    assert_eq!(due(EW, date!(2026 - 05 - 25)), date!(2026 - 06 - 01));
}

#[test]
fn a_friday_referral_before_a_bank_holiday_monday() {
    // Fri 22 May 2026, spring bank holiday Mon 25 May (all nations): Tue 26 (1), Wed 27, Thu 28, Fri 29
    // (4), Mon 1 Jun (5). Without the holiday it would be Fri 29 May.
    for nation in Nation::ALL {
        assert_eq!(
            due(*nation, date!(2026 - 05 - 22)),
            date!(2026 - 06 - 01),
            "{nation}"
        );
    }
}

#[test]
fn each_nation_skips_only_its_own_bank_holidays() {
    // Fri 28 Aug 2026. E&W and NI: summer bank holiday Mon 31 Aug, so Tue 1 Sep (1) .. Fri 4 (4), Mon 7
    // (5). Scotland had its summer holiday on 3 Aug: Mon 31 Aug (1) .. Fri 4 Sep (5).
    assert_eq!(due(EW, date!(2026 - 08 - 28)), date!(2026 - 09 - 07));
    assert_eq!(due(NI, date!(2026 - 08 - 28)), date!(2026 - 09 - 07));
    assert_eq!(due(SC, date!(2026 - 08 - 28)), date!(2026 - 09 - 04));

    // Fri 10 Jul 2026. NI: the Battle of the Boyne (Sun 12 Jul) is taken on Mon 13, so Tue 14 (1) ..
    // Fri 17 (4), Mon 20 (5). Elsewhere Mon 13 (1) .. Fri 17 (5).
    assert_eq!(due(NI, date!(2026 - 07 - 10)), date!(2026 - 07 - 20));
    assert_eq!(due(EW, date!(2026 - 07 - 10)), date!(2026 - 07 - 17));
    assert_eq!(due(SC, date!(2026 - 07 - 10)), date!(2026 - 07 - 17));

    // Fri 14 Mar 2025. NI: St Patrick's Day Mon 17 Mar, so Tue 18 (1) .. Fri 21 (4), Mon 24 (5).
    // E&W: Mon 17 (1) .. Fri 21 (5).
    assert_eq!(due(NI, date!(2025 - 03 - 14)), date!(2025 - 03 - 24));
    assert_eq!(due(EW, date!(2025 - 03 - 14)), date!(2025 - 03 - 21));

    // Fri 27 Nov 2026. Scotland: St Andrew's Day Mon 30 Nov, so Tue 1 Dec (1) .. Fri 4 (4), Mon 7 (5).
    // E&W: Mon 30 Nov (1) .. Fri 4 Dec (5).
    assert_eq!(due(SC, date!(2026 - 11 - 27)), date!(2026 - 12 - 07));
    assert_eq!(due(EW, date!(2026 - 11 - 27)), date!(2026 - 12 - 04));

    // Fri 29 Nov 2024. Scotland: St Andrew's Day is Sat 30 Nov, taken on Mon 2 Dec: Tue 3 (1) .. Fri 6
    // (4), Mon 9 (5). E&W: Mon 2 (1) .. Fri 6 (5).
    assert_eq!(due(SC, date!(2024 - 11 - 29)), date!(2024 - 12 - 09));
    assert_eq!(due(EW, date!(2024 - 11 - 29)), date!(2024 - 12 - 06));

    // Fri 12 Jun 2026. Scotland's one-off holiday Mon 15 Jun (World Cup): Tue 16 (1) .. Fri 19 (4),
    // Mon 22 (5). E&W: Mon 15 (1) .. Fri 19 (5).
    assert_eq!(due(SC, date!(2026 - 06 - 12)), date!(2026 - 06 - 22));
    assert_eq!(due(EW, date!(2026 - 06 - 12)), date!(2026 - 06 - 19));

    // Wed 24 Mar 2027: Thu 25 (1), Fri 26 Good Friday everywhere, Mon 29 Easter Monday in E&W and NI
    // but not in Scotland.
    //   E&W: Thu 25 (1), Tue 30 (2), Wed 31 (3), Thu 1 Apr (4), Fri 2 (5).
    //   Scotland: Thu 25 (1), Mon 29 (2), Tue 30 (3), Wed 31 (4), Thu 1 Apr (5).
    assert_eq!(due(EW, date!(2027 - 03 - 24)), date!(2027 - 04 - 02));
    assert_eq!(due(NI, date!(2027 - 03 - 24)), date!(2027 - 04 - 02));
    assert_eq!(due(SC, date!(2027 - 03 - 24)), date!(2027 - 04 - 01));
}

#[test]
fn across_christmas_and_new_year_2026_in_each_nation() {
    // Wed 23 Dec 2026. Christmas Fri 25; Boxing Day Sat 26, taken Mon 28; New Year Fri 1 Jan 2027;
    // Scotland's 2 January is a Saturday, taken Mon 4 Jan.
    //   E&W and NI: Thu 24 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), Mon 4 Jan (5).
    //   Scotland:   Thu 24 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), Tue 5 Jan (5).
    assert_eq!(due(EW, date!(2026 - 12 - 23)), date!(2027 - 01 - 04));
    assert_eq!(due(NI, date!(2026 - 12 - 23)), date!(2027 - 01 - 04));
    assert_eq!(due(SC, date!(2026 - 12 - 23)), date!(2027 - 01 - 05));
}

#[test]
fn across_christmas_and_new_year_2022_in_each_nation() {
    // Fri 23 Dec 2022. Christmas is a Sunday: Boxing Day Mon 26, Christmas taken Tue 27. New Year's Day
    // is a Sunday, taken Mon 2 Jan 2023; Scotland's 2 January is then taken Tue 3 Jan.
    //   E&W and NI: Wed 28 (1), Thu 29 (2), Fri 30 (3), Tue 3 Jan (4), Wed 4 Jan (5).
    //   Scotland:   Wed 28 (1), Thu 29 (2), Fri 30 (3), Wed 4 Jan (4), Thu 5 Jan (5).
    assert_eq!(due(EW, date!(2022 - 12 - 23)), date!(2023 - 01 - 04));
    assert_eq!(due(NI, date!(2022 - 12 - 23)), date!(2023 - 01 - 04));
    assert_eq!(due(SC, date!(2022 - 12 - 23)), date!(2023 - 01 - 05));
}

#[test]
fn across_christmas_and_new_year_2021_in_each_nation() {
    // Thu 23 Dec 2021. Christmas Sat 25 and Boxing Day Sun 26 are taken Mon 27 and Tue 28; New Year's
    // Day Sat 1 Jan 2022 is taken Mon 3 Jan; Scotland's 2 January (Sun) is taken Tue 4 Jan.
    //   E&W and NI: Fri 24 (1), Wed 29 (2), Thu 30 (3), Fri 31 (4), Tue 4 Jan (5).
    //   Scotland:   Fri 24 (1), Wed 29 (2), Thu 30 (3), Fri 31 (4), Wed 5 Jan (5).
    assert_eq!(due(EW, date!(2021 - 12 - 23)), date!(2022 - 01 - 04));
    assert_eq!(due(NI, date!(2021 - 12 - 23)), date!(2022 - 01 - 04));
    assert_eq!(due(SC, date!(2021 - 12 - 23)), date!(2022 - 01 - 05));
}

#[test]
fn the_one_off_days_of_2022_count_as_holidays() {
    // Tue 31 May 2022: spring bank holiday moved to Thu 2 Jun, Platinum Jubilee Fri 3 Jun.
    //   Wed 1 Jun (1), Mon 6 (2), Tue 7 (3), Wed 8 (4), Thu 9 (5). Mon 30 May was a working day.
    assert_eq!(due(EW, date!(2022 - 05 - 31)), date!(2022 - 06 - 09));
    assert!(
        calendar(EW)
            .is_working_day(date!(2022 - 05 - 30))
            .expect("in range")
    );
    // Fri 16 Sep 2022: the Queen's state funeral Mon 19 Sep: Tue 20 (1) .. Fri 23 (4), Mon 26 (5).
    for nation in Nation::ALL {
        assert_eq!(
            due(*nation, date!(2022 - 09 - 16)),
            date!(2022 - 09 - 26),
            "{nation}"
        );
    }
}

// ---- the recovery period and the earliest conclusive decision ----------------------------------------

#[test]
fn england_and_wales_recovery_period_on_each_side_of_13_december_2022() {
    // Decided Mon 12 Dec 2022, under the 45-day rule: 19 days to 31 Dec, then 26 more: 26 Jan 2023.
    assert_eq!(recovery(EW, date!(2022 - 12 - 12)), date!(2023 - 01 - 26));
    // Decided Tue 13 Dec 2022, the first day of the 30-day rule: 18 days to 31 Dec, 12 more: 12 Jan.
    assert_eq!(recovery(EW, date!(2022 - 12 - 13)), date!(2023 - 01 - 12));
    // The issue's own example: 1 June 2023 + 30 days = 1 July 2023.
    assert_eq!(recovery(EW, date!(2023 - 06 - 01)), date!(2023 - 07 - 01));
    // Northern Ireland did not change: 13 Dec 2022 + 45 days = 27 Jan 2023.
    assert_eq!(recovery(NI, date!(2022 - 12 - 13)), date!(2023 - 01 - 27));
}

#[test]
fn scotland_recovery_period_is_90_days() {
    // 1 Jun 2023 + 90: 29 days to 30 Jun, 31 in July (60), 30 more: 30 Aug 2023.
    assert_eq!(recovery(SC, date!(2023 - 06 - 01)), date!(2023 - 08 - 30));
    // 12 Dec 2022 + 90: 19 to 31 Dec, 31 in Jan (50), 28 in Feb (78), 12 more: 12 Mar 2023. The change
    // in England and Wales on 13 Dec 2022 is not Scotland's.
    assert_eq!(recovery(SC, date!(2022 - 12 - 12)), date!(2023 - 03 - 12));
    assert_eq!(recovery(SC, date!(2022 - 12 - 13)), date!(2023 - 03 - 13));
}

#[test]
fn the_earliest_conclusive_decision_is_30_calendar_days_after_reasonable_grounds() {
    // 13 Dec 2022 + 30 = 12 Jan 2023, and 12 Dec 2022 + 30 = 11 Jan 2023: the recovery-period change
    // did not move it.
    assert_eq!(earliest(EW, date!(2022 - 12 - 13)), date!(2023 - 01 - 12));
    assert_eq!(earliest(EW, date!(2022 - 12 - 12)), date!(2023 - 01 - 11));
    // Calendar days, not working days: 1 Jun 2023 + 30 = 1 Jul 2023 (a Saturday) in every nation.
    for nation in Nation::ALL {
        assert_eq!(
            earliest(*nation, date!(2023 - 06 - 01)),
            date!(2023 - 07 - 01),
            "{nation}"
        );
    }
}

#[test]
fn all_clocks_of_one_referral() {
    // Referred Fri 22 May 2026 (E&W): due Mon 1 Jun (see above). Decided Wed 3 Jun 2026: recovery
    // 30 days to 3 Jul, earliest conclusive 3 Jul.
    let clocks = calendar(EW)
        .clocks(date!(2026 - 05 - 22), Some(date!(2026 - 06 - 03)))
        .expect("in range");
    assert_eq!(
        clocks,
        Clocks {
            reasonable_grounds_due: date!(2026 - 06 - 01),
            recovery_period_ends: Some(date!(2026 - 07 - 03)),
            conclusive_grounds_earliest: Some(date!(2026 - 07 - 03)),
        }
    );
    let without = calendar(EW)
        .clocks(date!(2026 - 05 - 22), None)
        .expect("in range");
    assert_eq!(without.recovery_period_ends, None);
    assert_eq!(without.conclusive_grounds_earliest, None);
    // A decision on the referral day itself is allowed.
    assert!(
        calendar(EW)
            .clocks(date!(2026 - 05 - 22), Some(date!(2026 - 05 - 22)))
            .is_ok()
    );
}

#[test]
fn a_decision_before_its_referral_is_refused() {
    let e = calendar(SC)
        .clocks(date!(2026 - 05 - 22), Some(date!(2026 - 05 - 21)))
        .expect_err("refused");
    assert!(
        matches!(e, ClockError::DecisionBeforeReferral { .. }),
        "{e}"
    );
}

#[test]
fn dates_outside_the_bank_holiday_years_are_refused_not_guessed() {
    let ew = calendar(EW);
    assert_eq!(ew.covered(), (date!(2020 - 01 - 01), date!(2030 - 12 - 31)));
    for referred in [date!(2019 - 12 - 31), date!(2031 - 01 - 02)] {
        let e = ew.reasonable_grounds_due(referred).expect_err("refused");
        assert!(matches!(e, ClockError::OutsideData { .. }), "{e}");
        assert!(e.to_string().contains("England and Wales"), "{e}");
    }
    // Mon 23 Dec 2030: Tue 24 (1), Fri 27 (2), Mon 30 (3), Tue 31 (4), and the fifth would be in 2031,
    // whose holidays are not recorded: refused rather than counted as if there were none.
    let e = ew
        .reasonable_grounds_due(date!(2030 - 12 - 23))
        .expect_err("refused");
    assert!(matches!(e, ClockError::OutsideData { date, .. } if date == date!(2031 - 01 - 01)));
    // The last referral that can be counted: Mon 16 Dec 2030, due Mon 23 Dec.
    assert_eq!(due(EW, date!(2030 - 12 - 16)), date!(2030 - 12 - 23));
    // A decision outside the years is refused too (the rule in force cannot be known for sure).
    assert!(matches!(
        ew.recovery_period_ends(date!(2031 - 02 - 01)),
        Err(ClockError::OutsideData { .. })
    ));
}

#[test]
fn the_threshold_in_force_follows_its_dates() {
    let ew = calendar(EW);
    let before = ew.threshold_on(date!(2023 - 01 - 29)).expect("in range");
    assert!(
        before.reasonable_grounds.contains("may have been"),
        "{}",
        before.reasonable_grounds
    );
    let objective = ew.threshold_on(date!(2023 - 01 - 30)).expect("in range");
    assert!(objective.reasonable_grounds.contains("objective"));
    let current = ew.threshold_on(date!(2023 - 07 - 24)).expect("in range");
    assert!(!current.reasonable_grounds.contains("objective"));
    assert!(!current.reasonable_grounds.contains("may have been"));
    assert!(
        current
            .conclusive_grounds
            .contains("balance of probabilities")
    );
}

// ---- the content ---------------------------------------------------------------------------------

#[test]
fn every_nation_has_bank_holidays_for_every_year_from_2020_to_2030() {
    for nation in Nation::ALL {
        let c = calendar(*nation);
        assert_eq!(
            c.covered(),
            (date!(2020 - 01 - 01), date!(2030 - 12 - 31)),
            "{nation}"
        );
        let years: BTreeSet<i32> = c.bank_holidays().map(|h| h.on.year()).collect();
        assert_eq!(years, (2020..=2030).collect(), "{nation}");
        for h in c.bank_holidays() {
            assert!(!matches!(
                h.on.weekday(),
                Weekday::Saturday | Weekday::Sunday
            ));
        }
    }
}

#[test]
fn exactly_one_rule_and_one_threshold_are_in_force_on_every_covered_day() {
    for nation in Nation::ALL {
        let c = calendar(*nation);
        let (first, last) = c.covered();
        let mut day = first;
        while day <= last {
            let rules = c
                .rules()
                .iter()
                .filter(|r| r.from <= day && r.until.is_none_or(|u| day < u))
                .count();
            let thresholds = c
                .thresholds()
                .iter()
                .filter(|t| t.from <= day && t.until.is_none_or(|u| day < u))
                .count();
            assert_eq!((rules, thresholds), (1, 1), "{nation} {day}");
            day = day.next_day().expect("a next day");
        }
    }
}

#[test]
fn the_rules_carry_the_statutory_lengths_with_their_dates() {
    let lengths = |nation: Nation, on: Date| {
        let r = calendar(nation).rule_on(on).expect("in range");
        (
            r.reasonable_grounds_working_days,
            r.recovery_period_days,
            r.conclusive_grounds_earliest_days,
        )
    };
    assert_eq!(lengths(EW, date!(2022 - 12 - 12)), (5, 45, 30));
    assert_eq!(lengths(EW, date!(2022 - 12 - 13)), (5, 30, 30));
    assert_eq!(lengths(SC, date!(2020 - 01 - 01)), (5, 90, 30));
    assert_eq!(lengths(SC, date!(2030 - 12 - 31)), (5, 90, 30));
    assert_eq!(lengths(NI, date!(2022 - 12 - 13)), (5, 45, 30));
}

/// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    let month = if month == 3 {
        Month::March
    } else {
        Month::April
    };
    Date::from_calendar_date(year, month, u8::try_from(day).expect("a day")).expect("a date")
}

fn ymd(year: i32, month: Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).expect("a date")
}

fn first_monday(year: i32, month: Month) -> Date {
    let mut d = ymd(year, month, 1);
    while d.weekday() != Weekday::Monday {
        d = d.next_day().expect("a day");
    }
    d
}

fn last_monday(year: i32, month: Month) -> Date {
    let mut d = ymd(year, month, time::util::days_in_month(month, year));
    while d.weekday() != Weekday::Monday {
        d = d.previous_day().expect("a day");
    }
    d
}

/// The usual bank holidays of a year, each moved on to the next free weekday when it falls on a
/// weekend or on a day already taken, plus the one-off changes of the years in range.
fn usual_pattern(nation: Nation, year: i32) -> BTreeSet<Date> {
    use Month::*;
    let easter = easter_sunday(year);
    let mut days: Vec<Date> = vec![ymd(year, January, 1)];
    if nation == SC {
        days.push(ymd(year, January, 2));
    }
    if nation == NI {
        days.push(ymd(year, March, 17));
    }
    days.push(easter - time::Duration::days(2));
    if nation != SC {
        days.push(easter + time::Duration::days(1));
    }
    days.push(match year {
        2020 => ymd(2020, May, 8), // moved for the 75th anniversary of VE Day
        _ => first_monday(year, May),
    });
    days.push(match year {
        2022 => ymd(2022, June, 2), // moved for the Platinum Jubilee
        _ => last_monday(year, May),
    });
    if nation == NI {
        days.push(ymd(year, July, 12));
    }
    days.push(if nation == SC {
        first_monday(year, August)
    } else {
        last_monday(year, August)
    });
    if nation == SC {
        days.push(ymd(year, November, 30));
    }
    days.push(ymd(year, December, 25));
    days.push(ymd(year, December, 26));

    let mut taken = BTreeSet::new();
    for day in days {
        let mut d = day;
        while matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) || taken.contains(&d) {
            d = d.next_day().expect("a day");
        }
        taken.insert(d);
    }
    let one_off: &[Date] = match (year, nation) {
        (2022, _) => &[ymd(2022, June, 3), ymd(2022, September, 19)],
        (2023, _) => &[ymd(2023, May, 8)],
        (2026, Nation::Scotland) => &[ymd(2026, June, 15)],
        _ => &[],
    };
    taken.extend(one_off.iter().copied());
    taken
}

#[test]
fn every_year_matches_the_usual_pattern_and_the_one_off_days() {
    for nation in Nation::ALL {
        for year in 2020..=2030 {
            let listed: BTreeSet<Date> = calendar(*nation)
                .bank_holidays()
                .map(|h| h.on)
                .filter(|d| d.year() == year)
                .collect();
            assert_eq!(listed, usual_pattern(*nation, year), "{nation} {year}");
        }
    }
}

#[test]
fn the_pattern_itself_is_right_for_years_worked_by_hand() {
    // Checks of the checker: Easter Sunday 2024 was 31 March, 2025 20 April, 2030 is 21 April.
    assert_eq!(easter_sunday(2024), date!(2024 - 03 - 31));
    assert_eq!(easter_sunday(2025), date!(2025 - 04 - 20));
    assert_eq!(easter_sunday(2030), date!(2030 - 04 - 21));
    // Scotland 2023: New Year's Day (Sun) on Mon 2 Jan, 2 January on Tue 3 Jan.
    let sc = usual_pattern(SC, 2023);
    assert!(sc.contains(&date!(2023 - 01 - 02)) && sc.contains(&date!(2023 - 01 - 03)));
    // NI 2029: St Patrick's Day Sat 17 Mar, taken Mon 19 Mar.
    assert!(usual_pattern(NI, 2029).contains(&date!(2029 - 03 - 19)));
}

// ---- validation of a file ------------------------------------------------------------------------

const RULE: &str = "[[clock_rules]]\nfrom = 2020-01-01\nreasonable_grounds_working_days = 5\n\
    recovery_period_days = 30\nconclusive_grounds_earliest_days = 30\nnote = \"\"\n";
const THRESHOLD: &str = "[[thresholds]]\nfrom = 2020-01-01\nreasonable_grounds = \"a\"\n\
    conclusive_grounds = \"b\"\nnote = \"\"\n";
const YEARS: &str = "[[bank_holidays]]\nyear = 2020\ndays = [{ on = 2020-01-01, name = \"New Year's Day\" }]\n\
    [[bank_holidays]]\nyear = 2021\ndays = [{ on = 2021-01-01, name = \"New Year's Day\" }]\n";

fn read(text: &str) -> Result<Calendar, String> {
    Calendar::from_toml(EW, text)
}

#[test]
fn a_well_formed_small_file_is_accepted() {
    let c = read(&format!("{RULE}{THRESHOLD}{YEARS}")).expect("valid");
    assert_eq!(c.covered(), (date!(2020 - 01 - 01), date!(2021 - 12 - 31)));
}

#[test]
fn a_missing_year_of_bank_holidays_is_refused() {
    let years = YEARS
        .replace("year = 2021", "year = 2022")
        .replace("2021-01-01", "2022-01-03");
    let e = read(&format!("{RULE}{THRESHOLD}{years}")).expect_err("refused");
    assert!(e.contains("2021"), "{e}");
}

#[test]
fn a_holiday_on_a_weekend_or_in_the_wrong_year_is_refused() {
    // 4 January 2020 was a Saturday.
    let weekend = YEARS.replace("2020-01-01", "2020-01-04");
    let e = read(&format!("{RULE}{THRESHOLD}{weekend}")).expect_err("refused");
    assert!(e.contains("Saturday"), "{e}");
    let wrong_year = YEARS.replace("2020-01-01", "2021-01-04");
    assert!(read(&format!("{RULE}{THRESHOLD}{wrong_year}")).is_err());
}

#[test]
fn rules_with_a_gap_an_overlap_or_a_late_start_are_refused() {
    let split = |until: &str, from: &str| {
        RULE.replace("note = \"\"\n", &format!("until = {until}\nnote = \"\"\n"))
            + &RULE.replace("from = 2020-01-01", &format!("from = {from}"))
    };
    let gap = split("2020-06-01", "2020-06-02");
    let e = read(&format!("{gap}{THRESHOLD}{YEARS}")).expect_err("gap");
    assert!(e.contains("gap or an overlap"), "{e}");
    let overlap = split("2020-06-02", "2020-06-01");
    assert!(read(&format!("{overlap}{THRESHOLD}{YEARS}")).is_err());
    let contiguous = split("2020-06-01", "2020-06-01");
    assert!(read(&format!("{contiguous}{THRESHOLD}{YEARS}")).is_ok());
    let late = RULE.replace("2020-01-01", "2020-01-02");
    assert!(read(&format!("{late}{THRESHOLD}{YEARS}")).is_err());
    let ends_early = RULE.replace("note = \"\"\n", "until = 2021-06-01\nnote = \"\"\n");
    assert!(read(&format!("{ends_early}{THRESHOLD}{YEARS}")).is_err());
    let two_open = format!("{RULE}{RULE}");
    assert!(read(&format!("{two_open}{THRESHOLD}{YEARS}")).is_err());
    let no_threshold = format!("{RULE}{YEARS}");
    assert!(read(&no_threshold).is_err());
}
