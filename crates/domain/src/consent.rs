//! Consent records and onward referral: what a person agreed may be shared, with whom and why, and the one
//! rule that decides whether an onward referral to another organisation in Waymark is covered.
//!
//! A consent names its scopes (what), its recipient (who), its purpose (why), when and how it was given,
//! and can be withdrawn. Nothing goes to another organisation without a consent that covers it. A child's
//! case records the safeguarding basis instead of consent, with the safeguarding reason as its purpose.

use std::collections::BTreeSet;

use crate::OrgId;
use crate::referral::{PersonalText, TextProblem};
use crate::screening::AgeBand;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// What a consent lets the organisation share.
    ConsentScope, "consent scope" {
        Identity => "identity",
        Contact => "contact",
        Needs => "needs",
        History => "history",
        Documents => "documents",
    }
}

vocabulary! {
    /// The lawful basis of a sharing record: an adult's consent, or a child's safeguarding.
    ConsentBasis, "consent basis" {
        Consent => "consent",
        Safeguarding => "safeguarding",
    }
}

vocabulary! {
    /// How the consent was given.
    ConsentMethod, "consent method" {
        InPerson => "in_person",
        Phone => "phone",
        Interpreter => "interpreter",
        Written => "written",
    }
}

impl ConsentScope {
    /// What the scope covers, in words for the page and for the person.
    pub fn describe(self) -> &'static str {
        match self {
            ConsentScope::Identity => {
                "who they are (names, date of birth or age, nationality, languages)"
            }
            ConsentScope::Contact => "how to contact them safely",
            ConsentScope::Needs => "their needs",
            ConsentScope::History => "their exploitation history",
            ConsentScope::Documents => "their documents",
        }
    }
    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            ConsentScope::Identity => "Identity",
            ConsentScope::Contact => "Contact details",
            ConsentScope::Needs => "Needs",
            ConsentScope::History => "Exploitation history",
            ConsentScope::Documents => "Documents",
        }
    }
}

impl ConsentMethod {
    pub fn label(self) -> &'static str {
        match self {
            ConsentMethod::InPerson => "In person",
            ConsentMethod::Phone => "By phone",
            ConsentMethod::Interpreter => "Through an interpreter",
            ConsentMethod::Written => "In writing",
        }
    }
}

/// The basis a case records: a child (or someone who may be one) is safeguarded, an adult consents.
pub fn basis_for(age: AgeBand) -> ConsentBasis {
    if age.treated_as_child() {
        ConsentBasis::Safeguarding
    } else {
        ConsentBasis::Consent
    }
}

/// Why a consent record cannot be stored as entered. Names the form field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConsentError {
    #[error("{field}: {problem}")]
    Field {
        field: &'static str,
        problem: &'static str,
    },
    /// The purpose is longer than [`PURPOSE_MAX_CHARS`]; the message says the limit and how much was typed.
    #[error("the purpose must be {PURPOSE_MAX_CHARS} characters or fewer (you typed {typed})")]
    PurposeTooLong { typed: usize },
}

/// A consent as entered in the form, before the rules are applied (the date is checked on its own).
#[derive(Debug, Clone, Copy)]
pub struct ConsentDraft<'a> {
    pub scopes: &'a [String],
    pub recipient: &'a str,
    pub purpose: &'a str,
    pub method: &'a str,
}

impl ConsentDraft<'_> {
    /// Every problem at once, in the form's order: what may be shared, with whom, why, and how consent
    /// was given. Each `Field` problem is a plain sentence on its own (the field is for the link).
    pub fn problems(&self) -> Vec<ConsentError> {
        let mut out = Vec::new();
        if let Err(e) = parse_scopes(self.scopes) {
            out.push(e);
        }
        if OrgId::parse(self.recipient.trim()).is_err() {
            out.push(field("recipient", "choose the organisation to share with"));
        }
        match PersonalText::check(self.purpose, PURPOSE_MAX_CHARS, true) {
            Ok(_) => {}
            Err(TextProblem::Empty) => out.push(field(
                "purpose",
                "enter why it is shared (for a child: the safeguarding reason)",
            )),
            Err(TextProblem::TooLong { typed }) => out.push(ConsentError::PurposeTooLong { typed }),
            Err(TextProblem::Unstorable) => out.push(field(
                "purpose",
                "the purpose contains characters that cannot be stored: type it again",
            )),
        }
        if ConsentMethod::parse(self.method.trim()).is_err() {
            out.push(field("method", "choose how consent was given"));
        }
        out
    }
}

fn field(field: &'static str, problem: &'static str) -> ConsentError {
    ConsentError::Field { field, problem }
}

