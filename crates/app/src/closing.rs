//! Closing a case safely: a move-on plan (sealed), follow-up check-ins scheduled as the caseworker's plan
//! actions in the same transaction (so nobody has to remember them), and the person still reachable
//! through their codename channel after closure.
//!
//! The subject-access export lives here too: the person's whole record as one readable document.

use time::{Date, PrimitiveDateTime};
use waymark_domain::case::{CaseAction, CaseStatus, Decision};
use waymark_domain::case_record::PlanStatus;
use waymark_domain::closing::{FOLLOW_UP_MONTHS, follow_up_dates, follow_up_title, move_on_plan};
use waymark_domain::ids::PlanActionId;
use waymark_domain::{CaseId, Permission};
use waymark_store::{Account, Case, PlanAction, Tx};
use waymark_vault::DataKey;

use crate::cases::{case_event, case_view, ctx, decision, writable_key};
use crate::referrals::{new_id, org_name, require_for_record};
use crate::{App, AppError, CaseView, ChannelMessage, Keys};

/// How a case was closed, what was scheduled, and whether it was erased; part of [`CaseView`].
#[derive(Clone, Default)]
pub struct ClosureView {
    pub closed_at: Option<PrimitiveDateTime>,
    /// Who closed it (a display name).
    pub closed_by: Option<String>,
    /// The move-on plan, opened (`None` before closure and after erasure).
    pub move_on_plan: Option<String>,
    /// The plan actions closing scheduled (follow-up check-ins).
    pub follow_ups: Vec<PlanActionId>,
    /// When the case was erased (by a manager or when its retention period ended).
    pub erased_at: Option<PrimitiveDateTime>,
    /// The actor may close the case now (it is open, not erased, and the case policy allows it).
    pub can_close: bool,
    /// The actor may erase the case now (the case policy allows it, and it is not yet erased).
    pub can_erase: bool,
}

impl std::fmt::Debug for ClosureView {
    // The move-on plan is personal data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClosureView")
            .field("closed_at", &self.closed_at)
            .field("erased_at", &self.erased_at)
            .finish_non_exhaustive()
    }
}

/// The follow-up check-ins closing scheduled: when each is due.
#[derive(Debug, Clone)]
pub struct ClosedCase {
    pub follow_ups: Vec<(PlanActionId, Date)>,
}

/// Reads a case's closure for its view (the caller has opened the case for `actor`).
pub(crate) fn closure_view(
    tx: &mut Tx<'_>,
    _keys: &Keys,
    actor: &Account,
    case: &Case,
    key: Option<&DataKey>,
) -> Result<ClosureView, AppError> {
    let c = tx.case_closure(&case.id)?.unwrap_or_default();
    let move_on_plan = match (key, &c.move_on_plan_ct) {
        (Some(k), Some(ct)) => {
            Some(k.open_string(&ctx("cases", "move_on_plan", case.id.as_str()), ct)?)
        }
        _ => None,
    };
    let closed_by = match &c.closed_by {
        Some(u) => tx
            .case_staff(&actor.org_id)?
            .into_iter()
            .find(|s| &s.id == u)
            .map(|s| s.display_name)
            .or_else(|| Some("a former member of staff".into())),
        None => None,
    };
    let erased = key.is_none() || c.erased_at.is_some();
    let may = |tx: &mut Tx<'_>, a| -> Result<bool, AppError> {
        Ok(decision(tx, actor, case, a)?.0 == Decision::Permit)
    };
    Ok(ClosureView {
        can_close: !erased
            && case.status == CaseStatus::Open.as_str()
            && may(tx, CaseAction::Close)?,
        can_erase: c.erased_at.is_none() && may(tx, CaseAction::Erase)?,
        follow_ups: if erased {
            Vec::new()
        } else {
            tx.follow_up_ids(&case.id)?
        },
        closed_at: c.closed_at,
        closed_by,
        move_on_plan,
        erased_at: c.erased_at,
    })
}

/// A subject-access export: the person's whole record, opened, as of `generated_at`.
#[derive(Debug, Clone)]
pub struct CaseExport {
    pub organisation: String,
    pub generated_at: PrimitiveDateTime,
    pub case: CaseView,
    /// The messages of the person's codename channel, oldest first (empty without one, or after erasure).
    pub messages: Vec<ChannelMessage>,
}

impl App {
    /// Closes an open case with a move-on plan (sealed), and schedules follow-up check-ins at 1, 3 and 6
    /// months as plan actions of the assigned caseworker (or of the closer, if nobody is assigned), all
    /// in one transaction, so they appear in that person's tasks without anyone having to remember.
    /// Whoever may open the case may close it. Audited.
    pub async fn close_case(
        &self,
        actor: &Account,
        id: &CaseId,
        move_on: String,
    ) -> Result<ClosedCase, AppError> {
        let t = self.clock.now();
        self.on_case(
            actor,
            id,
            CaseAction::Close,
            move |tx, keys, actor, opened| {
                let plan = move_on_plan(&move_on)?;
                let case = &opened.case;
                if case.status != CaseStatus::Open.as_str() {
                    return Err(AppError::Conflict("this case is already closed".into()));
                }
                let key = writable_key(keys, tx, case)?;
                let sealed = key.seal_str(
                    &ctx("cases", "move_on_plan", case.id.as_str()),
                    plan.expose(),
                );
                if !tx.close_case(&case.org_id, &case.id, t, &actor.user_id, &sealed)? {
                    return Err(AppError::Conflict("this case is already closed".into()));
                }
                let owner = case
                    .assigned_to
                    .clone()
                    .unwrap_or_else(|| actor.user_id.clone());
                let mut follow_ups = Vec::new();
                for (months, due_on) in FOLLOW_UP_MONTHS.iter().zip(follow_up_dates(t.date())) {
                    let aid: PlanActionId = new_id(PlanActionId::parse)?;
                    tx.insert_follow_up(&PlanAction {
                        title_ct: key.seal_str(
                            &ctx("case_plan_actions", "title", aid.as_str()),
                            &follow_up_title(*months),
                        ),
                        id: aid.clone(),
                        case_id: case.id.clone(),
                        owner_id: owner.clone(),
                        due_on,
                        status: PlanStatus::Open,
                        created_at: t,
                        created_by: actor.user_id.clone(),
                        done_at: None,
                        done_by: None,
                    })?;
                    follow_ups.push((aid, due_on));
                }
                tx.audit(&keys.audit, &case_event(actor, "case.close", &opened))?;
                Ok(ClosedCase { follow_ups })
            },
        )
        .await
    }

    /// The person's whole record as one document (a subject-access request): the person, needs, plan,
    /// notes, documents (listed), history, risks, the move-on plan and the messages of their codename
    /// channel. Whoever may open the case may export it; audited as an export. After erasure it holds
    /// nothing personal.
    pub async fn export_case(&self, actor: &Account, id: &CaseId) -> Result<CaseExport, AppError> {
        require_for_record(actor, Permission::ReadCase)?;
        let t = self.clock.now();
        self.on_case(
            actor,
            id,
            CaseAction::Export,
            move |tx, keys, actor, opened| {
                tx.audit(&keys.audit, &case_event(actor, "case.export", &opened))?;
                let case = case_view(tx, keys, actor, &opened)?;
                let messages = crate::channel::case_conversation(tx, keys, &opened.case)?;
                let organisation = org_name(tx, Some(&opened.case.org_id))?.unwrap_or_default();
                // Hook: consents and onward referrals join the export here when the record has them.
                Ok(CaseExport {
                    organisation,
                    generated_at: t,
                    case,
                    messages,
                })
            },
        )
        .await
    }
}
