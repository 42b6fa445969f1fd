//! Telling each decision of the decision body, and its decision letters.
//!
//! When a decision takes effect ([`NoticeKind::for_status`]) the decision use case calls
//! [`notify_decision`] inside its own transaction, so the decision, the notice and its audit entries commit
//! together or not at all:
//!
//! - a **notice** row keeps what the letter is written from as it was that day (dates; a copy of the
//!   reasons sealed under the decision body's key), so a later decision never rewrites an earlier letter;
//! - the **referring organisation** gets a task on the case (an ordinary plan action, so it shows in "My
//!   work" and `GET /tasks`), owned by the assigned caseworker, or by whoever made the formal referral when
//!   nobody is assigned, due that day;
//! - the **person**, if the case came from a self-referral with a codename channel, gets a short message in
//!   plain words from their support organisation ([`PersonNotice`]: never the reasons), sealed under
//!   their key like every message. Without a channel nothing is sent, and the task says to tell them.
//!
//! Letters (the HTML page and the PDF are rendered by the web from one [`Letter`]) are read by the body's
//! decision makers through the body's gate and by the referring organisation's staff who may open the case
//! through the case gate; anyone else is "not found". Every letter read is audited.

use time::{Date, PrimitiveDateTime};
use waymark_domain::CaseId;
use waymark_domain::case::CaseAction;
use waymark_domain::case_record::PlanStatus;
use waymark_domain::clock::calendar;
use waymark_domain::decision_letter::{
    Letter, LetterFacts, NoticeKind, Stage, letter, referrer_task,
};
use waymark_domain::ids::{DecisionNoticeId, FormalReferralId, PlanActionId};
use waymark_domain::person_notice::PersonNotice;
use waymark_store::{
    Account, AuditEvent, Case, DecisionNotice, FormalReferral, PlanAction, SealedColumn, Tx,
};
use waymark_vault::DataKey;

use crate::audit::AuditAction;
use crate::audit::event;
use crate::gate::{open_formal, org_name, referrers_referral};
use crate::onward::Package;
use crate::person_notices;
use crate::sealing::{ctx, new_id};
use crate::{App, AppError, Keys};

/// Why a case's task or a message exists, in the audit log.
const NOTICE_REASON: &str = "decision notice";

/// One decision (or closure) of a formal referral as it was told: no personal field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeSummary {
    pub id: DecisionNoticeId,
    pub kind: NoticeKind,
    /// The day the decision was made (a closure: the day it was recorded).
    pub decided_on: Date,
    /// The day it took effect and was told.
    pub told_on: Date,
    /// A decision has a letter; a closure has none.
    pub has_letter: bool,
    /// A message went to the person's codename channel.
    pub person_told: bool,
}

/// A decision letter, opened: it names the person and holds the reasons.
#[derive(Clone)]
pub struct DecisionLetter {
    pub id: DecisionNoticeId,
    pub formal_referral_id: FormalReferralId,
    pub kind: NoticeKind,
    pub letter: Letter,
}

impl std::fmt::Debug for DecisionLetter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DecisionLetter")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

/// How a letter is read: on a page, or downloaded as a PDF (audited as such).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterFormat {
    Html,
    Pdf,
}

impl LetterFormat {
    fn action(self) -> AuditAction {
        match self {
            LetterFormat::Html => AuditAction::DecisionLetterView,
            LetterFormat::Pdf => AuditAction::DecisionLetterDownload,
        }
    }
}

fn summary(n: &DecisionNotice) -> NoticeSummary {
    NoticeSummary {
        id: n.id.clone(),
        kind: n.kind,
        decided_on: n.decided_on,
        told_on: n.created_at.date(),
        has_letter: n.kind.is_decision(),
        person_told: n.person_told,
    }
}

fn body_key(keys: &Keys, tx: &mut Tx<'_>, f: &FormalReferral) -> Result<DataKey, AppError> {
    keys.data_key(tx, &f.person_id)?
        .ok_or_else(|| AppError::Conflict("the decision body's copy was erased".into()))
}