/// The purpose (or, for a child, the safeguarding reason): 1 to 500 characters, short text.
pub fn purpose(value: &str) -> Result<PersonalText, ConsentError> {
    PersonalText::parse("purpose", value, PURPOSE_MAX_CHARS, true).map_err(|_| {
        field(
            "purpose",
            "say why it is shared, in 1 to 500 characters (for a child: the safeguarding reason)",
        )
    })
}

/// The longest purpose.
pub const PURPOSE_MAX_CHARS: usize = 500;

/// Scopes as typed or ticked: at least one, each a known id, no repeats kept.
pub fn parse_scopes<S: AsRef<str>>(values: &[S]) -> Result<BTreeSet<ConsentScope>, ConsentError> {
    let mut out = BTreeSet::new();
    for v in values {
        let v = v.as_ref().trim();
        if v.is_empty() {
            continue;
        }
        out.insert(ConsentScope::parse(v).map_err(|_| {
            field(
                "scope",
                "choose from identity, contact, needs, history, documents",
            )
        })?);
    }
    if out.is_empty() {
        return Err(field(
            "scope",
            "choose at least one thing that may be shared",
        ));
    }
    Ok(out)
}

/// Scopes as stored: a comma list in vocabulary order.
pub fn join_scopes(scopes: &BTreeSet<ConsentScope>) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// The date the consent was given: not in the future.
pub fn given_on(value: time::Date, today: time::Date) -> Result<time::Date, ConsentError> {
    if value > today {
        return Err(field(
            "given_on",
            "the date consent was given cannot be in the future",
        ));
    }
    Ok(value)
}

/// What the rule needs to know about one consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentFacts {
    pub recipient: OrgId,
    pub scopes: BTreeSet<ConsentScope>,
    pub withdrawn: bool,
}

/// What the rule needs to know about where the referral would go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub org: OrgId,
    /// The organisation receives referrals (a support organisation).
    pub receives_referrals: bool,
}

/// Why an onward referral is refused. Each message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OnwardRefusal {
    #[error(
        "there is no consent covering this: record the person's consent to share with that organisation first (for a child, the safeguarding basis)"
    )]
    NoConsent,
    #[error(
        "that consent was withdrawn: nothing more may be shared under it; ask the person again and record a new consent"
    )]
    Withdrawn,
    #[error(
        "that consent is for another organisation: record a consent that names the organisation you are referring to"
    )]
    OtherRecipient,
    #[error("choose a support organisation in Waymark to refer to")]
    NotSupportOrganisation,
    #[error("this is your own organisation: choose another organisation to refer to")]
    OwnOrganisation,
}

/// Whether an onward referral from `from` to `to` is covered by `consent`; if it is, the scopes that may be
/// shared. The destination is checked first, so a wrong organisation is named before a missing consent.
pub fn covers(
    consent: Option<&ConsentFacts>,
    from: &OrgId,
    to: &Destination,
) -> Result<BTreeSet<ConsentScope>, OnwardRefusal> {
    check_recipient(from, to)?;
    let c = consent.ok_or(OnwardRefusal::NoConsent)?;
    if c.withdrawn {
        return Err(OnwardRefusal::Withdrawn);
    }
    if c.recipient != to.org {
        return Err(OnwardRefusal::OtherRecipient);
    }
    if c.scopes.is_empty() {
        return Err(OnwardRefusal::NoConsent);
    }
    Ok(c.scopes.clone())
}

