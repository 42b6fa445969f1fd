//! The UK's local authority areas: a closed list, read at build time from
//! `content/local-authorities.toml` (ONS local authority district codes and names, December 2024).
//!
//! An area is where a referral, a self-referral, an anonymous notification or an organisation is, for
//! routing and statistics. It is kept in plaintext, so it is never free text: a typed "Where are you?"
//! invites an address, which would then outlive the person's erasure. It is stored as its ONS code and
//! shown by its name.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::jurisdiction::jurisdiction;
use crate::vocabulary::Nation;

/// How many characters of a refused value an error may repeat: enough to recognise a typo, too few to
/// carry an address.
const ECHOED_CHARS: usize = 4;

/// One local authority area.
#[derive(Debug, PartialEq, Eq)]
pub struct AreaEntry {
    code: String,
    name: String,
    nation: Nation,
}

#[derive(Deserialize)]
struct RawEntry {
    code: String,
    name: String,
    nation: Nation,
}

#[derive(Deserialize)]
struct AreasFile {
    areas: Vec<RawEntry>,
}

fn entries() -> &'static [AreaEntry] {
    static LIST: OnceLock<Vec<AreaEntry>> = OnceLock::new();
    LIST.get_or_init(|| {
        match toml::from_str::<AreasFile>(include_str!("../../../content/local-authorities.toml")) {
            Ok(f) => f
                .areas
                .into_iter()
                .map(|r| AreaEntry {
                    code: r.code,
                    name: r.name,
                    nation: r.nation,
                })
                .collect(),
            // The file is compiled in and checked by this module's tests, so this cannot happen in a
            // tested build; fail at once rather than route referrals with no areas.
            Err(e) => panic!("content/local-authorities.toml: {e}"),
        }
    })
}

/// A local authority area from the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area(&'static AreaEntry);

/// Why a value is not an area of the list. Repeats at most a few characters of what was given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "Unknown area \"{shown}\": {hint}give an ONS local authority code such as \"E08000035\" or its \
     exact name such as \"Leeds\"; GET /api/v1/areas or `waymark areas` lists them"
)]
pub struct UnknownArea {
    shown: String,
    /// "did you mean …? " when the value is part of one to three names of the list (it then names
    /// only those list entries, never more of what was given).
    hint: String,
}

/// The names of the list that contain `value` (a town given without "City" or "City of"), if there
/// are one to three of them.
fn suggestions(value: &str) -> Vec<&'static str> {
    let wanted = value.to_lowercase();
    if wanted.chars().count() < 4 {
        return Vec::new();
    }
    let found: Vec<&'static str> = entries()
        .iter()
        .filter(|e| e.name.to_lowercase().contains(&wanted))
        .map(|e| e.name.as_str())
        .collect();
    if found.len() <= 3 { found } else { Vec::new() }
}

/// Why an area does not fit the nation chosen with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{area} is in {area_nation}, not {nation}: choose an area in {nation}, or change the nation"
)]
pub struct AreaOutsideNation {
    area: &'static str,
    area_nation: &'static str,
    nation: &'static str,
}

fn nation_name(nation: Nation) -> &'static str {
    &jurisdiction(nation).name
}

impl Area {
    /// An ONS code or an exact name, in any case, trimmed.
    pub fn parse(value: &str) -> Result<Area, UnknownArea> {
        let v = value.trim();
        entries()
            .iter()
            .find(|e| e.code.eq_ignore_ascii_case(v) || e.name.to_lowercase() == v.to_lowercase())
            .map(Area)
            .ok_or_else(|| {
                let mut shown: String = v.chars().take(ECHOED_CHARS).collect();
                if v.chars().count() > ECHOED_CHARS {
                    shown.push('…');
                }
                let hint = match suggestions(v).as_slice() {
                    [] => String::new(),
                    names => format!(
                        "did you mean {}? ",
                        names
                            .iter()
                            .map(|n| format!("\"{n}\""))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                };
                UnknownArea { shown, hint }
            })
    }
    /// An optional area as entered: blank means not recorded.
    pub fn parse_optional(value: Option<&str>) -> Result<Option<Area>, UnknownArea> {
        match value.map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) => Area::parse(v).map(Some),
            None => Ok(None),
        }
    }
    /// An optional area as entered, checked against the list and the nation chosen with it: blank means
    /// not recorded. The error is in words for the person who chose it.
    pub fn parse_in(value: Option<&str>, nation: Nation) -> Result<Option<Area>, String> {
        Area::parse_optional(value)
            .map_err(|e| e.to_string())?
            .map(|a| a.within(nation).map_err(|e| e.to_string()))
            .transpose()
    }
    /// A stored code (an exact code of the list).
    pub fn from_code(code: &str) -> Option<Area> {
        entries().iter().find(|e| e.code == code).map(Area)
    }
    /// Every area, in list order.
    pub fn all() -> impl Iterator<Item = Area> {
        entries().iter().map(Area)
    }
    /// The areas of a nation, in list order.
    pub fn of_nation(nation: Nation) -> impl Iterator<Item = Area> {
        Area::all().filter(move |a| a.nation() == nation)
    }
    /// This area, if it is in `nation`.
    pub fn within(self, nation: Nation) -> Result<Area, AreaOutsideNation> {
        if self.nation() == nation {
            Ok(self)
        } else {
            Err(AreaOutsideNation {
                area: self.name(),
                area_nation: nation_name(self.nation()),
                nation: nation_name(nation),
            })
        }
    }
    /// The ONS code, as stored.
    pub fn code(self) -> &'static str {
        &self.0.code
    }
    /// The name, as shown.
    pub fn name(self) -> &'static str {
        &self.0.name
    }
    pub fn nation(self) -> Nation {
        self.0.nation
    }
}

