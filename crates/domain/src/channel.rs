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

/// Where the person's request stands, as they read it (the id of its words, `channel-status-…`): the
/// referral's status, but "answered" once the organisation has written while the request still waits —
/// never "they have not answered yet" above their reply.
pub fn status_for_person(status: ReferralStatus, organisation_wrote: bool) -> &'static str {
    match status {
        ReferralStatus::Sent if organisation_wrote => "answered",
        s => s.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiting_request_the_organisation_wrote_on_reads_as_answered() {
        assert_eq!(status_for_person(ReferralStatus::Sent, false), "sent");
        assert_eq!(status_for_person(ReferralStatus::Sent, true), "answered");
        assert_eq!(
            status_for_person(ReferralStatus::Accepted, true),
            "accepted"
        );
        assert_eq!(
            status_for_person(ReferralStatus::Declined, true),
            "declined"
        );
        assert_eq!(
            status_for_person(ReferralStatus::Withdrawn, false),
            "withdrawn"
        );
    }

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
}
