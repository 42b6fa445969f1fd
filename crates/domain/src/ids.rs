//! Opaque record ids. They are random text (UUIDv7) made by the vault; here they are only parsed, so an id
//! taken from a URL or a form is known to be well formed before it reaches a query.

use serde::{Deserialize, Serialize};

/// An id that is not well formed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid {0} id")]
pub struct BadId(pub &'static str);

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Accepts 1 to 64 characters of ASCII letters, digits and `-`.
            pub fn parse(value: &str) -> Result<Self, BadId> {
                let ok = !value.is_empty()
                    && value.len() <= 64
                    && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
                if ok { Ok(Self(value.to_owned())) } else { Err(BadId($what)) }
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = BadId;
            fn try_from(s: String) -> Result<Self, BadId> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }
    };
}

id_type!(
    /// An organisation: a community group, a support organisation, a decision body or a coordinator.
    OrgId,
    "organisation"
);
id_type!(
    /// A user account of a member of staff or a volunteer.
    UserId,
    "user"
);
id_type!(
    /// A referral from a helper (or the person) to a support organisation.
    ReferralId,
    "referral"
);
id_type!(
    /// A support organisation's case, opened when it accepts a referral.
    CaseId,
    "case"
);
id_type!(
    /// A person whose data Waymark holds; owner of a data key.
    PersonId,
    "person"
);
id_type!(
    /// A codename channel between a person who referred themselves and the organisation they asked.
    ChannelId,
    "channel"
);
id_type!(
    /// One message in a codename channel.
    MessageId,
    "message"
);

id_type!(
    /// One action of a case's support plan.
    PlanActionId,
    "plan action"
);
id_type!(
    /// One note on a case.
    NoteId,
    "note"
);
id_type!(
    /// One document kept with a case.
    DocumentId,
    "document"
);
id_type!(
    /// One episode of a case's exploitation history.
    HistoryEntryId,
    "history entry"
);
id_type!(
    /// One risk-of-re-trafficking assessment of a case.
    RiskAssessmentId,
    "risk assessment"
);
id_type!(
    /// One anonymous notification (a non-consenting adult, no identifying facts).
    NotificationId,
    "notification"
);

id_type!(
    /// A consent (or, for a child, a safeguarding basis) recorded on a case.
    ConsentId,
    "consent"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_uuids_and_refuse_anything_else() {
        assert!(OrgId::parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b").is_ok());
        for bad in ["", "a b", "x'; drop table", &"a".repeat(65), "ü"] {
            assert_eq!(OrgId::parse(bad), Err(BadId("organisation")), "{bad:?}");
        }
    }
}
id_type!(
    /// One formal referral to a decision body (the body's own copy of the person, under a new key).
    FormalReferralId,
    "formal referral"
);
id_type!(
    /// A request between a decision body and the referrer: for more information, or to reconsider.
    FormalRequestId,
    "formal request"
);
id_type!(
    /// One decision (or closure) of a formal referral as it was told: the letter and who was told.
    DecisionNoticeId,
    "decision notice"
);
id_type!(
    /// One attempt at a training course's quiz.
    TrainingAttemptId,
    "training attempt"
);
id_type!(
    /// One reason given for breaking the glass (sealed with the case).
    GlassReasonId,
    "break-the-glass reason"
);