/// Tells what the decision just recorded on `f` made take effect, if anything: a notice (the letter's
/// facts), a task for the referring organisation, and a message to the person through their codename
/// channel if they have one. Called at the end of each decision use case, in its transaction; `actor` is
/// the decision maker whose decision took effect.
pub(crate) fn notify_decision(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    f: &FormalReferral,
    at: PrimitiveDateTime,
) -> Result<(), AppError> {
    let Some(kind) = NoticeKind::for_status(f.status) else {
        return Ok(());
    };
    let today = at.date();
    let id: DecisionNoticeId = new_id(DecisionNoticeId::parse)?;
    let (decided_on, confirmed_on, reasons) = match kind.stage() {
        Some(Stage::ReasonableGrounds) => (
            f.rg_decided_on.unwrap_or(today),
            (kind == NoticeKind::ReasonableGroundsNegative).then_some(today),
            f.rg_reasons_ct
                .as_deref()
                .map(|c| (SealedColumn::FormalRgReasons, c)),
        ),
        Some(Stage::ConclusiveGrounds) => (
            f.cg_decided_on.unwrap_or(today),
            None,
            f.cg_reasons_ct
                .as_deref()
                .map(|c| (SealedColumn::FormalCgReasons, c)),
        ),
        None => (today, None, None),
    };
    // The letter keeps its own copy of the reasons: a later decision on the referral cannot change it.
    let reasons_ct = match reasons {
        Some((column, ct)) => {
            let key = body_key(keys, tx, f)?;
            let why = key.open_string(&ctx(column, f.id.as_str()), ct)?;
            Some(key.seal_str(&ctx(SealedColumn::DecisionNoticeReasons, id.as_str()), &why))
        }
        None => None,
    };
    let body = org_name(tx, Some(&f.decision_body_id))?.unwrap_or_default();
    let case = tx
        .case_of(&f.from_org_id, &f.case_id)?
        .ok_or(AppError::NotFound)?;
    let owner = case
        .assigned_to
        .clone()
        .unwrap_or_else(|| f.created_by.clone());
    let recovery_ends = f
        .recovery_period_ends
        .filter(|_| kind == NoticeKind::ReasonableGroundsPositive);
    let person_told = match PersonNotice::of_decision(kind, &body, recovery_ends) {
        Some(notice) => tell_person(tx, keys, actor, &case, &owner, &notice, at)?,
        None => false,
    };
    let task_id = task_for_referrer(
        tx,
        keys,
        actor,
        &case,
        &owner,
        &referrer_task(kind, &body, recovery_ends, person_told),
        at,
    )?;
    tx.insert_decision_notice(&DecisionNotice {
        id: id.clone(),
        formal_referral_id: f.id.clone(),
        kind,
        decided_on,
        confirmed_on,
        recovery_period_ends: recovery_ends,
        conclusive_earliest: f
            .conclusive_earliest
            .filter(|_| kind == NoticeKind::ReasonableGroundsPositive),
        reasons_ct,
        task_id,
        person_told,
        created_at: at,
        created_by: actor.user_id.clone(),
    })?;
    tx.audit(
        &keys.audit,
        &event(
            actor,
            AuditAction::DecisionNoticeCreate,
            "decision_notice",
            id.as_str(),
        ),
    )?;
    tracing::info!(formal_referral = %f.id, notice = %id, kind = %kind, person_told, "decision told");
    Ok(())
}

