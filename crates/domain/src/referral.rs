//! Referrals: what a helper must record before a person's details may go to a support organisation, and
//! the states a referral moves through.
//!
//! An adult is referred only with their informed consent. A child (or a person who may be one) needs no
//! consent: they are safeguarded, and the referral must say which local-authority children's services
//! were notified.

use std::collections::BTreeSet;

use crate::area::Area;
use crate::screening::AgeBand;
use crate::vocabulary::{FirstContact, Indicator, Nation, Need, vocabulary};

vocabulary! {
    /// Where a referral stands. `withdrawn`: an onward referral whose consent was withdrawn before it was
    /// answered; it can no longer be accepted, and what it carried can no longer be read.
    ReferralStatus, "referral status" {
        Sent => "sent",
        Accepted => "accepted",
        Declined => "declined",
        Withdrawn => "withdrawn",
    }
}

/// A referral can be answered once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("this referral was already {0}")]
pub struct AlreadyAnswered(pub ReferralStatus);

impl ReferralStatus {
    /// The status after the receiving organisation accepts.
    pub fn accept(self) -> Result<ReferralStatus, AlreadyAnswered> {
        match self {
            ReferralStatus::Sent => Ok(ReferralStatus::Accepted),
            other => Err(AlreadyAnswered(other)),
        }
    }
    /// The status after the receiving organisation declines.
    pub fn decline(self) -> Result<ReferralStatus, AlreadyAnswered> {
        match self {
            ReferralStatus::Sent => Ok(ReferralStatus::Declined),
            other => Err(AlreadyAnswered(other)),
        }
    }
}

/// Why a referral cannot be sent as it is. Each message tells the helper what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferralError {
    #[error(
        "an adult can only be referred with their informed consent: explain what will be shared, with whom, and that they can withdraw it, then ask them; if they say no, nothing is sent, and they can still call the Modern Slavery & Exploitation Helpline themselves"
    )]
    ConsentRequired,
    #[error(
        "enter which children's services you told about the child: a child's referral needs no consent, but must name the local-authority children's services that were told"
    )]
    ChildrenServicesRequired,
    /// The area is not in the list, or not in the referral's nation (the message says which).
    #[error("{0}")]
    Area(String),
    #[error("{field}: {problem}")]
    Field {
        field: &'static str,
        problem: &'static str,
    },
    /// A referral's field left empty; the message says what to enter.
    #[error("{}", .0.missing())]
    Missing(ReferralField),
    /// A referral's field longer than its limit; the message says the limit and how much was typed.
    #[error("the {} must be {} characters or fewer (you typed {typed})", .field.noun(), .field.max())]
    TooLong { field: ReferralField, typed: usize },
    #[error(
        "the {} contains characters that cannot be stored (such as control characters): type it again", .0.noun()
    )]
    Unstorable(ReferralField),
}

/// The referral's text fields, in the order the form asks for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferralField {
    Name,
    Contact,
    Language,
    ChildrenServices,
}

impl ReferralField {
    /// The most characters the field takes (also shown in the form's hint).
    pub const fn max(self) -> usize {
        match self {
            ReferralField::Name => 200,
            ReferralField::Contact => 500,
            ReferralField::Language => 100,
            ReferralField::ChildrenServices => 200,
        }
    }
    /// The field in a sentence.
    pub fn noun(self) -> &'static str {
        match self {
            ReferralField::Name => "name",
            ReferralField::Contact => "safe contact",
            ReferralField::Language => "language",
            ReferralField::ChildrenServices => "children's services",
        }
    }
    fn missing(self) -> &'static str {
        match self {
            ReferralField::Name => "enter the person's name, or the name they want to use",
            ReferralField::Contact => "enter a safe way to contact them",
            ReferralField::Language => "enter the language they prefer",
            ReferralField::ChildrenServices => "enter which children's services you told",
        }
    }
    fn multiline(self) -> bool {
        self == ReferralField::Contact
    }
    /// Checks one value of this field.
    pub fn parse(self, value: &str) -> Result<PersonalText, ReferralError> {
        PersonalText::check(value, self.max(), self.multiline()).map_err(|p| match p {
            TextProblem::Empty => ReferralError::Missing(self),
            TextProblem::TooLong { typed } => ReferralError::TooLong { field: self, typed },
            TextProblem::Unstorable => ReferralError::Unstorable(self),
        })
    }
}

/// What is wrong with a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    TooLong { typed: usize },
    Unstorable,
}

/// Text that must be present and short, with no control characters: names, contact details, reasons.
#[derive(Clone, PartialEq, Eq)]
pub struct PersonalText(String);

impl std::fmt::Debug for PersonalText {
    // Personal data never reaches a log through Debug.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonalText(…)")
    }
}

