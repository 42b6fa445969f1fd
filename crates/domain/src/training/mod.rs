//! Training for community helpers: one course per nation and a pocket card per nation, read at build time
//! from `content/training/` and `content/pocket-cards/` (data reviewed like code; the format and the rules
//! are in `content/training/README.md`), and the pure rules of a quiz: scoring against the course's pass
//! mark, and how long a pass is valid.
//!
//! [`problems`] lists everything wrong with the content (the content test runs it on every course and
//! card: exactly one correct answer and an explanation per question, indicator and exploitation-type ids
//! from the vocabulary, helpline numbers exactly as in the nation's jurisdiction file, …). The web layer
//! renders the Markdown bodies; nothing here does I/O.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::Deserialize;
use time::Date;

use crate::jurisdiction::jurisdiction;
use crate::vocabulary::{ExploitationType, Indicator, Nation};

mod rules;
pub use rules::problems;

/// Whether a course has been through review (`content/training/README.md`, "How a course is reviewed").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CourseStatus {
    /// Written, not yet reviewed: shown with a notice that says so.
    Draft,
    Reviewed,
    /// Out of date: not offered.
    Retired,
}

/// One course: the five modules of one nation.
#[derive(Debug, Clone)]
pub struct Course {
    pub id: String,
    pub nation: Nation,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub version: u32,
    pub status: CourseStatus,
    /// The share of right answers, in per cent, that passes.
    pub pass_mark: u8,
    pub valid_for_months: u8,
    pub reviewed_on: Option<Date>,
    pub review_due: Option<Date>,
    pub modules: Vec<Module>,
}

/// A module: a Markdown body and its questions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    pub id: String,
    pub order: u32,
    pub title: String,
    pub summary: String,
    pub indicators: Vec<String>,
    pub exploitation_types: Vec<String>,
    pub helplines: Vec<String>,
    pub sources: Vec<String>,
    pub questions: Vec<Question>,
    /// Markdown (`##` and `###` headings; phone numbers as `tel:` links).
    #[serde(skip)]
    pub body: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    /// Why the right answer is right: shown after the helper answers.
    pub explanation: String,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub text: String,
    pub correct: bool,
}

impl Question {
    /// The index of the right answer (the content test makes sure there is exactly one).
    pub fn correct(&self) -> Option<usize> {
        self.answers.iter().position(|a| a.correct)
    }
}

