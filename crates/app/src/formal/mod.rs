//! Formal referral to an independent decision body, and the body's decisions.
//!
//! A first responder's caseworker or manager who may open a case refers the person formally: an adult
//! under a consent in force that names the decision body and covers identity and exploitation history; a
//! child on the safeguarding basis, without consent. The body gets a NEW person (its own data key, wrapped
//! by the master key) and a package of exactly [`FIELDS_SENT`], sealed under that key — like an onward
//! referral, but never a case of the support organisation's.
//!
//! The wall: only the body's decision makers ([`may_decide`]) read that copy or decide; anyone else —
//! the referring organisation, an administrator, another body — is told "not found". The referring
//! organisation sees, on its case, only the status and the dates. Every state change is audited with ids
//! only; the reasons are sealed under the body's key.

use std::collections::BTreeSet;

use time::{Date, PrimitiveDateTime};
use waymark_domain::case::CaseAction;
use waymark_domain::clock::{Threshold, calendar};
use waymark_domain::consent::{ConsentBasis, ConsentScope, basis_for};
use waymark_domain::erasure::Trigger;
use waymark_domain::first_responder::may_refer_formally;
use waymark_domain::formal::{
    Closure, ConsentCover, DEFAULT_REPLY_WORKING_DAYS, FIELDS_SENT, FormalError, FormalStatus,
    Outcome, REQUIRED_SCOPES, RequestKind, answer, check_cover, close, conclusive, may_decide,
    question, reasonable_grounds, reasons, reply_by, request_reconsideration, review,
};
use waymark_domain::ids::{ConsentId, FormalReferralId, FormalRequestId, PersonId};
use waymark_domain::{CaseId, ExploitationType, Nation, OrgId, OrganisationKind};
use waymark_store::{Account, FormalReferral, FormalRequest, PersonKey, SealedColumn, Tx};
use waymark_vault::{DataKey, Zeroize, Zeroizing};

use crate::audit::AuditAction;
use crate::audit::{case_event, event};
use crate::gate::{Opened, open_formal, org_name, referrers_referral};
use crate::onward::{Package, build_package};
use crate::sealing::{ctx, new_id, writable_key};
use crate::{App, AppError, Keys};

mod decisions;
mod referrer;

/// A formal referral as the referring organisation sees it on its case: where it stands and its dates,
/// never the decision body's copy or its reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormalStatusView {
    pub id: FormalReferralId,
    pub decision_body: String,
    pub status: FormalStatus,
    pub referred_on: Date,
    pub reasonable_grounds_due: Date,
    pub reasonable_grounds: Option<Outcome>,
    pub reasonable_grounds_on: Option<Date>,
    pub recovery_period_ends: Option<Date>,
    pub conclusive_earliest: Option<Date>,
    pub conclusive: Option<Outcome>,
    pub conclusive_on: Option<Date>,
    /// The requests between the body and the referrer, oldest first.
    pub requests: Vec<FormalRequestView>,
    /// Why the decision body's copy of the person was erased, if it was: only the facts of its
    /// decisions remain (outcome, dates, nation, exploitation types).
    pub erased: Option<Trigger>,
}

/// A request between the decision body and the referrer: the body asking for more information (with a
/// reply deadline), or the referrer asking for a negative decision to be reconsidered (with reasons).
#[derive(Clone, PartialEq, Eq)]
pub struct FormalRequestView {
    pub id: FormalRequestId,
    pub kind: RequestKind,
    /// The question or the reasons; `None` once the decision body's copy was erased.
    pub text: Option<String>,
    pub asked_on: Date,
    pub reply_by: Option<Date>,
    /// A request for information past its reply date without an answer.
    pub overdue: bool,
    pub reply: Option<String>,
    pub replied_on: Option<Date>,
}

/// One line of the decision body's queue (no personal field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    pub id: FormalReferralId,
    pub status: FormalStatus,
    pub nation: Nation,
    pub referred_on: Date,
    pub reasonable_grounds_due: Date,
    pub conclusive_earliest: Option<Date>,
    pub overdue: bool,
    /// A request for information to the referrer is waiting for its answer.
    pub waiting_for_referrer: bool,
}

/// One episode of exploitation history as the decision body received it.
#[derive(Clone, PartialEq, Eq)]
pub struct HistoryItem {
    pub kind: ExploitationType,
    pub place: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: Option<String>,
}

/// A formal referral as its decision makers see it: the fields that came, the thresholds in force, the
/// dates, and the decisions with their reasons.
#[derive(Clone)]
pub struct FormalDecisionView {
    pub status: FormalStatusView,
    pub nation: Nation,
    pub child: bool,
    /// Whether the person's details can still be read: not after an erasure, nor once the consent the
    /// referral was made under was withdrawn before a decision.
    pub details: bool,
    pub name: Option<String>,
    pub other_names: Vec<String>,
    pub date_of_birth: Option<String>,
    pub age: Option<u8>,
    pub nationality: Option<String>,
    pub languages: Option<String>,
    pub history: Vec<HistoryItem>,
    /// The kinds of exploitation the referral named: a fact that stays after the details go.
    pub exploitation_types: Vec<ExploitationType>,
    pub reasonable_grounds_reasons: Option<String>,
    pub conclusive_reasons: Option<String>,
    /// A negative reasonable-grounds decision waits for a second reviewer; the actor made it themselves.
    pub awaiting_other_reviewer: bool,
    /// The reasonable-grounds threshold in force on the decision's day (today until it is made).
    pub reasonable_grounds_threshold: String,
    /// The conclusive-grounds threshold in force on that day.
    pub conclusive_threshold: String,
    /// The reply date a request for information made today gets unless another is chosen (`None` once
    /// the referral is closed).
    pub default_reply_by: Option<Date>,
}