impl PersonalText {
    /// Trims, then requires 1 to `max` characters without control characters (new lines are allowed when
    /// `multiline`).
    pub fn parse(
        field: &'static str,
        value: &str,
        max: usize,
        multiline: bool,
    ) -> Result<Self, ReferralError> {
        Self::check(value, max, multiline).map_err(|p| ReferralError::Field {
            field,
            problem: match p {
                TextProblem::Empty => "enter a value",
                TextProblem::TooLong { .. } => "too long",
                TextProblem::Unstorable => "contains characters that cannot be stored",
            },
        })
    }
    /// The same rules as [`PersonalText::parse`], saying what is wrong (with how much was typed).
    pub fn check(value: &str, max: usize, multiline: bool) -> Result<Self, TextProblem> {
        let v = value.trim();
        if v.is_empty() {
            return Err(TextProblem::Empty);
        }
        let typed = v.chars().count();
        if typed > max {
            return Err(TextProblem::TooLong { typed });
        }
        if v.chars()
            .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
        {
            return Err(TextProblem::Unstorable);
        }
        Ok(Self(v.to_owned()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// What a referral carries, as entered (API body or form), before the rules are applied.
#[derive(Debug, Clone)]
pub struct ReferralDraft {
    pub name: String,
    pub contact: String,
    pub language: String,
    pub age: AgeBand,
    pub nation: Nation,
    pub area: Option<String>,
    pub needs: BTreeSet<Need>,
    pub indicators: BTreeSet<Indicator>,
    pub first_contact: FirstContact,
    pub consent_given: bool,
    /// For a child: which local-authority children's services were notified.
    pub children_services_notified: Option<String>,
}

/// The lawful basis on which the person's details go to the support organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The adult gave informed consent after seeing the receiving organisation's data-sharing policy.
    Consent,
    /// A child is safeguarded; these children's services were notified.
    ChildSafeguarding { children_services: PersonalText },
}

/// A referral that satisfies every rule and may be sent.
#[derive(Debug, Clone)]
pub struct ValidReferral {
    pub name: PersonalText,
    pub contact: PersonalText,
    pub language: PersonalText,
    pub age: AgeBand,
    pub nation: Nation,
    pub area: Option<Area>,
    pub needs: BTreeSet<Need>,
    pub indicators: BTreeSet<Indicator>,
    pub first_contact: FirstContact,
    pub basis: Basis,
}

impl ReferralDraft {
    /// Applies the referral rules, stopping at the first refusal: the first of [`ReferralDraft::problems`].
    pub fn validate(self) -> Result<ValidReferral, ReferralError> {
        // The same checks, in the same (form) order, as `problems`.
        let area = self.area()?;
        let name = ReferralField::Name.parse(&self.name)?;
        let contact = ReferralField::Contact.parse(&self.contact)?;
        let language = ReferralField::Language.parse(&self.language)?;
        let basis = self.basis()?;
        Ok(ValidReferral {
            name,
            contact,
            language,
            age: self.age,
            nation: self.nation,
            area,
            needs: self.needs,
            indicators: self.indicators,
            first_contact: self.first_contact,
            basis,
        })
    }

    /// Every refusal at once, in the order the form asks: the area, the name, the safe contact, the
    /// language, then consent (or, for a child, the children's services told). Empty when the draft is
    /// valid.
    pub fn problems(&self) -> Vec<ReferralError> {
        [
            self.area().err(),
            ReferralField::Name.parse(&self.name).err(),
            ReferralField::Contact.parse(&self.contact).err(),
            ReferralField::Language.parse(&self.language).err(),
            self.basis().err(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn area(&self) -> Result<Option<Area>, ReferralError> {
        Area::parse_in(self.area.as_deref(), self.nation).map_err(ReferralError::Area)
    }

    fn basis(&self) -> Result<Basis, ReferralError> {
        if self.age.treated_as_child() {
            let named = self
                .children_services_notified
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .ok_or(ReferralError::ChildrenServicesRequired)?;
            Ok(Basis::ChildSafeguarding {
                children_services: ReferralField::ChildrenServices.parse(named)?,
            })
        } else if self.consent_given {
            Ok(Basis::Consent)
        } else {
            Err(ReferralError::ConsentRequired)
        }
    }
}

/// A support organisation's reason for declining, which the sender sees.
pub fn decline_reason(value: &str) -> Result<PersonalText, ReferralError> {
    PersonalText::parse("reason", value, 2000, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(age: AgeBand, consent: bool, children_services: Option<&str>) -> ReferralDraft {
        ReferralDraft {
            name: " Amina ".into(),
            contact: "Through the drop-in centre on Tuesdays".into(),
            language: "Tigrinya".into(),
            age,
            nation: Nation::EnglandWales,
            area: Some("Leeds".into()),
            needs: [Need::SafeHousing].into(),
            indicators: [Indicator::DebtBondage].into(),
            first_contact: FirstContact::FaithGroup,
            consent_given: consent,
            children_services_notified: children_services.map(str::to_owned),
        }
    }

    #[test]
    fn consent_and_safeguarding_table() {
        use AgeBand::*;
        type Row<'a> = (AgeBand, bool, Option<&'a str>, Result<(), ReferralError>);
        let cases: &[Row<'_>] = &[
            (Adult, true, None, Ok(())),
            (Adult, false, None, Err(ReferralError::ConsentRequired)),
            (
                Adult,
                false,
                Some("Leeds children's services"),
                Err(ReferralError::ConsentRequired),
            ),
            (Under18, false, Some("Leeds children's services"), Ok(())),
            (Under18, true, Some("Leeds children's services"), Ok(())),
            (
                Under18,
                false,
                None,
                Err(ReferralError::ChildrenServicesRequired),
            ),
            (
                Unsure,
                false,
                Some("  "),
                Err(ReferralError::ChildrenServicesRequired),
            ),
            (Unsure, false, Some("Leeds children's services"), Ok(())),
        ];
        for (age, consent, cs, expected) in cases {
            let got = draft(*age, *consent, *cs).validate().map(|_| ());
            assert_eq!(&got, expected, "{age} consent={consent} cs={cs:?}");
        }
    }

    #[test]
    fn a_childs_basis_is_safeguarding_even_with_consent() {
        let v = draft(AgeBand::Under18, true, Some("Leeds children's services"))
            .validate()
            .expect("valid");
        assert!(matches!(v.basis, Basis::ChildSafeguarding { .. }));
    }

    #[test]
    fn names_are_trimmed_and_checked() {
        let v = draft(AgeBand::Adult, true, None).validate().expect("valid");
        assert_eq!(v.name.expose(), "Amina");
        let mut d = draft(AgeBand::Adult, true, None);
        d.name = "   ".into();
        assert_eq!(
            d.validate().err(),
            Some(ReferralError::Missing(ReferralField::Name))
        );
        let mut d = draft(AgeBand::Adult, true, None);
        d.name = "a\u{0}b".into();
        assert!(d.validate().is_err());
    }

    #[test]
    fn the_area_comes_from_the_list_and_the_referrals_nation() {
        let v = draft(AgeBand::Adult, true, None).validate().expect("valid");
        assert_eq!(v.area.map(Area::code), Some("E08000035"));
        let mut d = draft(AgeBand::Adult, true, None);
        d.area = Some("Flat 3, 12 Acacia Road".into());
        let err = d.validate().expect_err("an address").to_string();
        assert!(
            err.contains("GET /api/v1/areas") && !err.contains("Acacia"),
            "{err}"
        );
        let mut d = draft(AgeBand::Adult, true, None);
        d.nation = Nation::Scotland;
        let err = d
            .validate()
            .expect_err("Leeds is not in Scotland")
            .to_string();
        assert!(err.contains("Leeds") && err.contains("Scotland"), "{err}");
        let mut d = draft(AgeBand::Adult, true, None);
        d.area = Some(" ".into());
        assert!(d.validate().expect("not recorded").area.is_none());
    }

    #[test]
    fn an_empty_draft_has_every_problem_at_once_in_form_order() {
        let mut d = draft(AgeBand::Adult, false, None);
        d.name = String::new();
        d.contact = " ".into();
        d.language = String::new();
        d.area = None;
        assert_eq!(
            d.problems(),
            vec![
                ReferralError::Missing(ReferralField::Name),
                ReferralError::Missing(ReferralField::Contact),
                ReferralError::Missing(ReferralField::Language),
                ReferralError::ConsentRequired,
            ]
        );
        // `validate` refuses with the first of them.
        assert_eq!(d.clone().validate().err(), d.problems().first().cloned());
        d.age = AgeBand::Under18;
        assert_eq!(
            d.problems().last(),
            Some(&ReferralError::ChildrenServicesRequired)
        );
        assert!(
            draft(AgeBand::Adult, true, None).problems().is_empty(),
            "a valid draft has none"
        );
    }

    #[test]
    fn messages_are_plain_and_say_the_limit() {
        let mut d = draft(AgeBand::Adult, true, None);
        d.contact = "x".repeat(612);
        let m = d.problems().first().map(ToString::to_string);
        assert_eq!(
            m.as_deref(),
            Some("the safe contact must be 500 characters or fewer (you typed 612)")
        );
        assert_eq!(
            ReferralError::Missing(ReferralField::Name).to_string(),
            "enter the person's name, or the name they want to use"
        );
    }

    #[test]
    fn personal_text_never_prints_in_debug() {
        let t = PersonalText::parse("name", "Canary Person", 100, false).expect("valid");
        assert!(!format!("{t:?}").contains("Canary"));
    }

    #[test]
    fn a_referral_is_answered_once() {
        assert_eq!(ReferralStatus::Sent.accept(), Ok(ReferralStatus::Accepted));
        assert_eq!(ReferralStatus::Sent.decline(), Ok(ReferralStatus::Declined));
        assert_eq!(
            ReferralStatus::Accepted.decline(),
            Err(AlreadyAnswered(ReferralStatus::Accepted))
        );
        assert_eq!(
            ReferralStatus::Declined.accept(),
            Err(AlreadyAnswered(ReferralStatus::Declined))
        );
    }
}