/// A printable one-page card: the signs, what to do, the nation's helplines.
#[derive(Debug, Clone)]
pub struct PocketCard {
    pub nation: Nation,
    pub title: String,
    pub indicators: Vec<String>,
    pub helplines: Vec<String>,
    pub body: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseFile {
    id: String,
    nation: String,
    title: String,
    summary: String,
    language: String,
    version: u32,
    status: CourseStatus,
    pass_mark: u8,
    valid_for_months: u8,
    #[serde(default)]
    reviewed_on: Option<toml::value::Datetime>,
    #[serde(default)]
    review_due: Option<toml::value::Datetime>,
    modules: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardFront {
    nation: String,
    title: String,
    indicators: Vec<String>,
    helplines: Vec<String>,
}

macro_rules! course_files {
    ($dir:literal) => {
        (
            $dir,
            include_str!(concat!(
                "../../../../content/training/",
                $dir,
                "/course.toml"
            )),
            [
                (
                    "01-the-law",
                    include_str!(concat!(
                        "../../../../content/training/",
                        $dir,
                        "/01-the-law.md"
                    )),
                ),
                (
                    "02-the-signs",
                    include_str!(concat!(
                        "../../../../content/training/",
                        $dir,
                        "/02-the-signs.md"
                    )),
                ),
                (
                    "03-support",
                    include_str!(concat!(
                        "../../../../content/training/",
                        $dir,
                        "/03-support.md"
                    )),
                ),
                (
                    "04-routes-in",
                    include_str!(concat!(
                        "../../../../content/training/",
                        $dir,
                        "/04-routes-in.md"
                    )),
                ),
                (
                    "05-looking-after-yourself",
                    include_str!(concat!(
                        "../../../../content/training/",
                        $dir,
                        "/05-looking-after-yourself.md"
                    )),
                ),
            ],
        )
    };
}

type CourseSource = (
    &'static str,
    &'static str,
    [(&'static str, &'static str); 5],
);

const COURSES: [CourseSource; 3] = [
    course_files!("england-and-wales"),
    course_files!("scotland"),
    course_files!("northern-ireland"),
];

const CARDS: [(&str, &str); 3] = [
    (
        "england_wales",
        include_str!("../../../../content/pocket-cards/england_wales.md"),
    ),
    (
        "scotland",
        include_str!("../../../../content/pocket-cards/scotland.md"),
    ),
    (
        "northern_ireland",
        include_str!("../../../../content/pocket-cards/northern_ireland.md"),
    ),
];

/// Splits `+++` TOML front matter from the Markdown body.
fn front_matter(text: &str) -> Result<(&str, &str), String> {
    let rest = text
        .strip_prefix("+++\n")
        .ok_or("the first line must be +++")?;
    let end = rest
        .find("\n+++\n")
        .ok_or("the front matter must end with a line that is exactly +++")?;
    Ok((&rest[..=end], &rest[end + 5..]))
}

fn date(d: Option<toml::value::Datetime>) -> Result<Option<Date>, String> {
    d.map(|d| {
        let day = d.date.ok_or("a date without a day")?;
        let month = time::Month::try_from(day.month).map_err(|e| e.to_string())?;
        Date::from_calendar_date(i32::from(day.year), month, day.day).map_err(|e| e.to_string())
    })
    .transpose()
}

fn parse_course(source: &CourseSource) -> Result<Course, String> {
    let (dir, toml_text, files) = source;
    let c: CourseFile = toml::from_str(toml_text).map_err(|e| format!("{dir}/course.toml: {e}"))?;
    let nation = Nation::parse(&c.nation).map_err(|e| format!("{dir}/course.toml: {e}"))?;
    if c.id != *dir {
        return Err(format!(
            "{dir}/course.toml: id {:?} is not the directory's name",
            c.id
        ));
    }
    let mut modules = Vec::new();
    for (name, text) in files {
        let (front, body) = front_matter(text).map_err(|e| format!("{dir}/{name}.md: {e}"))?;
        let mut m: Module = toml::from_str(front).map_err(|e| format!("{dir}/{name}.md: {e}"))?;
        m.body = body.to_owned();
        modules.push(m);
    }
    // The order of the modules is course.toml's; a file it does not list is an error `problems` reports.
    let mut ordered = Vec::new();
    for id in &c.modules {
        let m = modules.iter().find(|m| &m.id == id).ok_or_else(|| {
            format!("{dir}/course.toml lists {id}, which has no module with that id")
        })?;
        ordered.push(m.clone());
    }
    Ok(Course {
        id: c.id,
        nation,
        title: c.title,
        summary: c.summary,
        language: c.language,
        version: c.version,
        status: c.status,
        pass_mark: c.pass_mark,
        valid_for_months: c.valid_for_months,
        reviewed_on: date(c.reviewed_on).map_err(|e| format!("{dir}: reviewed_on: {e}"))?,
        review_due: date(c.review_due).map_err(|e| format!("{dir}: review_due: {e}"))?,
        modules: ordered,
    })
}

fn parse_card((file, text): &(&str, &str)) -> Result<PocketCard, String> {
    let (front, body) = front_matter(text).map_err(|e| format!("pocket-cards/{file}.md: {e}"))?;
    let f: CardFront = toml::from_str(front).map_err(|e| format!("pocket-cards/{file}.md: {e}"))?;
    Ok(PocketCard {
        nation: Nation::parse(&f.nation).map_err(|e| format!("pocket-cards/{file}.md: {e}"))?,
        title: f.title,
        indicators: f.indicators,
        helplines: f.helplines,
        body: body.to_owned(),
    })
}

/// Every course and card, parsed; the errors of any that do not parse.
fn parsed() -> &'static (Vec<Course>, Vec<PocketCard>, Vec<String>) {
    static ALL: OnceLock<(Vec<Course>, Vec<PocketCard>, Vec<String>)> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut errors = Vec::new();
        let courses = COURSES
            .iter()
            .filter_map(|s| parse_course(s).map_err(|e| errors.push(e)).ok())
            .collect();
        let cards = CARDS
            .iter()
            .filter_map(|s| parse_card(s).map_err(|e| errors.push(e)).ok())
            .collect();
        (courses, cards, errors)
    })
}

/// The courses offered (every course but a retired one), in nation order.
pub fn courses() -> impl Iterator<Item = &'static Course> {
    parsed()
        .0
        .iter()
        .filter(|c| c.status != CourseStatus::Retired)
}

pub fn course(id: &str) -> Option<&'static Course> {
    courses().find(|c| c.id == id)
}

/// The course for helpers in a nation.
pub fn course_for(nation: Nation) -> Option<&'static Course> {
    courses().find(|c| c.nation == nation)
}

pub fn pocket_card(nation: Nation) -> Option<&'static PocketCard> {
    parsed().1.iter().find(|c| c.nation == nation)
}

