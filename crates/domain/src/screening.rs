//! The screening rule: what a helper should do about a concern, decided from a few facts.
//!
//! Exactly one outcome, the most urgent that applies:
//! 1. `emergency` — someone is in immediate danger now;
//! 2. `child_safeguarding` — the person is under 18, or nobody is sure they are not (a disputed age is
//!    treated as a child's, as UK guidance requires);
//! 3. `possible_trafficking` — the indicators point to trafficking or modern slavery (see
//!    [`indicators_point_to_trafficking`]);
//! 4. `no_clear_indicators` — otherwise.
//!
//! The rule only decides what to offer next (a consented referral to a support organisation); it never
//! decides whether someone *is* a survivor. That is for the independent decision body.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::vocabulary::{Indicator, Nation, ScreeningOutcome, Strength, vocabulary};

vocabulary! {
    /// The person's age as the helper knows it.
    AgeBand, "age" {
        Under18 => "under_18",
        Adult => "adult",
        Unsure => "unsure",
    }
}

impl AgeBand {
    /// A person who is, or may be, under 18 is safeguarded as a child.
    pub fn treated_as_child(self) -> bool {
        !matches!(self, AgeBand::Adult)
    }
}

/// What a screening records: no names, nothing that identifies the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningInput {
    pub age: AgeBand,
    pub immediate_danger: bool,
    pub indicators: BTreeSet<Indicator>,
    pub nation: Nation,
}

/// The weight one indicator adds: a strong sign 3, a medium 2, a weak 1.
pub fn weight(indicator: Indicator) -> u32 {
    match indicator.strength() {
        Strength::Strong => 3,
        Strength::Medium => 2,
        Strength::Weak => 1,
    }
}

/// The score at or above which indicators point to trafficking.
pub const POINTS_TO_TRAFFICKING: u32 = 3;

/// Indicators "point to" trafficking when their weights add up to at least [`POINTS_TO_TRAFFICKING`]:
/// any one strong sign (documents held, debt bondage, threats, violence, restricted movement, forced
/// crime or sex work, threats of the authorities); or two medium signs; or a medium and a weak sign; or
/// three weak signs. UK guidance says one indicator may be enough and that several together usually are;
/// a screening errs towards offering support, since a referral needs the person's consent anyway.
pub fn indicators_point_to_trafficking(indicators: &BTreeSet<Indicator>) -> bool {
    indicators.iter().copied().map(weight).sum::<u32>() >= POINTS_TO_TRAFFICKING
}

/// Decides the one outcome of a screening.
pub fn screen(input: &ScreeningInput) -> ScreeningOutcome {
    if input.immediate_danger {
        ScreeningOutcome::Emergency
    } else if input.age.treated_as_child() {
        ScreeningOutcome::ChildSafeguarding
    } else if indicators_point_to_trafficking(&input.indicators) {
        ScreeningOutcome::PossibleTrafficking
    } else {
        ScreeningOutcome::NoClearIndicators
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Indicator::*;
    use ScreeningOutcome::*;
    use proptest::prelude::*;

    fn input(age: AgeBand, danger: bool, indicators: &[Indicator]) -> ScreeningInput {
        ScreeningInput {
            age,
            immediate_danger: danger,
            indicators: indicators.iter().copied().collect(),
            nation: Nation::EnglandWales,
        }
    }

    #[test]
    fn outcome_table() {
        use AgeBand::*;
        type Row<'a> = (AgeBand, bool, &'a [Indicator], ScreeningOutcome);
        let table: &[Row<'_>] = &[
            // Danger comes first, whatever else is true.
            (Adult, true, &[], Emergency),
            (Under18, true, &[DebtBondage], Emergency),
            (Unsure, true, &[], Emergency),
            // A child, or someone who may be one, is safeguarded even with no indicator.
            (Under18, false, &[], ChildSafeguarding),
            (Unsure, false, &[], ChildSafeguarding),
            (Unsure, false, &[ForcedCriminality], ChildSafeguarding),
            // Adults: one strong sign is enough.
            (Adult, false, &[RetentionOfDocuments], PossibleTrafficking),
            (
                Adult,
                false,
                &[ThreatenedWithAuthorities],
                PossibleTrafficking,
            ),
            (Adult, false, &[ForcedSexWork], PossibleTrafficking),
            // Two medium signs, or a medium and a weak one.
            (Adult, false, &[Deception, Isolation], PossibleTrafficking),
            (
                Adult,
                false,
                &[WithholdingOfWages, LivesAtWorkplace],
                PossibleTrafficking,
            ),
            // Three weak signs.
            (
                Adult,
                false,
                &[ExcessiveOvertime, LivesAtWorkplace, SomeoneSpeaksForThem],
                PossibleTrafficking,
            ),
            // Not enough on their own.
            (Adult, false, &[], NoClearIndicators),
            (Adult, false, &[Deception], NoClearIndicators),
            (
                Adult,
                false,
                &[ExcessiveOvertime, FearfulOrScripted],
                NoClearIndicators,
            ),
        ];
        for (age, danger, indicators, expected) in table {
            let got = screen(&input(*age, *danger, indicators));
            assert_eq!(got, *expected, "age {age}, danger {danger}, {indicators:?}");
        }
    }

    #[test]
    fn every_strong_indicator_alone_points_to_trafficking() {
        for i in Indicator::ALL
            .iter()
            .filter(|i| i.strength() == Strength::Strong)
        {
            assert_eq!(
                screen(&input(AgeBand::Adult, false, &[*i])),
                PossibleTrafficking,
                "{i}"
            );
        }
        for i in Indicator::ALL
            .iter()
            .filter(|i| i.strength() != Strength::Strong)
        {
            assert_eq!(
                screen(&input(AgeBand::Adult, false, &[*i])),
                NoClearIndicators,
                "{i}"
            );
        }
    }

    fn any_indicators() -> impl Strategy<Value = BTreeSet<Indicator>> {
        proptest::collection::btree_set(proptest::sample::select(Indicator::ALL), 0..8)
    }

    proptest! {
        #[test]
        fn adding_an_indicator_never_lowers_the_outcome(set in any_indicators(), extra in proptest::sample::select(Indicator::ALL)) {
            let before = screen(&input(AgeBand::Adult, false, &set.iter().copied().collect::<Vec<_>>()));
            let mut more = set.clone();
            more.insert(extra);
            let after = screen(&input(AgeBand::Adult, false, &more.iter().copied().collect::<Vec<_>>()));
            // Outcomes are ordered most urgent first.
            prop_assert!(after <= before);
        }

        #[test]
        fn danger_always_wins(set in any_indicators(), age in proptest::sample::select(AgeBand::ALL)) {
            let i = input(age, true, &set.iter().copied().collect::<Vec<_>>());
            prop_assert_eq!(screen(&i), Emergency);
        }
    }
}
