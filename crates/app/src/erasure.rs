//! One erasure routine for every trigger: the person (through their codename), a manager, the retention
//! job.
//!
//! It walks the copies of the person that the store's personal-data map finds from a case
//! ([`waymark_store::Copy`]: the case, the codename channel, onward copies pending or accepted, formal
//! referral copies before or after a decision) and does to each what the policy
//! ([`waymark_domain::erasure::reach`]) says: forget its key (withdrawing a referral not yet answered
//! first), or leave it with the organisation that accepted it. Every holder is told, with no personal
//! detail. Safe to repeat, in any order of triggers: each run reaches what an earlier one did not.

use std::collections::BTreeSet;

use time::PrimitiveDateTime;
use waymark_domain::CaseId;
use waymark_domain::erasure::{CopyKind, Reach, Trigger, reach};
use waymark_store::{AuditEvent, Case, CopyRecord, Tx};

use crate::audit::AuditAction;
use crate::formal::withdraw_undecided;
use crate::{AppError, Keys};

/// Who an erasure's audit entries name.
pub(crate) struct ErasedBy<'a> {
    pub(crate) trigger: Trigger,
    /// The audit actor: a user id, or the name of the channel or job.
    pub(crate) actor: &'a str,
}

/// Erases the person of `case`, and every copy made from it that `by.trigger` reaches. Returns whether
/// the case itself was not erased before (its own audit entry is the caller's).
pub(crate) fn erase_person(
    tx: &mut Tx<'_>,
    keys: &Keys,
    by: &ErasedBy<'_>,
    case: &Case,
    at: PrimitiveDateTime,
) -> Result<bool, AppError> {
    let mut visited = BTreeSet::new();
    let first = walk(tx, keys, by, case, at, &mut visited)?;
    if first {
        tracing::info!(case = %case.id, erasure = %by.trigger, "case erased");
    }
    Ok(first)
}

fn walk(
    tx: &mut Tx<'_>,
    keys: &Keys,
    by: &ErasedBy<'_>,
    case: &Case,
    at: PrimitiveDateTime,
    visited: &mut BTreeSet<CaseId>,
) -> Result<bool, AppError> {
    if !visited.insert(case.id.clone()) {
        return Ok(false);
    }
    let mut case_first = false;
    for copy in tx.copies_of_case(case)? {
        match reach(by.trigger, copy.kind) {
            Reach::Shred => {
                // A decision body cannot decide on a person who is no longer there: a referral not yet
                // decided is withdrawn, and leaves its queue.
                if let (CopyKind::FormalUndecided, CopyRecord::Formal(id)) =
                    (copy.kind, &copy.record)
                    && withdraw_undecided(tx, &copy.holder, id, at)?
                {
                    tx.audit(
                        &keys.audit,
                        &AuditEvent {
                            actor: by.actor,
                            org_id: Some(&copy.holder),
                            action: AuditAction::FormalReferralWithdrawn.as_str(),
                            record_type: "formal_referral",
                            record_id: id.as_str(),
                            reason: by.trigger.told(),
                        },
                    )?;
                }
                let first = tx.shred_copy(&copy, at)?;
                if copy.record == CopyRecord::Case(case.id.clone()) {
                    case_first = first;
                }
                tx.tell_erasure(&copy.holder, &copy.record, by.trigger, false, at)?;
                let (record_type, record_id) = copy.record.told_as();
                if !matches!(copy.record, CopyRecord::Case(_)) {
                    tx.audit(
                        &keys.audit,
                        &AuditEvent {
                            actor: by.actor,
                            org_id: Some(&copy.holder),
                            action: AuditAction::CopyErase.as_str(),
                            record_type,
                            record_id,
                            reason: by.trigger.told(),
                        },
                    )?;
                }
                // A copy another organisation accepted became its case, which may have made copies of
                // its own: the person's own erasure reaches those too.
                if let CopyRecord::Referral(_, Some(opened)) = &copy.record
                    && let Some(next) = tx.case_of(&copy.holder, opened)?
                {
                    walk(tx, keys, by, &next, at, visited)?;
                }
            }
            Reach::Keep => {
                tx.tell_erasure(&copy.holder, &copy.record, by.trigger, true, at)?;
            }
        }
    }
    Ok(case_first)
}

impl crate::App {
    /// After an erasure committed: clears the database's own leftovers of what it overwrote
    /// ([`waymark_store::Store::scrub_after_erasure`]). A failure is logged, not returned: the erasure
    /// itself stands, and the next one scrubs again.
    pub(crate) async fn scrub_after_erasure(&self) {
        if let Err(e) = self.store.scrub_after_erasure().await {
            tracing::warn!(error = %e, "the database could not be scrubbed after an erasure");
        }
    }
}
