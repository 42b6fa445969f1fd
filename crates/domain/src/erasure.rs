//! Erasure: what each way of erasing a person's record reaches.
//!
//! A person's details can be held in several copies: the record of the organisation that took the case,
//! the codename channel they kept, an onward referral's copy sent to another organisation (pending until
//! that organisation accepts it, then its own case), and a formal referral's copy held by a decision body
//! (before and after its decision). The store's personal-data map lists every copy and every column of
//! each; this module says, for each [`Trigger`] and each kind of copy, what happens to it. Erasure is
//! crypto-shredding: a copy is erased by forgetting the key it is sealed under, so nothing of it can be
//! opened again, with or without the master key.
//!
//! The policy (one table, tested as one):
//! - the person's own erasure (through their codename) reaches every copy made from what they gave, in
//!   every organisation and decision body: that is the promise on the page;
//! - a manager's erasure, or the retention job's, reaches what its own organisation holds and every copy it
//!   sent that is not yet accepted (withdrawn, then shredded); an accepted copy belongs to the organisation
//!   that accepted it, which is told and keeps it;
//! - a decision body's copy made by the organisation goes with that organisation's record: the body keeps
//!   only the non-identifying facts of its decisions (outcome, dates, nation, exploitation types).
//!
//! Every holder whose copy is reached, or who keeps one, is told that a record was erased and why (no
//! personal detail); statistics count erased records.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// Who or what erased a record: the person (through their codename), a manager of the organisation
    /// holding the case, or the end of the organisation's retention period for closed cases. Kept with the
    /// record, and told to whoever held a copy.
    Trigger, "erasure" {
        Person => "person",
        Manager => "manager",
        Retention => "retention",
    }
}

impl Trigger {
    /// What a holder of a copy is told: why the record was erased, with no personal detail.
    pub fn told(self) -> &'static str {
        match self {
            Trigger::Person => "erased at the person's request",
            Trigger::Manager => "erased by a manager of the organisation that held the case",
            Trigger::Retention => "erased when the organisation's retention period ended",
        }
    }
}

/// A kind of copy of a person's details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CopyKind {
    /// The case record (and the referral it was opened from) of the organisation that took the case.
    Case,
    /// The codename channel and its messages.
    Channel,
    /// An onward referral's copy, sent to another organisation and not answered yet.
    OnwardPending,
    /// An onward referral's copy that the receiving organisation accepted: now its own case.
    OnwardAccepted,
    /// A formal referral's copy held by a decision body, before its final decision.
    FormalUndecided,
    /// A formal referral's copy held by a decision body after its final decision.
    FormalDecided,
}

impl CopyKind {
    pub const ALL: [CopyKind; 6] = [
        CopyKind::Case,
        CopyKind::Channel,
        CopyKind::OnwardPending,
        CopyKind::OnwardAccepted,
        CopyKind::FormalUndecided,
        CopyKind::FormalDecided,
    ];
}

/// What an erasure does to one copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Its key is forgotten: nothing of it can be opened again. A referral not yet answered is withdrawn
    /// first, so it leaves the receiver's inbox.
    Shred,
    /// It belongs to someone else now and stays; its holder is told the original was erased.
    Keep,
}

/// What `trigger` does to a copy of kind `kind`.
pub fn reach(trigger: Trigger, kind: CopyKind) -> Reach {
    match (trigger, kind) {
        (Trigger::Person, _) => Reach::Shred,
        (Trigger::Manager | Trigger::Retention, CopyKind::OnwardAccepted) => Reach::Keep,
        (Trigger::Manager | Trigger::Retention, _) => Reach::Shred,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole policy, written out: each trigger and each kind of copy.
    const TABLE: &[(Trigger, CopyKind, Reach)] = &[
        (Trigger::Person, CopyKind::Case, Reach::Shred),
        (Trigger::Person, CopyKind::Channel, Reach::Shred),
        (Trigger::Person, CopyKind::OnwardPending, Reach::Shred),
        (Trigger::Person, CopyKind::OnwardAccepted, Reach::Shred),
        (Trigger::Person, CopyKind::FormalUndecided, Reach::Shred),
        (Trigger::Person, CopyKind::FormalDecided, Reach::Shred),
        (Trigger::Manager, CopyKind::Case, Reach::Shred),
        (Trigger::Manager, CopyKind::Channel, Reach::Shred),
        (Trigger::Manager, CopyKind::OnwardPending, Reach::Shred),
        (Trigger::Manager, CopyKind::OnwardAccepted, Reach::Keep),
        (Trigger::Manager, CopyKind::FormalUndecided, Reach::Shred),
        (Trigger::Manager, CopyKind::FormalDecided, Reach::Shred),
        (Trigger::Retention, CopyKind::Case, Reach::Shred),
        (Trigger::Retention, CopyKind::Channel, Reach::Shred),
        (Trigger::Retention, CopyKind::OnwardPending, Reach::Shred),
        (Trigger::Retention, CopyKind::OnwardAccepted, Reach::Keep),
        (Trigger::Retention, CopyKind::FormalUndecided, Reach::Shred),
        (Trigger::Retention, CopyKind::FormalDecided, Reach::Shred),
    ];

    #[test]
    fn the_policy_is_exactly_the_table() {
        let mut rows = 0;
        for trigger in Trigger::ALL {
            for kind in CopyKind::ALL {
                let (_, _, want) = TABLE
                    .iter()
                    .find(|(t, k, _)| t == trigger && *k == kind)
                    .unwrap_or_else(|| panic!("the table lacks {trigger}/{kind:?}"));
                assert_eq!(reach(*trigger, kind), *want, "{trigger} / {kind:?}");
                rows += 1;
            }
        }
        assert_eq!(rows, TABLE.len());
    }

    #[test]
    fn what_a_holder_is_told_names_no_one() {
        for t in Trigger::ALL {
            let told = t.told();
            assert!(told.starts_with("erased "), "{told}");
            assert!(!told.chars().any(|c| c.is_ascii_digit()), "{told}");
        }
    }
}
