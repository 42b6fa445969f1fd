//! Anonymous notifications: what a first responder records about an adult who may be a survivor of
//! trafficking but does not consent to a formal referral (the duty to notify). It must not identify the
//! person, so it holds only coarse facts chosen from closed lists — the nation, a nationality, the kinds
//! of exploitation, the signs noticed, the month it came to light, and the local authority area
//! ([`Area`], from the list, in the nation chosen).
//!
//! It is never made for a child: a person who is, or may be, under 18 is referred (no consent is needed)
//! and children's services are told. A disputed age is treated as a child's.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;
use time::Date;

use crate::area::Area;
use crate::screening::AgeBand;
use crate::vocabulary::{ExploitationType, Indicator, Nation};

/// Why a notification for a child (or someone who may be one) is refused.
pub const CHILD: &str = "An anonymous notification is never made for a child. Refer a person under 18 \
to a support organisation (no consent is needed) and tell children's services.";
/// Why a notification for someone whose age is not known is refused.
pub const AGE_UNSURE: &str = "An anonymous notification is only for an adult. When you are not sure the \
person is 18 or over, treat them as a child: refer them (no consent is needed) and tell children's \
services.";

/// Why a notification was refused. Each names the field it belongs to; none repeats what was entered
/// beyond an id from a closed list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotificationError {
    /// The person is under 18.
    #[error("{CHILD}")]
    Child,
    /// The person may be under 18.
    #[error("{AGE_UNSURE}")]
    AgeUnsure,
    #[error("{problem}")]
    Field {
        field: &'static str,
        problem: String,
    },
}

impl NotificationError {
    /// The field (as the API and the form name it) the problem belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            NotificationError::Child | NotificationError::AgeUnsure => "age",
            NotificationError::Field { field, .. } => field,
        }
    }
}

fn field(field: &'static str, problem: impl Into<String>) -> NotificationError {
    NotificationError::Field {
        field,
        problem: problem.into(),
    }
}

/// One nationality of `content/nationalities.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NationalityEntry {
    pub code: String,
    pub name: String,
}

#[derive(Deserialize)]
struct NationalitiesFile {
    nationalities: Vec<NationalityEntry>,
}

/// Every nationality a notification may record, by name: ISO 3166-1 alpha-2 codes, `stateless` and
/// `unknown`.
pub fn nationalities() -> &'static [NationalityEntry] {
    static LIST: OnceLock<Vec<NationalityEntry>> = OnceLock::new();
    LIST.get_or_init(|| {
        toml::from_str::<NationalitiesFile>(include_str!("../../../content/nationalities.toml"))
            .map(|f| f.nationalities)
            // The file is compiled in and checked by this module's tests: it cannot fail in a build that
            // passed them.
            .unwrap_or_default()
    })
}

/// A nationality from the list: its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nationality(&'static NationalityEntry);

impl Nationality {
    /// A code from the list; two-letter codes in either case.
    pub fn parse(value: &str) -> Result<Nationality, NotificationError> {
        let v = value.trim();
        let wanted = if v.len() == 2 {
            v.to_ascii_uppercase()
        } else {
            v.to_owned()
        };
        nationalities()
            .iter()
            .find(|n| n.code == wanted)
            .map(Nationality)
            .ok_or_else(|| {
                field(
                    "nationality",
                    format!(
                        "Unknown nationality \"{}\": give a two-letter ISO 3166-1 country code (for \
                         example \"AL\" or \"VN\"), \"stateless\" or \"unknown\"",
                        v.chars().take(16).collect::<String>()
                    ),
                )
            })
    }
    pub fn code(&self) -> &'static str {
        &self.0.code
    }
    pub fn name(&self) -> &'static str {
        &self.0.name
    }
}

/// The name of a nationality code, for showing a stored notification (the code itself if unknown).
pub fn nationality_name(code: &str) -> String {
    Nationality::parse(code).map_or_else(|_| code.to_owned(), |n| n.name().to_owned())
}

