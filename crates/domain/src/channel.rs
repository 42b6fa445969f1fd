//! The codename channel: after referring themselves, a person reads the organisation's replies, writes back
//! and sees where their request stands, with nothing but their codename. These are its rules; the codename
//! itself is made and hashed by the vault.

use crate::referral::{PersonalText, ReferralStatus};
use crate::self_referral::{MESSAGE_MAX_CHARS, SelfReferralError};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Who wrote a message in a channel.
    Sender, "sender" {
        Person => "person",
        Organisation => "organisation",
    }
}

/// A message's text: 1 to [`MESSAGE_MAX_CHARS`] characters, new lines allowed, trimmed.
pub fn message_body(value: &str) -> Result<PersonalText, SelfReferralError> {
    Ok(PersonalText::parse(
        "message",
        value,
        MESSAGE_MAX_CHARS,
        true,
    )?)
}

/// Where the person's request stands, in plain words for them.
pub fn status_for_person(status: ReferralStatus, organisation: &str) -> String {
    match status {
        ReferralStatus::Sent => format!(
            "Your request has reached {organisation}. They have not answered yet. Come back to read their reply here."
        ),
        ReferralStatus::Accepted => format!(
            "{organisation} has accepted your request. Someone there will write to you here."
        ),
        ReferralStatus::Declined => format!(
            "{organisation} cannot take your request. Read their message for other places that can help."
        ),
        ReferralStatus::Withdrawn => format!(
            "Your request to {organisation} was withdrawn. Nothing more is shared with them."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_bodies_are_one_to_four_thousand_characters() {
        let rows: [(String, bool); 6] = [
            ("Hello".into(), true),
            ("  line one\nline two  ".into(), true),
            (String::new(), false),
            (" \n ".into(), false),
            ("é".repeat(4000), true),
            ("é".repeat(4001), false),
        ];
        for (text, ok) in rows {
            assert_eq!(
                message_body(&text).is_ok(),
                ok,
                "{} chars",
                text.chars().count()
            );
        }
        assert_eq!(
            message_body("  hi \n").map(|b| b.expose().to_owned()),
            Ok("hi".into())
        );
    }

    #[test]
    fn every_status_names_the_organisation() {
        for s in ReferralStatus::ALL {
            assert!(status_for_person(*s, "Harbour").contains("Harbour"), "{s}");
        }
    }
}