/// Shown by its name.
impl std::fmt::Display for Area {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The name of a stored area code, for showing it (the code itself if it is not in the list).
pub fn area_name(code: &str) -> String {
    Area::from_code(code).map_or_else(|| code.to_owned(), |a| a.name().to_owned())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn the_list_has_every_local_authority_of_each_nation() {
        assert_eq!(Area::all().count(), 361);
        let england = Area::of_nation(Nation::EnglandWales)
            .filter(|a| a.code().starts_with('E'))
            .count();
        let wales = Area::of_nation(Nation::EnglandWales)
            .filter(|a| a.code().starts_with('W'))
            .count();
        assert_eq!((england, wales), (296, 22));
        assert_eq!(Area::of_nation(Nation::Scotland).count(), 32);
        assert_eq!(Area::of_nation(Nation::NorthernIreland).count(), 11);
    }

    #[test]
    fn codes_are_unique_and_names_unique_within_a_nation() {
        let codes: BTreeSet<_> = Area::all().map(Area::code).collect();
        assert_eq!(codes.len(), 361);
        for nation in Nation::ALL {
            let names: BTreeSet<_> = Area::of_nation(*nation)
                .map(|a| a.name().to_lowercase())
                .collect();
            assert_eq!(names.len(), Area::of_nation(*nation).count(), "{nation}");
        }
        for a in Area::all() {
            assert_eq!(a.code().len(), 9, "{}", a.code());
            assert!(
                a.code().chars().skip(1).all(|c| c.is_ascii_digit()),
                "{}",
                a.code()
            );
        }
    }

    #[test]
    fn a_code_or_a_name_parses_in_any_case() {
        for given in ["E08000035", "e08000035", " Leeds ", "LEEDS", "leeds"] {
            let a = Area::parse(given).expect(given);
            assert_eq!((a.code(), a.name()), ("E08000035", "Leeds"));
            assert_eq!(a.nation(), Nation::EnglandWales);
        }
        let glasgow = Area::parse("glasgow city").expect("Glasgow City");
        assert_eq!(glasgow.nation(), Nation::Scotland);
        assert_eq!(Area::from_code(glasgow.code()), Some(glasgow));
        assert_eq!(area_name(glasgow.code()), "Glasgow City");
    }

    #[test]
    fn an_address_or_a_postcode_is_refused_without_being_repeated() {
        for given in [
            "Flat 3, 12 Acacia Rd, LS1 4AB",
            "LS1 4AB",
            "Glasgow",
            "",
            "E0800003",
        ] {
            let err = Area::parse(given).expect_err(given).to_string();
            assert!(err.contains("E08000035") && err.contains("Leeds"), "{err}");
            assert!(
                err.contains("GET /api/v1/areas") && err.contains("waymark areas"),
                "{err}"
            );
            assert!(!err.contains("Acacia") && !err.contains("4AB"), "{err}");
        }
        assert!(
            Area::parse("Flat 3, 12 Acacia Rd")
                .expect_err("an address")
                .to_string()
                .contains("\"Flat…\"")
        );
    }

    #[test]
    fn a_town_without_city_is_refused_naming_the_entry_it_is_part_of() {
        let err = Area::parse("Glasgow")
            .expect_err("not an exact name")
            .to_string();
        assert!(err.contains("did you mean \"Glasgow City\"?"), "{err}");
        let err = Area::parse("edinburgh")
            .expect_err("not an exact name")
            .to_string();
        assert!(err.contains("did you mean \"City of Edinburgh\"?"), "{err}");
        // Too many names contain it, or it is an address: no guess.
        for given in ["shire", "Flat 3, 12 Acacia Rd"] {
            let err = Area::parse(given).expect_err(given).to_string();
            assert!(!err.contains("did you mean"), "{err}");
        }
    }

    #[test]
    fn an_area_of_another_nation_is_refused_naming_both() {
        let leeds = Area::parse("Leeds").expect("Leeds");
        assert_eq!(leeds.within(Nation::EnglandWales), Ok(leeds));
        let err = leeds
            .within(Nation::Scotland)
            .expect_err("Leeds is not in Scotland");
        let text = err.to_string();
        assert!(text.starts_with("Leeds is in England"), "{text}");
        assert!(text.contains("not Scotland"), "{text}");
    }

    #[test]
    fn blank_is_not_recorded() {
        assert_eq!(Area::parse_optional(Some("  ")), Ok(None));
        assert_eq!(Area::parse_optional(None), Ok(None));
        assert!(
            Area::parse_optional(Some("Leeds"))
                .expect("Leeds")
                .is_some()
        );
    }
}