/// A calendar month, `YYYY-MM`: when the concern came to light. Only the month, never the day, so it
/// cannot be matched to one meeting or one visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    /// A month from 2015 (the duty to notify began in November 2015) to the current one.
    pub fn parse(value: &str, today: Date) -> Result<Option<Month>, NotificationError> {
        let v = value.trim();
        if v.is_empty() {
            return Ok(None);
        }
        let bad = || {
            field(
                "encountered_in",
                "Give the month the concern came to light as YYYY-MM (for example 2026-03), not in \
                 the future",
            )
        };
        let (y, m) = v.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || year < 2015 {
            return Err(bad());
        }
        let this = Month {
            year: today.year(),
            month: u8::from(today.month()),
        };
        let it = Month { year, month };
        if it > this {
            return Err(bad());
        }
        Ok(Some(it))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A notification as entered (from a form or the API): text, checked by [`NotificationDraft::check`].
#[derive(Debug, Clone, Default)]
pub struct NotificationDraft {
    pub age: String,
    pub nationality: String,
    pub exploitation_types: Vec<String>,
    pub nation: String,
    pub area: Option<String>,
    pub indicators: Vec<String>,
    pub encountered_in: Option<String>,
}

/// A notification that passed every check: nothing in it can name or locate a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// Always [`AgeBand::Adult`]: the check refuses anything else.
    pub age: AgeBand,
    pub nationality: Nationality,
    pub exploitation_types: Vec<ExploitationType>,
    pub nation: Nation,
    pub area: Option<Area>,
    pub indicators: Vec<Indicator>,
    pub encountered_in: Option<Month>,
}

fn closed_list<T: Ord>(
    name: &'static str,
    values: &[String],
    parse: impl Fn(&str) -> Result<T, crate::vocabulary::UnknownId>,
    empty: &str,
) -> Result<Vec<T>, NotificationError> {
    let set = values
        .iter()
        .map(|v| parse(v.trim()))
        .collect::<Result<BTreeSet<T>, _>>()
        .map_err(|e| field(name, sentence(&e.to_string())))?;
    if set.is_empty() {
        return Err(field(name, empty));
    }
    Ok(set.into_iter().collect())
}

