//! The gates every use case goes through. A permission the actor's role lacks is `Forbidden`; a single
//! record the actor may not see is `NotFound`, exactly as for a record that does not exist.
//!
//! Every use case on a case goes through one gate, [`open_case`]: the case is looked up in the actor's
//! organisation only, and [`waymark_domain::case::decide`] answers for the action — the role policy and
//! the case policy together (a manager works every case of the organisation, a caseworker the cases
//! assigned to them or that they broke the glass for). A refusal on a case the actor may not open is
//! `NotFound` and leaves no audit entry.

use time::PrimitiveDateTime;
use waymark_domain::case::{CaseAccess, CaseAction, Decision, case_access, decide};
use waymark_domain::formal::may_decide;
use waymark_domain::ids::FormalReferralId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::{CaseId, OrgId, Permission, Role, allows};
use waymark_store::{Account, Case, FormalReferral, Referral, Tx};

use crate::{App, AppError, Keys};

/// The audit reason of work done through a break-the-glass grant.
pub const BREAK_GLASS_ACCESS: &str = "break-glass";

pub(crate) fn require(actor: &Account, permission: Permission) -> Result<(), AppError> {
    if allows(actor.role, actor.org_kind, permission) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Like [`require`], for a single record: a refusal looks exactly like a missing record.
pub(crate) fn require_for_record(actor: &Account, permission: Permission) -> Result<(), AppError> {
    require(actor, permission).map_err(|_| AppError::NotFound)
}

/// A case the actor may work on for one action, and how.
pub(crate) struct Opened {
    pub case: Case,
    /// Access came through a break-the-glass grant, live until then.
    pub via_grant: Option<PrimitiveDateTime>,
}

impl Opened {
    pub(crate) fn reason(&self) -> &'static str {
        if self.via_grant.is_some() {
            BREAK_GLASS_ACCESS
        } else {
            ""
        }
    }
}

/// The case policy's answer for one actor, one case (of their organisation) and one action.
pub(crate) fn decision(
    tx: &mut Tx<'_>,
    actor: &Account,
    case: &Case,
    action: CaseAction,
) -> Result<(Decision, Option<PrimitiveDateTime>), AppError> {
    let assigned = case.assigned_to.as_ref() == Some(&actor.user_id);
    let grant = if actor.role == Role::Caseworker && !assigned {
        tx.live_grant(&case.id, &actor.user_id, tx.now())?
    } else {
        None
    };
    let d = decide(
        action,
        actor.role,
        actor.org_kind,
        case.org_id == actor.org_id,
        assigned,
        grant.is_some(),
    );
    Ok((d, grant))
}

fn refused(d: Decision) -> AppError {
    match d {
        Decision::Forbidden => AppError::Forbidden,
        Decision::AlreadyAllowed => {
            AppError::Conflict("you can already open this case: there is no glass to break".into())
        }
        Decision::Permit | Decision::NotFound => AppError::NotFound,
    }
}

/// The one gate every case use case goes through.
pub(crate) fn open_case(
    tx: &mut Tx<'_>,
    actor: &Account,
    id: &CaseId,
    action: CaseAction,
) -> Result<Opened, AppError> {
    let case = tx.case_of(&actor.org_id, id)?.ok_or(AppError::NotFound)?;
    match decision(tx, actor, &case, action)? {
        (Decision::Permit, grant) => Ok(Opened {
            case,
            via_grant: grant,
        }),
        (d, _) => Err(refused(d)),
    }
}

/// Need-to-know reaches the referral a case was opened from: once accepted, the referral (with the same
/// personal details) opens only for those who may open its case.
pub(crate) fn check_referral_access(
    tx: &mut Tx<'_>,
    actor: &Account,
    r: &Referral,
) -> Result<(), AppError> {
    if r.status != ReferralStatus::Accepted {
        return Ok(());
    }
    match tx.case_for_referral(&actor.org_id, &r.id)? {
        Some(case) => match decision(tx, actor, &case, CaseAction::View)? {
            (Decision::Permit, _) => Ok(()),
            (d, _) => Err(refused(d)),
        },
        None => Ok(()),
    }
}

impl App {
    /// Runs `work` in one transaction on a case the actor may do `action` to; anything else is refused
    /// before any work (a case they may not open is `NotFound`, and leaves no audit entry).
    pub(crate) async fn on_case<R, F>(
        &self,
        actor: &Account,
        id: &CaseId,
        action: CaseAction,
        work: F,
    ) -> Result<R, AppError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Tx<'_>, &Keys, &Account, Opened) -> Result<R, AppError> + Send + 'static,
    {
        require_for_record(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        let id = id.clone();
        self.store
            .run(move |tx| {
                let opened = open_case(tx, &actor, &id, action)?;
                work(tx, &keys, &actor, opened)
            })
            .await
    }
}

/// The decision body's gate: only its decision makers, and only its own referrals; anything else is "not
/// found" (the same answer as for a referral that does not exist).
pub(crate) fn open_formal(
    tx: &mut Tx<'_>,
    actor: &Account,
    id: &FormalReferralId,
) -> Result<FormalReferral, AppError> {
    if !may_decide(actor.role, actor.org_kind) {
        return Err(AppError::NotFound);
    }
    tx.formal_referral_of_body(&actor.org_id, id)?
        .ok_or(AppError::NotFound)
}

/// The referring side's gate: a formal referral made from the opened case by the actor's own
/// organisation; "not found" for any other.
pub(crate) fn referrers_referral(
    tx: &mut Tx<'_>,
    actor: &Account,
    opened: &Opened,
    id: &FormalReferralId,
) -> Result<FormalReferral, AppError> {
    tx.formal_referrals_of_case(&actor.org_id, &opened.case.id)?
        .into_iter()
        .find(|f| &f.id == id)
        .ok_or(AppError::NotFound)
}

/// An organisation's name, for showing where a record came from or went.
pub(crate) fn org_name(tx: &mut Tx<'_>, id: Option<&OrgId>) -> Result<Option<String>, AppError> {
    Ok(match id {
        Some(id) => tx.organisation(id)?.map(|o| o.name),
        None => None,
    })
}

/// A case another record may be about: a search hit or a possible match for a new referral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseMatch {
    pub case_id: CaseId,
    pub reference: String,
    pub status: String,
    pub opened_at: PrimitiveDateTime,
    /// `Allowed`: the actor can open it; `BreakGlass`: only by breaking the glass.
    pub access: CaseAccess,
}

/// The cases of `found` the actor may know of (leaving out `leave_out`), and how they may open each.
pub(crate) fn visible_matches(
    tx: &mut Tx<'_>,
    actor: &Account,
    found: Vec<Case>,
    leave_out: Option<&CaseId>,
) -> Result<Vec<CaseMatch>, AppError> {
    let mut out = Vec::new();
    for c in found {
        if Some(&c.id) == leave_out {
            continue;
        }
        let assigned = c.assigned_to.as_ref() == Some(&actor.user_id);
        let grant = tx.live_grant(&c.id, &actor.user_id, tx.now())?.is_some();
        let access = case_access(
            actor.role,
            actor.org_kind,
            c.org_id == actor.org_id,
            assigned,
            grant,
        );
        if access == CaseAccess::Denied {
            continue;
        }
        out.push(CaseMatch {
            case_id: c.id,
            reference: c.reference,
            status: c.status,
            opened_at: c.opened_at,
            access,
        });
    }
    Ok(out)
}
