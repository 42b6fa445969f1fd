//! A decision body's performance figures: decision times against the target, the backlog by age, and the
//! outcomes by exploitation type (`waymark_domain::decision_figures`, which defines every figure).
//!
//! Like the queue, only the body's own decision makers see them (anyone else: not found), and only of
//! their own body's referrals. The figures read plaintext facts alone (statuses, dates, nation, the
//! exploitation types stored as a category when the referral was made), never the sealed package or
//! reasons; the outcome counts by type are small-cell suppressed. Reading them is audited, as the support
//! organisations' case statistics are (ids only).

use std::collections::BTreeSet;

use waymark_domain::ExploitationType;
use waymark_domain::decision_figures::{DecisionFigures, figures};
use waymark_domain::formal::may_decide;
use waymark_store::Account;

use crate::audit::AuditAction;
use crate::audit::event;
use crate::onward::HistoryPart;
use crate::{App, AppError};

/// The exploitation types of a formal referral's package, in vocabulary order, each once: the category
/// stored with the referral for the figures.
pub(crate) fn types_of(history: &[HistoryPart]) -> Vec<ExploitationType> {
    history
        .iter()
        .map(|h| h.kind)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

impl App {
    /// The performance figures of the actor's decision body today. Only its decision makers (anyone else:
    /// not found, as for the queue). Audited (`formal_referral.figures`, the body's id).
    pub async fn decision_figures(&self, actor: &Account) -> Result<DecisionFigures, AppError> {
        if !may_decide(actor.role, actor.org_kind) {
            return Err(AppError::NotFound);
        }
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let today = self.clock.now().date();
        self.store
            .run(move |tx| {
                let facts = tx.decision_facts_of_body(&actor.org_id)?;
                let figures =
                    figures(&facts, today).map_err(|e| AppError::Invalid(e.to_string()))?;
                tx.audit(
                    &keys.audit,
                    &event(
                        &actor,
                        AuditAction::FormalReferralFigures,
                        "organisation",
                        actor.org_id.as_str(),
                    ),
                )?;
                Ok(figures)
            })
            .await
    }
}
