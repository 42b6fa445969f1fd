//! A survivor's own request for help: only what the support organisation needs in order to act, and the
//! basis on which it is sent. No name, phone number or email is ever required.
//!
//! Required: nation, at least one need, a language, how urgent, an age band,
//! and the person's confirmation that they read the chosen organisation's data-sharing policy and want to
//! be referred. Optional: the local authority area (from the list; a person may not know it), a name or alias, a safe way to contact them, a message.
//!
//! A child (or someone who is not sure they are 18) may ask too. A child cannot be expected to contact
//! children's services first, so the request goes on the `child_safeguarding` basis with nobody named as
//! notified: the receiving organisation then carries the duty to tell children's services
//! ([`must_tell_childrens_services`]).

use std::collections::BTreeSet;

use crate::area::Area;
use crate::referral::{PersonalText, ReferralError};
use crate::screening::AgeBand;
use crate::vocabulary::{FirstContact, Nation, Need, vocabulary};

vocabulary! {
    /// How soon a person who refers themselves needs the organisation to act.
    Urgency, "urgency" {
        Today => "today",
        ThisWeek => "this_week",
        NotUrgent => "not_urgent",
    }
}

/// The most characters of the optional message sent with a self-referral (and of any channel message).
pub const MESSAGE_MAX_CHARS: usize = 4000;
/// The most characters a name or alias may have.
pub const NAME_MAX_CHARS: usize = 200;
/// The most characters a safe way of contact may have.
pub const CONTACT_MAX_CHARS: usize = 500;
/// The most characters the language may have.
pub const LANGUAGE_MAX_CHARS: usize = 100;

/// Why a self-referral cannot be sent as it is, in words for the person asking.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelfReferralError {
    #[error(
        "to send your request, confirm that you have read how this organisation uses your information and that you want them to contact you"
    )]
    ConsentRequired,
    #[error("choose at least one thing you would like help with")]
    NeedsRequired,
    /// The area is not in the list, or not in the nation chosen (the message says which).
    #[error("{0}")]
    Area(String),
    #[error("{field}: {problem}")]
    Field {
        field: &'static str,
        problem: &'static str,
    },
}

impl From<ReferralError> for SelfReferralError {
    fn from(e: ReferralError) -> Self {
        match e {
            ReferralError::Field { field, problem } => SelfReferralError::Field { field, problem },
            ReferralError::Area(problem) => SelfReferralError::Area(problem),
            // Only a referral's own fields report these; a self-referral's come through `Field`.
            ReferralError::Missing(f) => SelfReferralError::Field {
                field: f.noun(),
                problem: "enter a value",
            },
            ReferralError::TooLong { field, .. } => SelfReferralError::Field {
                field: field.noun(),
                problem: "too long",
            },
            ReferralError::Unstorable(f) => SelfReferralError::Field {
                field: f.noun(),
                problem: "contains characters that cannot be stored",
            },
            // PersonalText only reports field problems; anything else would be a programming error, and the
            // safe answer is still "not sent".
            ReferralError::ConsentRequired | ReferralError::ChildrenServicesRequired => {
                SelfReferralError::ConsentRequired
            }
        }
    }
}

/// A self-referral as entered (API body or form), before the rules are applied.
#[derive(Debug, Clone)]
pub struct SelfReferralDraft {
    pub nation: Nation,
    /// Blank when the person is not sure of their council area: it is then not recorded.
    pub area: Option<String>,
    pub needs: BTreeSet<Need>,
    pub language: String,
    pub urgency: Urgency,
    pub age: AgeBand,
    pub name: Option<String>,
    pub contact: Option<String>,
    pub message: Option<String>,
    /// The person confirmed they read the organisation's data-sharing policy and want to be referred.
    pub consent_given: bool,
}

/// The lawful basis of a self-referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelfReferralBasis {
    /// An adult asked for support after reading the organisation's data-sharing policy.
    Consent,
    /// A child, or someone who may be one, asked for help: they are safeguarded, and the receiving
    /// organisation must tell children's services.
    ChildSafeguarding,
}

