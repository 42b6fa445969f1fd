//! Organisations, roles, and which support organisation suits a referral.

pub use crate::area::Area;
use crate::vocabulary::{Nation, Need, vocabulary};

vocabulary! {
    /// What an organisation is, which decides what its members may do.
    OrganisationKind, "organisation kind" {
        CommunityGroup => "community_group",
        SupportOrganisation => "support_organisation",
        DecisionBody => "decision_body",
        Coordinator => "coordinator",
    }
}

vocabulary! {
    /// A user's role inside their organisation.
    Role, "role" {
        Helper => "helper",
        Caseworker => "caseworker",
        Manager => "manager",
        Admin => "admin",
    }
}

impl OrganisationKind {
    /// Only support organisations receive referrals and open cases.
    pub fn receives_referrals(self) -> bool {
        matches!(self, OrganisationKind::SupportOrganisation)
    }
}

/// What matching needs to know about a support organisation.
#[derive(Debug, Clone)]
pub struct Candidate<T> {
    pub org: T,
    pub nation: Option<Nation>,
    pub area: Option<Area>,
    pub needs: Vec<Need>,
}

/// How well an organisation suits a referral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion<T> {
    pub org: T,
    pub same_nation: bool,
    pub same_area: bool,
    /// How many of the person's needs the organisation says it meets.
    pub needs_met: usize,
}

/// Orders support organisations for a referral: first those in the person's nation, then those in the
/// same area, then those meeting more of the person's needs; ties keep their given order. Organisations in
/// another nation are listed last, not hidden: a person may want to move away from where they were exploited.
pub fn suggest<T: Clone>(
    candidates: &[Candidate<T>],
    nation: Nation,
    area: Option<Area>,
    needs: &[Need],
) -> Vec<Suggestion<T>> {
    let mut out: Vec<Suggestion<T>> = candidates
        .iter()
        .map(|c| Suggestion {
            org: c.org.clone(),
            same_nation: c.nation == Some(nation),
            same_area: area.is_some_and(|a| c.area.is_some_and(|o| o.code() == a.code())),
            needs_met: needs.iter().filter(|n| c.needs.contains(n)).count(),
        })
        .collect();
    out.sort_by(|a, b| {
        (b.same_nation, b.same_area, b.needs_met).cmp(&(a.same_nation, a.same_area, a.needs_met))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(
        name: &'static str,
        nation: Nation,
        area: &str,
        needs: &[Need],
    ) -> Candidate<&'static str> {
        Candidate {
            org: name,
            nation: Some(nation),
            area: Area::parse(area).ok(),
            needs: needs.to_vec(),
        }
    }

    #[test]
    fn suggestions_prefer_nation_then_area_then_needs() {
        let candidates = [
            c(
                "far",
                Nation::Scotland,
                "Glasgow City",
                &[Need::SafeHousing, Need::Medical],
            ),
            c("near-few", Nation::EnglandWales, "Leeds", &[Need::Medical]),
            c(
                "region-many",
                Nation::EnglandWales,
                "York",
                &[Need::SafeHousing, Need::Medical],
            ),
            c(
                "near-many",
                Nation::EnglandWales,
                "leeds",
                &[Need::SafeHousing, Need::Medical],
            ),
        ];
        let order: Vec<_> = suggest(
            &candidates,
            Nation::EnglandWales,
            Area::parse(" Leeds").ok(),
            &[Need::SafeHousing, Need::Medical],
        )
        .into_iter()
        .map(|s| s.org)
        .collect();
        assert_eq!(order, ["near-many", "near-few", "region-many", "far"]);
    }
}