// Personal data never reaches a log through Debug.
impl std::fmt::Debug for HistoryItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HistoryItem(…)")
    }
}

impl std::fmt::Debug for FormalRequestView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormalRequestView")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("reply_by", &self.reply_by)
            .field("answered", &self.replied_on.is_some())
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for FormalDecisionView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormalDecisionView")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

fn refused(e: FormalError) -> AppError {
    AppError::Invalid(e.to_string())
}

fn clock_error(e: waymark_domain::clock::ClockError) -> AppError {
    AppError::Invalid(e.to_string())
}

/// The requests of a referral, opened with the body's key (texts `None` once that key was erased).
fn requests_view(
    tx: &mut Tx<'_>,
    keys: &Keys,
    f: &FormalReferral,
    today: Date,
) -> Result<Vec<FormalRequestView>, AppError> {
    let rows = tx.formal_requests_of(&f.id)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let key = keys.data_key(tx, &f.person_id)?;
    rows.into_iter()
        .map(|r| {
            let open = |col: SealedColumn, ct: Option<&[u8]>| -> Result<Option<String>, AppError> {
                match (&key, ct) {
                    (Some(k), Some(c)) => Ok(Some(k.open_string(&ctx(col, r.id.as_str()), c)?)),
                    _ => Ok(None),
                }
            };
            Ok(FormalRequestView {
                kind: RequestKind::parse(&r.kind)
                    .map_err(|_| AppError::Invalid("a request of an unknown kind".into()))?,
                text: open(SealedColumn::FormalRequestText, Some(&r.text_ct))?,
                asked_on: r.asked_at.date(),
                reply_by: r.reply_by,
                overdue: r.replied_at.is_none() && r.reply_by.is_some_and(|d| d < today),
                reply: open(SealedColumn::FormalRequestReply, r.reply_ct.as_deref())?,
                replied_on: r.replied_at.map(|t| t.date()),
                id: r.id,
            })
        })
        .collect()
}

/// [`status_view`] with the requests between the body and the referrer.
fn full_view(
    tx: &mut Tx<'_>,
    keys: &Keys,
    f: &FormalReferral,
    today: Date,
) -> Result<FormalStatusView, AppError> {
    Ok(FormalStatusView {
        requests: requests_view(tx, keys, f, today)?,
        ..status_view(tx, f)?
    })
}

fn status_view(tx: &mut Tx<'_>, f: &FormalReferral) -> Result<FormalStatusView, AppError> {
    Ok(FormalStatusView {
        requests: Vec::new(),
        id: f.id.clone(),
        decision_body: org_name(tx, Some(&f.decision_body_id))?.unwrap_or_default(),
        status: f.status,
        referred_on: f.referred_on,
        reasonable_grounds_due: f.reasonable_grounds_due,
        reasonable_grounds: f
            .rg_outcome
            .filter(|_| f.status != FormalStatus::NegativeAwaitingReview),
        reasonable_grounds_on: f
            .rg_decided_on
            .filter(|_| f.status != FormalStatus::NegativeAwaitingReview),
        recovery_period_ends: f.recovery_period_ends,
        conclusive_earliest: f.conclusive_earliest,
        conclusive: f.cg_outcome,
        conclusive_on: f.cg_decided_on,
        erased: tx
            .erasure_notice(&f.decision_body_id, "formal_referral", f.id.as_str())?
            .filter(|n| !n.kept)
            .map(|n| n.erasure),
    })
}

/// Withdraws a formal referral the decision body has not decided yet, when the person's consent to it
/// is withdrawn or the person is erased: nobody is left to decide on, so it leaves the body's queue and
/// counts in its figures as withdrawn. Returns whether it was withdrawn now (not when it was decided or
/// closed before).
pub(crate) fn withdraw_undecided(
    tx: &mut Tx<'_>,
    body: &OrgId,
    id: &FormalReferralId,
    at: PrimitiveDateTime,
) -> Result<bool, AppError> {
    let Some(mut f) = tx.formal_referral_of_body(body, id)? else {
        return Ok(false);
    };
    let Ok(closed) = close(f.status, Closure::Withdrawn) else {
        return Ok(false);
    };
    f.status = closed;
    f.updated_at = at;
    tx.update_formal_referral(&f)?;
    Ok(true)
}

fn body_key(keys: &Keys, tx: &mut Tx<'_>, f: &FormalReferral) -> Result<DataKey, AppError> {
    keys.data_key(tx, &f.person_id)?
        .ok_or_else(|| AppError::Conflict("the decision body's copy was erased".into()))
}

fn threshold(f: &FormalReferral, on: Date) -> Result<Threshold, AppError> {
    calendar(f.nation)
        .threshold_on(on)
        .cloned()
        .map_err(clock_error)
}

fn parse_id(id: &str) -> Result<FormalReferralId, AppError> {
    FormalReferralId::parse(id.trim()).map_err(|_| AppError::NotFound)
}

fn record(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    f: &FormalReferral,
    action: AuditAction,
) -> Result<(), AppError> {
    tx.update_formal_referral(f)?;
    tx.audit(
        &keys.audit,
        &event(actor, action, "formal_referral", f.id.as_str()),
    )?;
    Ok(())
}
