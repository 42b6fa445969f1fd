//! Retention and erasure.
//!
//! Each organisation keeps a closed case for its retention period (six years unless it chose otherwise;
//! see [`waymark_domain::closing::DEFAULT_RETENTION_DAYS`]). A scheduled job ([`App::run_retention`],
//! run by `waymark serve` every hour and by `waymark retention run` for cron) erases every closed case
//! whose period has ended; a manager can erase a case at once ([`App::erase_case`]).
//!
//! Erasure is crypto-shredding, by one routine for every trigger ([`crate::erasure`]): the person's wrapped
//! data key is forgotten, so every sealed field of the case, the referral and the messages can never be
//! opened again, in this database or any copy of it, with or without the master key; so are the keys of
//! the copies made from the case that the erasure reaches (onward referrals not yet accepted, the decision
//! body's copy). What is not sealed is removed too: blind indexes, break-the-glass grants, document
//! contents (their type and size stay). Only plaintext statistical facts remain: status and dates, need
//! ids, exploitation types, places and dates, risk levels, document types, the referral's age band,
//! nation, area and first contact.

use std::collections::BTreeMap;

use time::PrimitiveDateTime;
use waymark_domain::case::{CaseAction, CaseStatus};
use waymark_domain::closing::{BadRetention, retention_days, retention_expired};
use waymark_domain::erasure::Trigger;
use waymark_domain::{CaseId, ExploitationType, Need, OrgId, Permission};
use waymark_store::{Account, AuditEvent, Case, Tx};

use crate::audit::AuditAction;
use crate::audit::{case_event, event};
use crate::erasure::{ErasedBy, erase_person};
use crate::gate::require;
use crate::{App, AppError, Keys};

/// The audit actor of the scheduled retention job.
pub const RETENTION_ACTOR: &str = "retention";

/// What one run of the retention job did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionRun {
    /// The cases erased, by id (no personal data).
    pub erased: Vec<CaseId>,
}

/// Counts of an organisation's cases, from plaintext facts only; erased cases are counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseStatistics {
    pub total: usize,
    pub open: usize,
    /// Closed and not (yet) erased.
    pub closed: usize,
    pub erased: usize,
    /// Cases with at least one episode of each type.
    pub by_exploitation_type: BTreeMap<ExploitationType, usize>,
    /// Cases with each need (from the needs assessment, or the referral before one).
    pub by_need: BTreeMap<Need, usize>,
}

impl From<BadRetention> for AppError {
    fn from(e: BadRetention) -> Self {
        AppError::Invalid(e.to_string())
    }
}

/// Erases one case and the copies made from it that `trigger` reaches ([`crate::erasure`]), and audits
/// it as `audit` says. Returns `false`, auditing nothing, when the case was erased before (by another
/// trigger, or by another `serve` process running the job on the same PostgreSQL database); what the
/// earlier erasure did not reach is reached all the same.
fn erase(
    tx: &mut Tx<'_>,
    keys: &Keys,
    trigger: Trigger,
    case: &Case,
    at: PrimitiveDateTime,
    audit: &AuditEvent<'_>,
) -> Result<bool, AppError> {
    let by = ErasedBy {
        trigger,
        actor: audit.actor,
    };
    if !erase_person(tx, keys, &by, case, at)? {
        return Ok(false);
    }
    tx.audit(&keys.audit, audit)?;
    Ok(true)
}

impl App {
    /// Erases a case now (crypto-shredding). Managers only: a caseworker who can open the case is
    /// refused (`Forbidden`), anyone else gets `NotFound`. Erasing an erased case is a `Conflict`.
    pub async fn erase_case(&self, actor: &Account, id: &CaseId) -> Result<(), AppError> {
        let t = self.clock.now();
        let erased = self
            .on_case(
                actor,
                id,
                CaseAction::Erase,
                move |tx, keys, actor, opened| {
                    let audit = AuditEvent {
                        reason: "erased by a manager",
                        ..case_event(actor, AuditAction::CaseErase, &opened)
                    };
                    // Erasing again reaches what an earlier erasure did not, and is then told as a
                    // conflict, after the work is committed.
                    erase(tx, keys, Trigger::Manager, &opened.case, t, &audit)
                },
            )
            .await?;
        self.scrub_after_erasure().await;
        if erased {
            Ok(())
        } else {
            Err(AppError::Conflict("this case was already erased".into()))
        }
    }