fn sentence(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

impl NotificationDraft {
    /// Checks every field, the age first: a child is refused before anything else is looked at.
    pub fn check(&self, today: Date) -> Result<Notification, NotificationError> {
        if self.age.trim().is_empty() {
            return Err(field("age", "Say whether the person is 18 or over"));
        }
        let age =
            AgeBand::parse(self.age.trim()).map_err(|e| field("age", sentence(&e.to_string())))?;
        match age {
            AgeBand::Under18 => return Err(NotificationError::Child),
            AgeBand::Unsure => return Err(NotificationError::AgeUnsure),
            AgeBand::Adult => {}
        }
        if self.nationality.trim().is_empty() {
            return Err(field(
                "nationality",
                "Choose the person's nationality (\"Not known\" if you do not know it)",
            ));
        }
        let nationality = Nationality::parse(&self.nationality)?;
        let exploitation_types = closed_list(
            "exploitation_types",
            &self.exploitation_types,
            ExploitationType::parse,
            "Choose at least one kind of exploitation (\"unknown\" if it is not known)",
        )?;
        if self.nation.trim().is_empty() {
            return Err(field(
                "nation",
                "Choose the part of the UK the person is in",
            ));
        }
        let nation = Nation::parse(self.nation.trim())
            .map_err(|e| field("nation", sentence(&e.to_string())))?;
        let area = Area::parse_in(self.area.as_deref(), nation).map_err(|p| field("area", p))?;
        let indicators = closed_list(
            "indicators",
            &self.indicators,
            Indicator::parse,
            "Choose at least one sign you noticed: the duty to notify arises from them",
        )?;
        let encountered_in = Month::parse(self.encountered_in.as_deref().unwrap_or(""), today)?;
        Ok(Notification {
            age,
            nationality,
            exploitation_types,
            nation,
            area,
            indicators,
            encountered_in,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    fn adult() -> NotificationDraft {
        NotificationDraft {
            age: "adult".into(),
            nationality: "AL".into(),
            exploitation_types: vec!["labour".into()],
            nation: "england_wales".into(),
            area: Some("Leeds".into()),
            indicators: vec!["debt_bondage".into()],
            encountered_in: Some("2026-10".into()),
        }
    }

    fn with(
        change: impl FnOnce(&mut NotificationDraft),
    ) -> Result<Notification, NotificationError> {
        let mut d = adult();
        change(&mut d);
        d.check(TODAY)
    }

    #[test]
    fn an_adult_with_coarse_facts_is_accepted() {
        let n = adult().check(TODAY).expect("valid");
        assert_eq!(n.age, AgeBand::Adult);
        assert_eq!(n.nationality.code(), "AL");
        assert_eq!(n.nationality.name(), "Albania");
        assert_eq!(n.area.map(Area::code), Some("E08000035"));
        assert_eq!(
            n.encountered_in.map(|m| m.to_string()).as_deref(),
            Some("2026-10")
        );
    }

    #[test]
    fn never_for_a_child_or_someone_who_may_be_one() {
        assert_eq!(
            with(|d| d.age = "under_18".into()),
            Err(NotificationError::Child)
        );
        assert_eq!(
            with(|d| d.age = "unsure".into()),
            Err(NotificationError::AgeUnsure)
        );
        // The age is checked first: a child's notification is refused whatever else is wrong with it.
        assert_eq!(
            with(|d| {
                d.age = "under_18".into();
                d.area = Some("07700 900123".into());
            }),
            Err(NotificationError::Child)
        );
        assert!(CHILD.contains("children's services"));
        assert!(AGE_UNSURE.contains("treat them as a child"));
        assert_eq!(NotificationError::Child.field(), "age");
    }

    type Change = Box<dyn FnOnce(&mut NotificationDraft)>;

    #[test]
    fn each_refusal_names_its_field() {
        let cases: Vec<(Change, &str)> = vec![
            (Box::new(|d| d.age = "old".into()), "age"),
            (Box::new(|d| d.age = String::new()), "age"),
            (Box::new(|d| d.nationality = " ".into()), "nationality"),
            (Box::new(|d| d.nation = String::new()), "nation"),
            (Box::new(|d| d.nationality = "XX".into()), "nationality"),
            (
                Box::new(|d| d.nationality = "Albanian".into()),
                "nationality",
            ),
            (
                Box::new(|d| d.exploitation_types = vec!["farming".into()]),
                "exploitation_types",
            ),
            (
                Box::new(|d| d.exploitation_types = vec![]),
                "exploitation_types",
            ),
            (Box::new(|d| d.nation = "wales".into()), "nation"),
            (
                Box::new(|d| d.indicators = vec!["sad".into()]),
                "indicators",
            ),
            (Box::new(|d| d.indicators = vec![]), "indicators"),
            (
                Box::new(|d| d.encountered_in = Some("2099-01".into())),
                "encountered_in",
            ),
            (
                Box::new(|d| d.encountered_in = Some("2026-13".into())),
                "encountered_in",
            ),
            (
                Box::new(|d| d.encountered_in = Some("3 March".into())),
                "encountered_in",
            ),
            (Box::new(|d| d.area = Some("Leeds LS6".into())), "area"),
            (Box::new(|d| d.nation = "scotland".into()), "area"),
        ];
        for (change, expected) in cases {
            let err = with(change).expect_err("refused");
            assert_eq!(err.field(), expected, "{err}");
        }
    }

    #[test]
    fn the_area_is_a_local_authority_of_the_nation_chosen() {
        for given in [
            "amina@example.org",
            "07700 900123",
            "LS1 4AP",
            "12 Green Street",
        ] {
            let err = with(|d| d.area = Some(given.into())).expect_err(given);
            assert_eq!(err.field(), "area");
            assert!(err.to_string().contains("GET /api/v1/areas"), "{err}");
        }
        let err = with(|d| d.nation = "northern_ireland".into()).expect_err("Leeds is not in NI");
        assert!(err.to_string().contains("not Northern Ireland"), "{err}");
        let n = with(|d| d.area = Some("  ".into())).expect("not recorded");
        assert_eq!(n.area, None);
    }

    #[test]
    fn nationalities_are_iso_codes_plus_stateless_and_unknown() {
        let all = nationalities();
        assert!(all.len() >= 249, "{}", all.len());
        let mut codes: Vec<&str> = all.iter().map(|n| n.code.as_str()).collect();
        for c in &codes {
            assert!(
                (c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
                    || *c == "stateless"
                    || *c == "unknown",
                "{c}"
            );
        }
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "no code twice");
        assert_eq!(
            Nationality::parse("gb").map(|n| n.name()),
            Ok("United Kingdom")
        );
        assert_eq!(
            Nationality::parse("stateless").map(|n| n.code()),
            Ok("stateless")
        );
        assert_eq!(nationality_name("VN"), "Vietnam");
    }
}