/// A consent (or a referral) may name only another support organisation.
pub fn check_recipient(from: &OrgId, to: &Destination) -> Result<(), OnwardRefusal> {
    if &to.org == from {
        return Err(OnwardRefusal::OwnOrganisation);
    }
    if !to.receives_referrals {
        return Err(OnwardRefusal::NotSupportOrganisation);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConsentScope::*;

    #[test]
    fn an_empty_consent_has_every_problem_at_once_in_form_order() {
        let empty = ConsentDraft {
            scopes: &[],
            recipient: "",
            purpose: " ",
            method: "",
        };
        let fields: Vec<_> = empty
            .problems()
            .into_iter()
            .map(|e| match e {
                ConsentError::Field { field, .. } => field,
                ConsentError::PurposeTooLong { .. } => "purpose",
            })
            .collect();
        assert_eq!(fields, ["scope", "recipient", "purpose", "method"]);
        let long = "x".repeat(612);
        let scopes = ["needs".to_owned()];
        let d = ConsentDraft {
            scopes: &scopes,
            recipient: "org-1",
            purpose: &long,
            method: "phone",
        };
        assert_eq!(
            d.problems()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["the purpose must be 500 characters or fewer (you typed 612)"]
        );
    }

    fn org(s: &str) -> OrgId {
        OrgId::parse(s).expect("org id")
    }

    fn consent(to: &str, scopes: &[ConsentScope], withdrawn: bool) -> ConsentFacts {
        ConsentFacts {
            recipient: org(to),
            scopes: scopes.iter().copied().collect(),
            withdrawn,
        }
    }

    fn dest(to: &str, support: bool) -> Destination {
        Destination {
            org: org(to),
            receives_referrals: support,
        }
    }

    #[test]
    fn the_onward_rule_is_exactly_the_table() {
        type Row = (
            Option<ConsentFacts>,
            Destination,
            Result<Vec<ConsentScope>, OnwardRefusal>,
        );
        let rows: Vec<Row> = vec![
            (
                Some(consent("lantern", &[Identity, Needs], false)),
                dest("lantern", true),
                Ok(vec![Identity, Needs]),
            ),
            (
                Some(consent("lantern", ConsentScope::ALL, false)),
                dest("lantern", true),
                Ok(ConsentScope::ALL.to_vec()),
            ),
            (None, dest("lantern", true), Err(OnwardRefusal::NoConsent)),
            (
                Some(consent("lantern", &[Identity], true)),
                dest("lantern", true),
                Err(OnwardRefusal::Withdrawn),
            ),
            (
                Some(consent("other", &[Identity], false)),
                dest("lantern", true),
                Err(OnwardRefusal::OtherRecipient),
            ),
            (
                Some(consent("other", &[Identity], true)),
                dest("lantern", true),
                Err(OnwardRefusal::Withdrawn),
            ),
            (
                Some(consent("church", &[Identity], false)),
                dest("church", false),
                Err(OnwardRefusal::NotSupportOrganisation),
            ),
            (
                None,
                dest("church", false),
                Err(OnwardRefusal::NotSupportOrganisation),
            ),
            (
                Some(consent("harbour", &[Identity], false)),
                dest("harbour", true),
                Err(OnwardRefusal::OwnOrganisation),
            ),
            (
                Some(consent("lantern", &[], false)),
                dest("lantern", true),
                Err(OnwardRefusal::NoConsent),
            ),
        ];
        for (c, d, want) in rows {
            let got = covers(c.as_ref(), &org("harbour"), &d).map(|s| s.into_iter().collect());
            assert_eq!(got, want, "{c:?} to {d:?}");
        }
    }

    #[test]
    fn every_refusal_says_what_to_do() {
        for r in [
            OnwardRefusal::NoConsent,
            OnwardRefusal::Withdrawn,
            OnwardRefusal::OtherRecipient,
            OnwardRefusal::NotSupportOrganisation,
            OnwardRefusal::OwnOrganisation,
        ] {
            assert!(r.to_string().len() > 30, "{r:?}");
        }
    }

    #[test]
    fn a_child_is_safeguarded_and_an_adult_consents() {
        assert_eq!(basis_for(AgeBand::Adult), ConsentBasis::Consent);
        assert_eq!(basis_for(AgeBand::Under18), ConsentBasis::Safeguarding);
        assert_eq!(basis_for(AgeBand::Unsure), ConsentBasis::Safeguarding);
    }

    #[test]
    fn scopes_are_known_ids_and_at_least_one() {
        assert_eq!(
            parse_scopes(&["needs", " identity ", "needs"]).map(|s| join_scopes(&s)),
            Ok("identity,needs".to_owned())
        );
        assert!(parse_scopes::<&str>(&[]).is_err());
        assert!(parse_scopes(&["", " "]).is_err());
        assert!(parse_scopes(&["everything"]).is_err());
        for s in ConsentScope::ALL {
            assert_eq!(ConsentScope::parse(s.as_str()), Ok(*s));
            assert!(!s.describe().is_empty());
        }
    }

    #[test]
    fn purposes_are_one_to_five_hundred_characters() {
        assert!(purpose("Housing support in Leeds").is_ok());
        assert!(purpose("  ").is_err());
        assert!(purpose(&"x".repeat(500)).is_ok());
        assert!(purpose(&"x".repeat(501)).is_err());
        assert!(purpose("a\u{0}b").is_err());
        assert!(!format!("{:?}", purpose("Canary").expect("ok")).contains("Canary"));
    }

    #[test]
    fn consent_cannot_be_given_in_the_future() {
        let today = time::macros::date!(2026 - 12 - 01);
        assert!(given_on(today, today).is_ok());
        assert!(given_on(time::macros::date!(2026 - 11 - 01), today).is_ok());
        assert!(given_on(time::macros::date!(2026 - 12 - 02), today).is_err());
    }
}
