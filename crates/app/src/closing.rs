//! Closing a case safely: a move-on plan (sealed), follow-up check-ins scheduled as the caseworker's plan
//! actions in the same transaction (so nobody has to remember them), and the person still reachable
//! through their codename channel after closure.
//!
//! The subject-access export lives here too: the person's whole record as one readable document.

use time::{Date, PrimitiveDateTime};
use waymark_domain::case::{CaseAction, CaseStatus};
use waymark_domain::case_record::PlanStatus;
use waymark_domain::closing::{FOLLOW_UP_MONTHS, follow_up_dates, follow_up_title, move_on_plan};
use waymark_domain::consent::ConsentScope;
use waymark_domain::erasure::CopyKind;
use waymark_domain::formal::FormalStatus;
use waymark_domain::ids::{ConsentId, PlanActionId};
use waymark_domain::referral::ReferralStatus;
use waymark_domain::{CaseId, Permission};
use waymark_store::{Account, Case, CopyRecord, PlanAction, SealedColumn, Tx};

use crate::audit::AuditAction;
use crate::audit::case_event;
use crate::cases::case_view;
use crate::gate::{org_name, require_for_record};
use crate::sealing::{ctx, new_id, writable_key};
use crate::{App, AppError, CaseView, ChannelMessage, Keys};

/// The follow-up check-ins closing scheduled: when each is due.
#[derive(Debug, Clone)]
pub struct ClosedCase {
    pub follow_ups: Vec<(PlanActionId, Date)>,
}

/// A subject-access export: the person's whole record, opened, as of `generated_at`.
#[derive(Debug, Clone)]
pub struct CaseExport {
    pub organisation: String,
    pub generated_at: PrimitiveDateTime,
    pub case: CaseView,
    /// The messages of the person's codename channel, oldest first (empty without one, or after erasure).
    pub messages: Vec<ChannelMessage>,
    /// The consents the person gave (or the safeguarding basis) and where their details were sent
    /// onward: who received what is part of what a subject-access request must answer.
    pub sharing: crate::consents::Sharing,
    /// Every copy of the person this organisation holds or made, from the personal-data map: the case,
    /// the codename channel, each onward and formal referral — who holds it, since when, under which
    /// consent, and where it stands.
    pub copies: Vec<CopyView>,
}

/// One copy of the person's information, as the subject-access export lists it.
#[derive(Debug, Clone)]
pub struct CopyView {
    pub kind: CopyKind,
    /// The organisation or decision body that holds it.
    pub holder: String,
    pub made_at: PrimitiveDateTime,
    /// The consent it was made under (one of [`crate::consents::Sharing::consents`]); `None` for the
    /// organisation's own record and channel, and for a child's formal referral (safeguarding).
    pub consent: Option<ConsentId>,
    /// What it carries: for an onward referral what its consent covered, for a formal referral who
    /// the person is and their exploitation history; empty for the organisation's own record (all of
    /// it) and the channel (the messages).
    pub scopes: Vec<ConsentScope>,
    /// Whether the details in it can still be read (not after erasure or a withdrawal shredded it).
    pub readable: bool,
    /// Where an onward referral stands.
    pub referral: Option<ReferralStatus>,
    /// Where a formal referral stands.
    pub formal: Option<FormalStatus>,
}

/// The copies of the opened case, from the personal-data map, for the export.
fn copies(
    tx: &mut Tx<'_>,
    keys: &Keys,
    case: &Case,
    sharing: &crate::consents::Sharing,
) -> Result<Vec<CopyView>, AppError> {
    let mut out = Vec::new();
    for copy in tx.copies_of_case(case)? {
        let (referral, formal, scopes) = match &copy.record {
            CopyRecord::Referral(id, _) => {
                let sent = sharing.onward.iter().find(|o| &o.referral_id == id);
                (
                    sent.map(|o| o.status),
                    None,
                    sent.map(|o| o.scopes.clone()).unwrap_or_default(),
                )
            }
            CopyRecord::Formal(id) => (
                None,
                tx.formal_referral_of_body(&copy.holder, id)?
                    .map(|f| f.status),
                vec![ConsentScope::Identity, ConsentScope::History],
            ),
            CopyRecord::Case(_) | CopyRecord::Channel(..) => (None, None, Vec::new()),
        };
        out.push(CopyView {
            kind: copy.kind,
            holder: org_name(tx, Some(&copy.holder))?.unwrap_or_default(),
            made_at: copy.made_at,
            readable: keys.data_key(tx, &copy.person_id)?.is_some(),
            consent: copy.consent,
            scopes,
            referral,
            formal,
        });
    }
    Ok(out)
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
                    &ctx(SealedColumn::CaseMoveOnPlan, case.id.as_str()),
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
                            &ctx(SealedColumn::PlanActionTitle, aid.as_str()),
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
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseClose, &opened),
                )?;
                Ok(ClosedCase { follow_ups })
            },
        )
        .await
    }

    /// The person's whole record as one document (a subject-access request): the person, needs, plan,
    /// notes, documents (listed), history, risks, the move-on plan, the messages of their codename
    /// channel, the consents they gave, and every copy made of their details (onward and formal referrals)
    /// with where it stands. Whoever may open the case may export it; audited as an export. After erasure
    /// it holds nothing personal.
    pub async fn export_case(&self, actor: &Account, id: &CaseId) -> Result<CaseExport, AppError> {
        require_for_record(actor, Permission::ReadCase)?;
        let t = self.clock.now();
        self.on_case(
            actor,
            id,
            CaseAction::Export,
            move |tx, keys, actor, opened| {
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseExport, &opened),
                )?;
                let case = case_view(tx, keys, actor, &opened)?;
                let messages = crate::channel::case_conversation(tx, keys, &opened.case)?;
                let organisation = org_name(tx, Some(&opened.case.org_id))?.unwrap_or_default();
                let sharing = crate::consents::sharing_of(tx, keys, actor, &opened)?;
                let copies = copies(tx, keys, &opened.case, &sharing)?;
                Ok(CaseExport {
                    copies,
                    organisation,
                    generated_at: t,
                    case,
                    messages,
                    sharing,
                })
            },
        )
        .await
    }
}