    /// The retention job, judged by the application's clock: erases every closed case, of every
    /// organisation, whose organisation's retention period has ended since it closed. Idempotent.
    pub async fn run_retention(&self) -> Result<RetentionRun, AppError> {
        self.run_retention_at(self.clock.now()).await
    }

    /// [`App::run_retention`] as of `now`.
    pub async fn run_retention_at(&self, now: PrimitiveDateTime) -> Result<RetentionRun, AppError> {
        let keys = std::sync::Arc::clone(&self.keys);
        let run = self
            .store
            .run(move |tx| {
                let mut erased = Vec::new();
                for (case, closed_at, days) in tx.closed_unerased_cases()? {
                    if !retention_expired(closed_at, days, now) {
                        continue;
                    }
                    let reason = format!("retention period of {days} days ended");
                    let audit = AuditEvent {
                        actor: RETENTION_ACTOR,
                        org_id: Some(&case.org_id),
                        action: AuditAction::CaseErase.as_str(),
                        record_type: "case",
                        record_id: case.id.as_str(),
                        reason: &reason,
                    };
                    if erase(tx, &keys, Trigger::Retention, &case, now, &audit)? {
                        erased.push(case.id.clone());
                    }
                }
                Ok::<_, AppError>(RetentionRun { erased })
            })
            .await?;
        if !run.erased.is_empty() {
            self.scrub_after_erasure().await;
        }
        Ok(run)
    }

    /// The actor's organisation's retention period, in days (its managers and administrators).
    pub async fn retention(&self, actor: &Account) -> Result<i32, AppError> {
        require(actor, Permission::SetRetention)?;
        let org = actor.org_id.clone();
        self.store
            .run(move |tx| tx.retention_days(&org)?.ok_or(AppError::NotFound))
            .await
    }

    /// Sets the actor's organisation's retention period (managers and administrators of a support
    /// organisation). Audited.
    pub async fn set_retention(&self, actor: &Account, days: i64) -> Result<i32, AppError> {
        require(actor, Permission::SetRetention)?;
        let days = retention_days(days)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                if !tx.set_retention_days(&actor.org_id, days)? {
                    return Err(AppError::NotFound);
                }
                let reason = format!("{days} days");
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        reason: &reason,
                        ..event(
                            &actor,
                            AuditAction::OrganisationRetention,
                            "organisation",
                            actor.org_id.as_str(),
                        )
                    },
                )?;
                Ok(days)
            })
            .await
    }

    /// Sets an organisation's retention period from the command line (the operator). Audited.
    pub async fn set_retention_for(&self, org: &OrgId, days: i64) -> Result<i32, AppError> {
        let days = retention_days(days)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let org = org.clone();
        self.store
            .run(move |tx| {
                if !tx.set_retention_days(&org, days)? {
                    return Err(AppError::NotFound);
                }
                let reason = format!("{days} days");
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: "cli",
                        org_id: Some(&org),
                        action: AuditAction::OrganisationRetention.as_str(),
                        record_type: "organisation",
                        record_id: org.as_str(),
                        reason: &reason,
                    },
                )?;
                Ok(days)
            })
            .await
    }

    /// Counts of the actor's organisation's cases by status (open, closed, erased), exploitation type
    /// and need, from plaintext facts only, so erased cases still count. Managers of a support
    /// organisation. Audited (no personal data is read).
    pub async fn case_statistics(&self, actor: &Account) -> Result<CaseStatistics, AppError> {
        require(actor, Permission::ViewCaseStatistics)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let facts = tx.case_facts(&actor.org_id)?;
                tx.audit(
                    &keys.audit,
                    &event(
                        &actor,
                        AuditAction::CaseStatistics,
                        "organisation",
                        actor.org_id.as_str(),
                    ),
                )?;
                let mut s = CaseStatistics {
                    total: facts.cases.len(),
                    by_exploitation_type: facts.exploitation_types,
                    by_need: facts.needs,
                    ..CaseStatistics::default()
                };
                for (status, erased) in facts.cases {
                    if erased {
                        s.erased += 1;
                    } else if status == CaseStatus::Open.as_str() {
                        s.open += 1;
                    } else {
                        s.closed += 1;
                    }
                }
                Ok(s)
            })
            .await
    }
}
