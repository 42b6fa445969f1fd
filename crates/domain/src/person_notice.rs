//! What Waymark tells a person through their codename channel on its own, when something happens to
//! their referral: facts, not sentences. Each page that shows a notice says it in the reader's language
//! (the web layer's messages), so a person who reads Tigrinya reads it in Tigrinya, and a caseworker
//! reads the same notice in English.
//!
//! A notice never carries the reasons of a decision or anything beyond what the person told: their
//! support organisation explains it and gives them the letter.

use time::Date;

use crate::consent::ConsentScope;
use crate::decision_letter::NoticeKind;

/// One automatic message to the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonNotice {
    /// A decision about them took effect (never a closure: see [`PersonNotice::of_decision`]).
    Decision {
        kind: NoticeKind,
        /// The decision body's name.
        decision_body: String,
        /// The end of the recovery period a positive first decision starts.
        recovery_period_ends: Option<Date>,
    },
    /// Their support organisation referred them onward, sharing only `shared`.
    Referred {
        organisation: String,
        shared: Vec<ConsentScope>,
    },
}

impl PersonNotice {
    /// What the person is told when `kind` takes effect: `None` for a closure (withdrawn, left the UK,
    /// missing), which is told to the referrer only. The recovery period's end goes with a positive first
    /// decision alone.
    pub fn of_decision(
        kind: NoticeKind,
        decision_body: &str,
        recovery_period_ends: Option<Date>,
    ) -> Option<PersonNotice> {
        kind.is_decision().then(|| PersonNotice::Decision {
            kind,
            decision_body: decision_body.to_owned(),
            recovery_period_ends: recovery_period_ends
                .filter(|_| kind == NoticeKind::ReasonableGroundsPositive),
        })
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn each_decision_is_told_and_no_closure() {
        let end = Some(date!(2027 - 01 - 06));
        for k in NoticeKind::ALL {
            let n = PersonNotice::of_decision(*k, "Panel", end);
            assert_eq!(n.is_some(), k.is_decision(), "{k}");
            if let Some(PersonNotice::Decision {
                recovery_period_ends,
                decision_body,
                ..
            }) = n
            {
                assert_eq!(decision_body, "Panel");
                assert_eq!(
                    recovery_period_ends.is_some(),
                    *k == NoticeKind::ReasonableGroundsPositive,
                    "{k}"
                );
            }
        }
    }
}
