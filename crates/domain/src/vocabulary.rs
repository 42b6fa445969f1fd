//! The stable ids of `content/vocabulary.toml` as Rust types: the API, the database, the statistics and
//! the tests all speak these ids. A test keeps this file and the TOML in step.

use serde::Serialize;

/// An id that is not in the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} \"{value}\"; expected one of: {expected}")]
pub struct UnknownId {
    pub kind: &'static str,
    pub value: String,
    pub expected: String,
}

/// Declares a closed set of vocabulary ids: an enum, its text ids, parsing and serde as the id string.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $kind:literal { $($variant:ident => $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every id, in vocabulary order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What this set of ids is called in error messages.
            pub const KIND: &'static str = $kind;

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn parse(value: &str) -> Result<Self, $crate::vocabulary::UnknownId> {
                match value {
                    $($id => Ok($name::$variant),)+
                    _ => Err($crate::vocabulary::UnknownId {
                        kind: $kind,
                        value: value.chars().take(64).collect(),
                        expected: [$($id),+].join(", "),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::vocabulary::UnknownId;
            fn from_str(s: &str) -> Result<Self, Self::Err> { Self::parse(s) }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::vocabulary::UnknownId;
            fn try_from(s: String) -> Result<Self, Self::Error> { Self::parse(&s) }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str { v.as_str() }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// Signs of trafficking or modern slavery that a screening can record.
    Indicator, "indicator" {
        AbuseOfVulnerability => "abuse_of_vulnerability",
        Deception => "deception",
        RestrictionOfMovement => "restriction_of_movement",
        Isolation => "isolation",
        PhysicalSexualViolence => "physical_sexual_violence",
        IntimidationThreats => "intimidation_threats",
        RetentionOfDocuments => "retention_of_documents",
        WithholdingOfWages => "withholding_of_wages",
        DebtBondage => "debt_bondage",
        AbusiveConditions => "abusive_conditions",
        ExcessiveOvertime => "excessive_overtime",
        ThreatenedWithAuthorities => "threatened_with_authorities",
        LivesAtWorkplace => "lives_at_workplace",
        SomeoneSpeaksForThem => "someone_speaks_for_them",
        DoesNotKnowAddress => "does_not_know_address",
        UntreatedInjuries => "untreated_injuries",
        FearfulOrScripted => "fearful_or_scripted",
        ForcedCriminality => "forced_criminality",
        ForcedSexWork => "forced_sex_work",
    }
}

/// How strongly one indicator on its own points to trafficking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Weak,
    Medium,
    Strong,
}

impl Indicator {
    pub fn strength(self) -> Strength {
        use Indicator::*;
        match self {
            RestrictionOfMovement
            | PhysicalSexualViolence
            | IntimidationThreats
            | RetentionOfDocuments
            | DebtBondage
            | ThreatenedWithAuthorities
            | ForcedCriminality
            | ForcedSexWork => Strength::Strong,
            AbuseOfVulnerability | Deception | Isolation | WithholdingOfWages
            | AbusiveConditions | UntreatedInjuries => Strength::Medium,
            ExcessiveOvertime | LivesAtWorkplace | SomeoneSpeaksForThem | DoesNotKnowAddress
            | FearfulOrScripted => Strength::Weak,
        }
    }
}

vocabulary! {
    /// Kinds of exploitation, as UK statistics count them.
    ExploitationType, "exploitation type" {
        Sexual => "sexual",
        Labour => "labour",
        DomesticServitude => "domestic_servitude",
        Criminal => "criminal",
        OrganHarvesting => "organ_harvesting",
        Unknown => "unknown",
    }
}

vocabulary! {
    /// The one outcome of a screening, from most to least urgent.
    ScreeningOutcome, "screening outcome" {
        Emergency => "emergency",
        ChildSafeguarding => "child_safeguarding",
        PossibleTrafficking => "possible_trafficking",
        NoClearIndicators => "no_clear_indicators",
    }
}

vocabulary! {
    /// Who the person first turned to: the route into support that statistics report on.
    FirstContact, "first contact" {
        Myself => "self",
        FaithGroup => "faith_group",
        CommunityGroup => "community_group",
        MemberOfPublic => "member_of_public",
        FriendOrFamily => "friend_or_family",
        HealthWorker => "health_worker",
        Charity => "charity",
        Helpline => "helpline",
        Police => "police",
        ImmigrationOfficial => "immigration_official",
        LocalAuthority => "local_authority",
        Other => "other",
    }
}

vocabulary! {
    /// Needs that support organisations meet and referrals ask for.
    Need, "need" {
        EmergencyAccommodation => "emergency_accommodation",
        SafeHousing => "safe_housing",
        Medical => "medical",
        MentalHealth => "mental_health",
        LegalAdvice => "legal_advice",
        ImmigrationAdvice => "immigration_advice",
        Interpreter => "interpreter",
        MoneyAndFood => "money_and_food",
        ChildrenAndFamily => "children_and_family",
        EducationAndWork => "education_and_work",
        FaithAndCommunity => "faith_and_community",
        ReturnHome => "return_home",
    }
}

vocabulary! {
    /// The UK jurisdictions whose rules and contacts differ.
    Nation, "nation" {
        EnglandWales => "england_wales",
        Scotland => "scotland",
        NorthernIreland => "northern_ireland",
    }
}

/// Parses a comma-separated list of ids (as the CLI takes them), ignoring blanks and repeats.
pub fn parse_list<T: std::str::FromStr<Err = UnknownId> + Ord>(
    list: &str,
) -> Result<Vec<T>, UnknownId> {
    let mut out: Vec<T> = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()?;
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct VocabularyFile {
        indicator: Vec<IndicatorEntry>,
        exploitation_types: Vec<String>,
        screening_outcomes: Vec<String>,
        first_contacts: Vec<String>,
        needs: Vec<String>,
        jurisdictions: Vec<String>,
        urgencies: Vec<String>,
    }
    #[derive(serde::Deserialize)]
    struct IndicatorEntry {
        id: String,
        strength: String,
    }

    fn file() -> VocabularyFile {
        toml::from_str(include_str!("../../../content/vocabulary.toml"))
            .expect("content/vocabulary.toml parses")
    }

    fn ids<T: Copy + Into<&'static str>>(all: &[T]) -> Vec<String> {
        all.iter().map(|v| (*v).into().to_owned()).collect()
    }

    #[test]
    fn every_id_set_matches_the_vocabulary_file_in_order() {
        let f = file();
        let indicator_ids: Vec<String> = f.indicator.iter().map(|i| i.id.clone()).collect();
        assert_eq!(ids(Indicator::ALL), indicator_ids);
        assert_eq!(ids(ExploitationType::ALL), f.exploitation_types);
        assert_eq!(ids(ScreeningOutcome::ALL), f.screening_outcomes);
        assert_eq!(ids(FirstContact::ALL), f.first_contacts);
        assert_eq!(ids(Need::ALL), f.needs);
        assert_eq!(ids(Nation::ALL), f.jurisdictions);
        assert_eq!(ids(crate::self_referral::Urgency::ALL), f.urgencies);
    }

    #[test]
    fn indicator_strengths_match_the_vocabulary_file() {
        for entry in file().indicator {
            let indicator = Indicator::parse(&entry.id).expect("known id");
            let expected = match entry.strength.as_str() {
                "weak" => Strength::Weak,
                "medium" => Strength::Medium,
                "strong" => Strength::Strong,
                other => panic!("unexpected strength {other}"),
            };
            assert_eq!(indicator.strength(), expected, "{}", entry.id);
        }
    }

    #[test]
    fn unknown_ids_are_refused_with_the_expected_list() {
        let err = Need::parse("spaceship").expect_err("not a need");
        assert_eq!(err.kind, "need");
        assert!(err.to_string().contains("safe_housing"));
        assert!(Nation::parse("England_Wales").is_err(), "ids are exact");
    }

    #[test]
    fn lists_parse_sorted_and_deduplicated() {
        let needs: Vec<Need> = parse_list(" medical, safe_housing,,medical ").expect("valid");
        assert_eq!(needs, vec![Need::SafeHousing, Need::Medical]);
        assert!(parse_list::<Need>("medical,nope").is_err());
    }

    #[test]
    fn ids_round_trip_through_serde_as_strings() {
        let json = serde_json_like(FirstContact::Myself);
        assert_eq!(json, "self");
        for n in Nation::ALL {
            assert_eq!(Nation::parse(n.as_str()), Ok(*n));
        }
    }

    fn serde_json_like(v: FirstContact) -> String {
        // toml has no bare-value serializer; go through a table.
        #[derive(Serialize)]
        struct W {
            v: FirstContact,
        }
        let s = toml::to_string(&W { v }).expect("serialises");
        s.trim()
            .trim_start_matches("v = ")
            .trim_matches('"')
            .to_owned()
    }
}