impl SelfReferralBasis {
    /// The id stored with the referral: the same ids as a helper's referral, so statistics count both.
    pub fn as_str(self) -> &'static str {
        match self {
            SelfReferralBasis::Consent => "consent",
            SelfReferralBasis::ChildSafeguarding => "child_safeguarding",
        }
    }
}

/// A self-referral that satisfies every rule and may be sent.
#[derive(Debug, Clone)]
pub struct ValidSelfReferral {
    pub nation: Nation,
    pub area: Option<Area>,
    pub needs: BTreeSet<Need>,
    pub language: PersonalText,
    pub urgency: Urgency,
    pub age: AgeBand,
    pub name: Option<PersonalText>,
    pub contact: Option<PersonalText>,
    pub message: Option<PersonalText>,
    pub basis: SelfReferralBasis,
}

impl ValidSelfReferral {
    /// Who the person first turned to: themselves.
    pub const FIRST_CONTACT: FirstContact = FirstContact::Myself;
}

/// Optional text: blank means not given; otherwise the same rules as required text.
fn optional(
    field: &'static str,
    value: Option<&str>,
    max: usize,
    multiline: bool,
) -> Result<Option<PersonalText>, SelfReferralError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => Ok(Some(PersonalText::parse(field, v, max, multiline)?)),
        None => Ok(None),
    }
}

impl SelfReferralDraft {
    /// Applies the self-referral rules. Consent is checked first: without it nothing else matters.
    pub fn validate(self) -> Result<ValidSelfReferral, SelfReferralError> {
        if !self.consent_given {
            return Err(SelfReferralError::ConsentRequired);
        }
        let area =
            Area::parse_in(self.area.as_deref(), self.nation).map_err(SelfReferralError::Area)?;
        if self.needs.is_empty() {
            return Err(SelfReferralError::NeedsRequired);
        }
        let basis = if self.age.treated_as_child() {
            SelfReferralBasis::ChildSafeguarding
        } else {
            SelfReferralBasis::Consent
        };
        Ok(ValidSelfReferral {
            nation: self.nation,
            area,
            needs: self.needs,
            language: PersonalText::parse("language", &self.language, LANGUAGE_MAX_CHARS, false)?,
            urgency: self.urgency,
            age: self.age,
            name: optional("name", self.name.as_deref(), NAME_MAX_CHARS, false)?,
            contact: optional(
                "safe contact",
                self.contact.as_deref(),
                CONTACT_MAX_CHARS,
                true,
            )?,
            message: optional("message", self.message.as_deref(), MESSAGE_MAX_CHARS, true)?,
            basis,
        })
    }
}