/// A message to the person from their support organisation, if the case came from a self-referral whose
/// codename channel is still open. It names as author the caseworker it is sent on behalf of (the person
/// never sees authors); the audit entry names the decision maker whose decision caused it.
fn tell_person(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    case: &Case,
    on_behalf_of: &waymark_domain::UserId,
    notice: &PersonNotice,
    at: PrimitiveDateTime,
) -> Result<bool, AppError> {
    let Some(channel) = person_notices::tell(tx, keys, case, on_behalf_of, notice, at)? else {
        return Ok(false);
    };
    tx.audit(
        &keys.audit,
        &AuditEvent {
            reason: NOTICE_REASON,
            ..event(
                actor,
                AuditAction::ChannelDecisionNotice,
                "channel",
                channel.as_str(),
            )
        },
    )?;
    Ok(true)
}

/// A task on the case for the referring organisation, due today; none once the case is erased (nothing
/// can be sealed under a forgotten key).
fn task_for_referrer(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    case: &Case,
    owner: &waymark_domain::UserId,
    title: &str,
    at: PrimitiveDateTime,
) -> Result<Option<PlanActionId>, AppError> {
    let Some(key) = keys.data_key(tx, &case.person_id)? else {
        return Ok(None);
    };
    let aid: PlanActionId = new_id(PlanActionId::parse)?;
    tx.insert_plan_action(&PlanAction {
        title_ct: key.seal_str(&ctx(SealedColumn::PlanActionTitle, aid.as_str()), title),
        id: aid.clone(),
        case_id: case.id.clone(),
        owner_id: owner.clone(),
        due_on: at.date(),
        status: PlanStatus::Open,
        created_at: at,
        created_by: actor.user_id.clone(),
        done_at: None,
        done_by: None,
    })?;
    tx.audit(
        &keys.audit,
        &AuditEvent {
            reason: NOTICE_REASON,
            ..event(actor, AuditAction::CasePlanAdd, "case", case.id.as_str())
        },
    )?;
    Ok(Some(aid))
}

/// The letter of one notice, opened (the caller has passed the gate and audits the read).
fn open_letter(
    tx: &mut Tx<'_>,
    keys: &Keys,
    f: &FormalReferral,
    n: &DecisionNotice,
) -> Result<DecisionLetter, AppError> {
    let stage = n.kind.stage().ok_or(AppError::NotFound)?;
    // After an erasure the key is gone: the letter names no one and its reasons are not shown.
    let (name, reasons) = match keys.data_key(tx, &f.person_id)? {
        Some(key) => {
            // The opened package is zeroised when dropped.
            let json = key.open(
                &ctx(SealedColumn::FormalPackage, f.id.as_str()),
                &f.package_ct,
            )?;
            let name = serde_json::from_slice::<Package>(&json)
                .map_err(|_| {
                    AppError::Invalid("the decision body's copy could not be read".into())
                })?
                .person
                .and_then(|p| p.name);
            let reasons = n
                .reasons_ct
                .as_deref()
                .map(|c| {
                    key.open_string(&ctx(SealedColumn::DecisionNoticeReasons, n.id.as_str()), c)
                })
                .transpose()?
                .unwrap_or_default();
            (name, reasons)
        }
        None => (
            None,
            "The reasons were erased with the person's record.".to_owned(),
        ),
    };
    let rules = calendar(f.nation)
        .threshold_on(n.decided_on)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let threshold = match stage {
        Stage::ReasonableGrounds => &rules.reasonable_grounds,
        Stage::ConclusiveGrounds => &rules.conclusive_grounds,
    };
    let decision_body = org_name(tx, Some(&f.decision_body_id))?.unwrap_or_default();
    let referrer = org_name(tx, Some(&f.from_org_id))?.unwrap_or_default();
    let letter = letter(&LetterFacts {
        kind: n.kind,
        decision_body: &decision_body,
        referring_organisation: &referrer,
        reference: f.id.as_str(),
        person: name.as_deref(),
        referred_on: f.referred_on,
        decided_on: n.decided_on,
        confirmed_on: n.confirmed_on,
        threshold,
        recovery_period_ends: n.recovery_period_ends,
        conclusive_earliest: n.conclusive_earliest,
        reasons: &reasons,
    })
    .ok_or(AppError::NotFound)?;
    Ok(DecisionLetter {
        id: n.id.clone(),
        formal_referral_id: f.id.clone(),
        kind: n.kind,
        letter,
    })
}

