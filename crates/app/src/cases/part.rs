//! One path for every use case that records a part of a case: the gate for the part's case action, the
//! part's own checks, the person's data key (a conflict once erased), the part's sealed write, and the
//! audit entry, in one transaction. Each part declares which case action the gate checks and which
//! audit action it writes, next to each other in its `impl`.

use super::*;

/// A part of a case record that a use case adds or replaces.
pub(super) trait CasePart: Send + 'static {
    /// What the case policy is asked before anything else.
    const ACTION: CaseAction;
    /// What the audit entry says was done.
    const AUDIT: AuditAction;
    /// The part, checked (validated against the domain's rules), ready to seal.
    type Checked;
    /// What the use case answers (the new row's id, or nothing).
    type Done: Send + 'static;

    /// The domain's checks, before the person's key is taken: a bad value is refused as such even on
    /// an erased case.
    fn check(
        self,
        tx: &mut Tx<'_>,
        actor: &Account,
        opened: &Opened,
    ) -> Result<Self::Checked, AppError>;

    /// Seals the part's personal fields under `key` and writes it.
    fn write(
        checked: Self::Checked,
        tx: &mut Tx<'_>,
        keys: &Keys,
        key: &DataKey,
        actor: &Account,
        opened: &Opened,
    ) -> Result<Self::Done, AppError>;
}

impl App {
    /// Records `part` on a case the actor may do `P::ACTION` to: gate, check, key, write, audit.
    pub(super) async fn record_part<P: CasePart>(
        &self,
        actor: &Account,
        id: &CaseId,
        part: P,
    ) -> Result<P::Done, AppError> {
        self.on_case(actor, id, P::ACTION, move |tx, keys, actor, opened| {
            let checked = part.check(tx, actor, &opened)?;
            let key = writable_key(keys, tx, &opened.case)?;
            let done = P::write(checked, tx, keys, &key, actor, &opened)?;
            tx.audit(&keys.audit, &case_event(actor, P::AUDIT, &opened))?;
            Ok(done)
        })
        .await
    }
}
