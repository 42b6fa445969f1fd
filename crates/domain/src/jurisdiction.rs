//! Each UK jurisdiction's contacts, read at build time from `content/jurisdictions/*.toml` (data reviewed
//! like code). The same files carry the dated clock rules, thresholds and bank holidays, which
//! [`crate::clock`] reads.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::vocabulary::Nation;

/// A number to call, and when.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Helpline {
    pub id: String,
    pub name: String,
    pub number: String,
    pub when: String,
    /// Listed only when the person is or may be a child.
    #[serde(default)]
    pub children_only: bool,
}

/// A jurisdiction's contacts and names.
#[derive(Debug, Clone, Deserialize)]
pub struct Jurisdiction {
    pub id: String,
    pub name: String,
    /// Who safeguards children there, in words for a helper.
    pub children_services: String,
    pub helplines: Vec<Helpline>,
}

impl Jurisdiction {
    /// The helplines for a screening's outcome: children's services contacts only for a child.
    pub fn helplines_for(&self, child: bool) -> impl Iterator<Item = &Helpline> {
        self.helplines
            .iter()
            .filter(move |h| child || !h.children_only)
    }
    pub fn helpline(&self, id: &str) -> Option<&Helpline> {
        self.helplines.iter().find(|h| h.id == id)
    }
}

pub(crate) const SOURCES: [(Nation, &str); 3] = [
    (
        Nation::EnglandWales,
        include_str!("../../../content/jurisdictions/england_wales.toml"),
    ),
    (
        Nation::Scotland,
        include_str!("../../../content/jurisdictions/scotland.toml"),
    ),
    (
        Nation::NorthernIreland,
        include_str!("../../../content/jurisdictions/northern_ireland.toml"),
    ),
];

fn all() -> &'static [Jurisdiction; 3] {
    static ALL: OnceLock<[Jurisdiction; 3]> = OnceLock::new();
    ALL.get_or_init(|| {
        SOURCES.map(
            |(nation, text)| match toml::from_str::<Jurisdiction>(text) {
                Ok(j) if j.id == nation.as_str() => j,
                // The files are compiled in and checked by the tests below, so this cannot happen in a
                // tested build; fail at once rather than serve wrong helplines.
                Ok(j) => panic!("content/jurisdictions: file for {nation} has id {}", j.id),
                Err(e) => panic!("content/jurisdictions/{nation}.toml: {e}"),
            },
        )
    })
}

/// The rules and contacts of a nation.
pub fn jurisdiction(nation: Nation) -> &'static Jurisdiction {
    let index = Nation::ALL.iter().position(|n| *n == nation).unwrap_or(0);
    &all()[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nation_has_its_file_and_the_emergency_and_helpline_numbers() {
        for nation in Nation::ALL {
            let j = jurisdiction(*nation);
            assert_eq!(j.id, nation.as_str());
            assert_eq!(
                j.helpline("emergency").map(|h| h.number.as_str()),
                Some("999")
            );
            assert_eq!(
                j.helpline("modern_slavery_helpline")
                    .map(|h| h.number.as_str()),
                Some("08000 121 700")
            );
        }
    }

    #[test]
    fn scotland_lists_its_own_support_lines() {
        let s = jurisdiction(Nation::Scotland);
        assert_eq!(
            s.helpline("tara").map(|h| h.number.as_str()),
            Some("0141 276 7724")
        );
        assert!(
            jurisdiction(Nation::EnglandWales)
                .helpline("tara")
                .is_none()
        );
    }

    #[test]
    fn childrens_lines_only_for_children() {
        let ew = jurisdiction(Nation::EnglandWales);
        assert!(
            ew.helplines_for(true)
                .any(|h| h.id == "child_trafficking_guardians")
        );
        assert!(
            !ew.helplines_for(false)
                .any(|h| h.id == "child_trafficking_guardians")
        );
    }
}