fn parse_ids(id: &str, notice: &str) -> Result<(FormalReferralId, DecisionNoticeId), AppError> {
    let f = FormalReferralId::parse(id.trim()).map_err(|_| AppError::NotFound)?;
    let n = DecisionNoticeId::parse(notice.trim()).map_err(|_| AppError::NotFound)?;
    Ok((f, n))
}

impl App {
    /// What was told on a formal referral, oldest first, for the decision body's decision makers (anyone
    /// else: not found). No personal field.
    pub async fn formal_referral_notices(
        &self,
        actor: &Account,
        id: &str,
    ) -> Result<Vec<NoticeSummary>, AppError> {
        let id = FormalReferralId::parse(id.trim()).map_err(|_| AppError::NotFound)?;
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let f = open_formal(tx, &actor, &id)?;
                Ok(tx.decision_notices_of(&f.id)?.iter().map(summary).collect())
            })
            .await
    }

    /// What was told on a formal referral made from a case, for the referring organisation's staff who
    /// may open the case (anyone else: not found). No personal field.
    pub async fn case_formal_referral_notices(
        &self,
        actor: &Account,
        case: &CaseId,
        id: &str,
    ) -> Result<Vec<NoticeSummary>, AppError> {
        let id = FormalReferralId::parse(id.trim()).map_err(|_| AppError::NotFound)?;
        self.on_case(
            actor,
            case,
            CaseAction::View,
            move |tx, _, actor, opened| {
                let f = referrers_referral(tx, actor, &opened, &id)?;
                Ok(tx.decision_notices_of(&f.id)?.iter().map(summary).collect())
            },
        )
        .await
    }

    /// A decision letter, for the decision body's decision makers (anyone else, or a closure, which has no
    /// letter: not found). Audited as a view or a download.
    pub async fn decision_letter(
        &self,
        actor: &Account,
        id: &str,
        notice: &str,
        format: LetterFormat,
    ) -> Result<DecisionLetter, AppError> {
        let (id, notice) = parse_ids(id, notice)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                let f = open_formal(tx, &actor, &id)?;
                let n = tx
                    .decision_notice(&f.id, &notice)?
                    .ok_or(AppError::NotFound)?;
                let l = open_letter(tx, &keys, &f, &n)?;
                tx.audit(
                    &keys.audit,
                    &event(&actor, format.action(), "decision_notice", n.id.as_str()),
                )?;
                Ok(l)
            })
            .await
    }

    /// A decision letter on a formal referral made from a case, for the referring organisation's staff who
    /// may open the case (anyone else, or a closure: not found). Refused once the case is erased: the
    /// letter names the person. Audited as a view or a download.
    pub async fn case_decision_letter(
        &self,
        actor: &Account,
        case: &CaseId,
        id: &str,
        notice: &str,
        format: LetterFormat,
    ) -> Result<DecisionLetter, AppError> {
        let (id, notice) = parse_ids(id, notice)?;
        self.on_case(
            actor,
            case,
            CaseAction::View,
            move |tx, keys, actor, opened| {
                let f = referrers_referral(tx, actor, &opened, &id)?;
                let n = tx
                    .decision_notice(&f.id, &notice)?
                    .ok_or(AppError::NotFound)?;
                if !n.kind.is_decision() {
                    return Err(AppError::NotFound);
                }
                if keys.data_key(tx, &opened.case.person_id)?.is_none() {
                    return Err(AppError::Conflict(
                        "this case was erased: its decision letters can no longer be shown".into(),
                    ));
                }
                let l = open_letter(tx, keys, &f, &n)?;
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        reason: opened.reason(),
                        ..event(actor, format.action(), "decision_notice", n.id.as_str())
                    },
                )?;
                Ok(l)
            },
        )
        .await
    }
}