impl Course {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.modules.iter().flat_map(|m| m.questions.iter())
    }

    /// The module that teaches the signs (the screening pages link to it).
    pub fn signs_module(&self) -> Option<&Module> {
        self.modules.iter().find(|m| !m.indicators.is_empty())
    }
}

/// How one question was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub question: String,
    /// The answer chosen (its index), if any.
    pub chosen: Option<usize>,
    pub correct: usize,
}

impl Marked {
    pub fn right(&self) -> bool {
        self.chosen == Some(self.correct)
    }
}

/// The result of one attempt at a course's quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub right: usize,
    pub total: usize,
    /// Right answers as a whole percentage, rounded down (79.9 % does not pass a mark of 80).
    pub percent: u8,
    pub passed: bool,
    pub marked: Vec<Marked>,
}

/// Marks an attempt: `chosen` maps question ids to answer indexes. An unanswered question, an unknown
/// question id or an answer index out of range counts as wrong; every question of the course counts.
pub fn score(course: &Course, chosen: &BTreeMap<String, usize>) -> Score {
    let marked: Vec<Marked> = course
        .questions()
        .map(|q| Marked {
            question: q.id.clone(),
            chosen: chosen.get(&q.id).copied().filter(|i| *i < q.answers.len()),
            correct: q.correct().unwrap_or(usize::MAX),
        })
        .collect();
    let right = marked.iter().filter(|m| m.right()).count();
    let total = marked.len();
    let percent = (right * 100).checked_div(total).unwrap_or(0);
    let percent = u8::try_from(percent).unwrap_or(100);
    Score {
        right,
        total,
        percent,
        passed: total > 0 && percent >= course.pass_mark,
        marked,
    }
}

/// The last day a pass on `issued_on` is valid: `months` calendar months later (the last day of the month
/// when that day does not exist, e.g. 29 February → 28 February).
pub fn valid_until(issued_on: Date, months: u8) -> Date {
    let total = i32::from(issued_on.month() as u8) - 1 + i32::from(months);
    let year = issued_on.year() + total.div_euclid(12);
    let month = time::Month::try_from(u8::try_from(total.rem_euclid(12) + 1).unwrap_or(1))
        .unwrap_or(time::Month::January);
    let last = month.length(year);
    Date::from_calendar_date(year, month, issued_on.day().min(last)).unwrap_or(issued_on)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn an_attempt_passes_at_the_pass_mark_and_says_which_answers_were_wrong() {
        let c = course_for(Nation::EnglandWales).expect("course");
        let all_right: BTreeMap<String, usize> = c
            .questions()
            .map(|q| (q.id.clone(), q.correct().expect("one")))
            .collect();
        let s = score(c, &all_right);
        assert!(s.passed);
        assert_eq!((s.right, s.percent), (s.total, 100));

        let nothing = score(c, &BTreeMap::new());
        assert!(!nothing.passed);
        assert_eq!(nothing.right, 0);
        assert!(
            nothing
                .marked
                .iter()
                .all(|m| m.chosen.is_none() && !m.right())
        );

        // Get wrong as many as the pass mark allows, then one more.
        let total = c.questions().count();
        let may_miss = total - (total * usize::from(c.pass_mark)).div_ceil(100);
        let wrong = |n: usize| -> BTreeMap<String, usize> {
            c.questions()
                .enumerate()
                .map(|(i, q)| {
                    let right = q.correct().expect("one");
                    let pick = if i < n {
                        (right + 1) % q.answers.len()
                    } else {
                        right
                    };
                    (q.id.clone(), pick)
                })
                .collect()
        };
        let just = score(c, &wrong(may_miss));
        assert!(
            just.passed,
            "{} of {} at a mark of {}",
            just.right, total, c.pass_mark
        );
        let below = score(c, &wrong(may_miss + 1));
        assert!(!below.passed);
        assert_eq!(
            below.marked.iter().filter(|m| !m.right()).count(),
            may_miss + 1
        );

        // An answer out of range is wrong, not a crash.
        let mut odd = all_right.clone();
        if let Some(first) = c.questions().next() {
            odd.insert(first.id.clone(), 99);
        }
        assert_eq!(score(c, &odd).right, total - 1);
    }

    #[test]
    fn a_pass_is_valid_for_its_months_to_the_same_day_or_the_months_last() {
        assert_eq!(
            valid_until(date!(2026 - 11 - 30), 24),
            date!(2028 - 11 - 30)
        );
        assert_eq!(
            valid_until(date!(2028 - 02 - 29), 12),
            date!(2029 - 02 - 28)
        );
        assert_eq!(valid_until(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(valid_until(date!(2026 - 12 - 15), 1), date!(2027 - 01 - 15));
    }
}