/// Whether the receiving organisation still has to tell children's services about a referral: a child's
/// referral (basis `child_safeguarding`) on which nobody has recorded which children's services were told.
/// A helper names them when referring; a child who asks for help themselves cannot, so the duty passes to
/// the organisation that receives the request.
pub fn must_tell_childrens_services(basis: &str, childrens_services_recorded: bool) -> bool {
    basis == SelfReferralBasis::ChildSafeguarding.as_str() && !childrens_services_recorded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> SelfReferralDraft {
        SelfReferralDraft {
            nation: Nation::EnglandWales,
            area: Some(" Leeds ".into()),
            needs: [Need::SafeHousing].into(),
            language: "Tigrinya".into(),
            urgency: Urgency::ThisWeek,
            age: AgeBand::Adult,
            name: None,
            contact: None,
            message: None,
            consent_given: true,
        }
    }

    fn field(field: &'static str, problem: &'static str) -> SelfReferralError {
        SelfReferralError::Field { field, problem }
    }

    type Change = fn(&mut SelfReferralDraft);

    #[test]
    fn what_is_required_and_what_is_not() {
        let rows: &[(&str, Change, Result<(), SelfReferralError>)] = &[
            ("the minimum is enough", |_| {}, Ok(())),
            (
                "no consent",
                |d| d.consent_given = false,
                Err(SelfReferralError::ConsentRequired),
            ),
            (
                "a child without consent is not sent either",
                |d| {
                    d.age = AgeBand::Under18;
                    d.consent_given = false;
                },
                Err(SelfReferralError::ConsentRequired),
            ),
            (
                "a child needs nobody named",
                |d| d.age = AgeBand::Under18,
                Ok(()),
            ),
            ("not sure of age", |d| d.age = AgeBand::Unsure, Ok(())),
            (
                "not sure of the area: not recorded",
                |d| d.area = Some("  ".into()),
                Ok(()),
            ),
            ("no area at all", |d| d.area = None, Ok(())),
            (
                "no needs",
                |d| d.needs.clear(),
                Err(SelfReferralError::NeedsRequired),
            ),
            (
                "blank language",
                |d| d.language = " ".into(),
                Err(field("language", "enter a value")),
            ),
            (
                "language too long",
                |d| d.language = "l".repeat(101),
                Err(field("language", "too long")),
            ),
            (
                "blank name is no name",
                |d| d.name = Some("  ".into()),
                Ok(()),
            ),
            (
                "name too long",
                |d| d.name = Some("n".repeat(201)),
                Err(field("name", "too long")),
            ),
            (
                "name with a control character",
                |d| d.name = Some("a\u{7}b".into()),
                Err(field("name", "contains characters that cannot be stored")),
            ),
            (
                "contact over lines",
                |d| d.contact = Some("text only\nafter 6pm".into()),
                Ok(()),
            ),
            (
                "message of 4000",
                |d| d.message = Some("m".repeat(4000)),
                Ok(()),
            ),
            (
                "message of 4001",
                |d| d.message = Some("m".repeat(4001)),
                Err(field("message", "too long")),
            ),
        ];
        for (what, change, expected) in rows {
            let mut d = draft();
            change(&mut d);
            assert_eq!(&d.validate().map(|_| ()), expected, "{what}");
        }
    }

    #[test]
    fn the_basis_follows_the_age_band_and_first_contact_is_self() {
        for (age, basis) in [
            (AgeBand::Adult, SelfReferralBasis::Consent),
            (AgeBand::Under18, SelfReferralBasis::ChildSafeguarding),
            (AgeBand::Unsure, SelfReferralBasis::ChildSafeguarding),
        ] {
            let mut d = draft();
            d.age = age;
            assert_eq!(d.validate().expect("valid").basis, basis, "{age}");
        }
        assert_eq!(ValidSelfReferral::FIRST_CONTACT.as_str(), "self");
    }

    #[test]
    fn optional_text_is_trimmed_and_blank_is_absent() {
        let mut d = draft();
        d.name = Some("  Sara ".into());
        d.contact = Some(String::new());
        d.message = Some(" I need somewhere safe to sleep. ".into());
        let v = d.validate().expect("valid");
        assert_eq!(v.name.as_ref().map(PersonalText::expose), Some("Sara"));
        assert!(v.contact.is_none());
        assert_eq!(
            v.message.as_ref().map(PersonalText::expose),
            Some("I need somewhere safe to sleep.")
        );
        assert_eq!(v.area.map(Area::code), Some("E08000035"));
    }

    #[test]
    fn the_area_comes_from_the_list_and_the_nation_chosen() {
        let mut d = draft();
        d.area = Some("LS1 4AB".into());
        let err = d.validate().expect_err("a postcode").to_string();
        assert!(
            err.contains("waymark areas") && !err.contains("4AB"),
            "{err}"
        );
        let mut d = draft();
        d.nation = Nation::NorthernIreland;
        let err = d
            .validate()
            .expect_err("Leeds is not in Northern Ireland")
            .to_string();
        assert!(
            err.contains("Leeds") && err.contains("Northern Ireland"),
            "{err}"
        );
    }

    #[test]
    fn the_receiving_organisation_tells_childrens_services_when_nobody_has() {
        let rows = [
            ("child_safeguarding", false, true),
            ("child_safeguarding", true, false),
            ("consent", false, false),
            ("consent", true, false),
        ];
        for (basis, recorded, expected) in rows {
            assert_eq!(
                must_tell_childrens_services(basis, recorded),
                expected,
                "{basis} recorded={recorded}"
            );
        }
    }

    #[test]
    fn the_consent_message_is_plain() {
        let m = SelfReferralError::ConsentRequired.to_string();
        assert!(m.starts_with("to send your request, confirm"), "{m}");
    }
}
