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
use crate::gate::{Opened, org_name};
use crate::onward::{Package, build_package};
use crate::sealing::{ctx, new_id, writable_key};
use crate::{App, AppError, Keys};

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
    pub name: Option<String>,
    pub other_names: Vec<String>,
    pub date_of_birth: Option<String>,
    pub age: Option<u8>,
    pub nationality: Option<String>,
    pub languages: Option<String>,
    pub history: Vec<HistoryItem>,
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
    })
}

/// The formal referral (the work inside the case gate).
fn send(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    opened: &Opened,
    body: Option<OrgId>,
    consent: Option<ConsentId>,
    at: PrimitiveDateTime,
) -> Result<FormalReferralId, AppError> {
    let today = at.date();
    // The designation is read inside the transaction: withdrawn a moment ago counts.
    let first_responder = tx.is_first_responder(&actor.org_id)? == Some(true);
    if !may_refer_formally(actor.role, actor.org_kind, first_responder) {
        return Err(AppError::Forbidden);
    }
    let body = body
        .and_then(|b| tx.organisation(&b).transpose())
        .transpose()?
        .filter(|o| o.kind == OrganisationKind::DecisionBody)
        .ok_or_else(|| refused(FormalError::NotDecisionBody))?;
    let case = &opened.case;
    let original = tx.referral_of_case(case)?.ok_or(AppError::NotFound)?;
    let child = basis_for(original.age) == ConsentBasis::Safeguarding;
    let consent = match (child, consent) {
        (false, Some(id)) => tx
            .consent_of_org(&actor.org_id, &id)?
            .filter(|c| c.case_id == case.id),
        _ => None,
    };
    let cover = consent.as_ref().map(|c| ConsentCover {
        names_body: c.recipient == body.id,
        withdrawn: c.withdrawn_at.is_some(),
        scopes: c.scopes.clone(),
    });
    check_cover(child, cover.as_ref()).map_err(refused)?;
    if tx
        .formal_referrals_of_case(&actor.org_id, &case.id)?
        .iter()
        .any(|f| f.decision_body_id == body.id && !f.status.is_final())
    {
        return Err(refused(FormalError::AlreadyReferred));
    }
    let due = calendar(original.nation)
        .reasonable_grounds_due(today)
        .map_err(clock_error)?;

    let key = writable_key(keys, tx, case)?;
    let scopes: BTreeSet<ConsentScope> = REQUIRED_SCOPES.into_iter().collect();
    let (package, mut contents) = build_package(tx, &key, case, &original, &scopes)?;
    // Documents are never in the scopes above; say so again rather than rely on it.
    contents.zeroize();
    let package = Package {
        v: 1,
        person: package.person,
        needs: None,
        history: package.history,
        documents: Vec::new(),
    };
    let id: FormalReferralId = new_id(FormalReferralId::parse)?;
    let person: PersonId = new_id(PersonId::parse)?;
    let new_key = DataKey::generate();
    tx.insert_person(
        &PersonKey {
            id: person.clone(),
            wrapped_key: Some(keys.master.wrap(&new_key, person.as_str())),
            master_key_id: keys.master.id(),
        },
        at,
    )?;
    let json = Zeroizing::new(
        serde_json::to_vec(&package)
            .map_err(|e| AppError::Invalid(format!("the referral could not be prepared: {e}")))?,
    );
    let package_ct = new_key.seal(&ctx(SealedColumn::FormalPackage, id.as_str()), &json);
    tx.insert_formal_referral(&FormalReferral {
        id: id.clone(),
        case_id: case.id.clone(),
        from_org_id: actor.org_id.clone(),
        decision_body_id: body.id.clone(),
        person_id: person,
        consent_id: consent.map(|c| c.id),
        basis: if child { "safeguarding" } else { "consent" }.into(),
        nation: original.nation,
        package_ct,
        status: FormalStatus::AwaitingReasonableGrounds,
        referred_on: today,
        reasonable_grounds_due: due,
        rg_outcome: None,
        rg_reasons_ct: None,
        rg_decided_on: None,
        rg_decided_by: None,
        rg_reviewed_by: None,
        recovery_period_ends: None,
        conclusive_earliest: None,
        cg_outcome: None,
        cg_reasons_ct: None,
        cg_decided_on: None,
        cg_decided_by: None,
        created_at: at,
        created_by: actor.user_id.clone(),
        updated_at: at,
        exploitation_types: crate::decision_figures::types_of(&package.history),
    })?;
    tx.audit(
        &keys.audit,
        &case_event(actor, AuditAction::CaseReferFormally, opened),
    )?;
    tx.audit(
        &keys.audit,
        &event(
            actor,
            AuditAction::FormalReferralCreate,
            "formal_referral",
            id.as_str(),
        ),
    )?;
    tracing::info!(formal_referral = %id, case = %case.id, "formal referral sent");
    Ok(id)
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

/// A formal referral made from the opened case by the actor's organisation; "not found" for any other.
fn referrers_referral(
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

impl App {
    /// Refers the person of a case formally to a decision body. Refused with "not found" for a case the
    /// actor may not open; 403 for staff of an organisation that is not a first responder; 422 (with what
    /// to do) without a covering consent for an adult, or to anything but a decision body.
    pub async fn refer_formally(
        &self,
        actor: &Account,
        case: &CaseId,
        decision_body: &str,
        consent: Option<&str>,
    ) -> Result<FormalReferralId, AppError> {
        let body = OrgId::parse(decision_body.trim()).ok();
        let consent = consent.and_then(|c| ConsentId::parse(c.trim()).ok());
        let at = self.clock.now();
        self.on_case(
            actor,
            case,
            CaseAction::ReferFormally,
            move |tx, keys, actor, opened| send(tx, keys, actor, &opened, body, consent, at),
        )
        .await
    }

    /// The formal referrals of a case, as its organisation sees them (status and dates only).
    pub async fn case_formal_referrals(
        &self,
        actor: &Account,
        case: &CaseId,
    ) -> Result<Vec<FormalStatusView>, AppError> {
        let today = self.clock.now().date();
        self.on_case(
            actor,
            case,
            CaseAction::View,
            move |tx, keys, actor, opened| {
                tx.formal_referrals_of_case(&actor.org_id, &opened.case.id)?
                    .iter()
                    .map(|f| full_view(tx, keys, f, today))
                    .collect()
            },
        )
        .await
    }

    /// The decision body's queue, the soonest due first. Only its decision makers (anyone else: not
    /// found).
    pub async fn decision_queue(&self, actor: &Account) -> Result<Vec<QueueItem>, AppError> {
        if !may_decide(actor.role, actor.org_kind) {
            return Err(AppError::NotFound);
        }
        let org = actor.org_id.clone();
        let today = self.clock.now().date();
        self.store
            .run(move |tx| {
                let waiting = tx.referrals_waiting_for_referrer(&org)?;
                Ok(tx
                    .formal_referrals_of_body(&org)?
                    .into_iter()
                    .map(|f| QueueItem {
                        waiting_for_referrer: waiting.contains(&f.id),
                        overdue: f.status == FormalStatus::AwaitingReasonableGrounds
                            && f.reasonable_grounds_due < today,
                        id: f.id,
                        status: f.status,
                        nation: f.nation,
                        referred_on: f.referred_on,
                        reasonable_grounds_due: f.reasonable_grounds_due,
                        conclusive_earliest: f.conclusive_earliest,
                    })
                    .collect())
            })
            .await
    }

    /// One formal referral with the decision body's copy of the person (an audited read).
    pub async fn formal_referral(
        &self,
        actor: &Account,
        id: &str,
    ) -> Result<FormalDecisionView, AppError> {
        let id = parse_id(id)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let today = self.clock.now().date();
        self.store
            .run(move |tx| {
                let f = open_formal(tx, &actor, &id)?;
                let key = body_key(&keys, tx, &f)?;
                let json = key.open(
                    &ctx(SealedColumn::FormalPackage, f.id.as_str()),
                    &f.package_ct,
                )?;
                let package: Package = serde_json::from_slice(&json).map_err(|_| {
                    AppError::Invalid("the decision body's copy could not be read".into())
                })?;
                let open = |col: SealedColumn, ct: &Option<Vec<u8>>| {
                    ct.as_deref()
                        .map(|c| key.open_string(&ctx(col, f.id.as_str()), c))
                        .transpose()
                };
                let rg_reasons = open(SealedColumn::FormalRgReasons, &f.rg_reasons_ct)?;
                let cg_reasons = open(SealedColumn::FormalCgReasons, &f.cg_reasons_ct)?;
                let rg_day = f.rg_decided_on.unwrap_or(today);
                let rg = threshold(&f, rg_day)?;
                let cg = threshold(&f, f.cg_decided_on.unwrap_or(today))?;
                let person = package.person.unwrap_or_default();
                let view = FormalDecisionView {
                    status: FormalStatusView {
                        reasonable_grounds: f.rg_outcome,
                        reasonable_grounds_on: f.rg_decided_on,
                        ..full_view(tx, &keys, &f, today)?
                    },
                    nation: f.nation,
                    child: f.basis == "safeguarding",
                    name: person.name,
                    other_names: person.aliases,
                    date_of_birth: person.date_of_birth,
                    age: person.age,
                    nationality: person.nationality,
                    languages: person.languages,
                    history: package
                        .history
                        .into_iter()
                        .map(|h| HistoryItem {
                            kind: h.kind,
                            place: h.place.to_string(),
                            from: h.from,
                            to: h.to,
                            note: h.note,
                        })
                        .collect(),
                    reasonable_grounds_reasons: rg_reasons,
                    conclusive_reasons: cg_reasons,
                    awaiting_other_reviewer: f.status == FormalStatus::NegativeAwaitingReview
                        && f.rg_decided_by.as_ref() == Some(&actor.user_id),
                    reasonable_grounds_threshold: rg.reasonable_grounds,
                    conclusive_threshold: cg.conclusive_grounds,
                    default_reply_by: if f.status.is_final() {
                        None
                    } else {
                        Some(
                            calendar(f.nation)
                                .working_days_after(today, DEFAULT_REPLY_WORKING_DAYS)
                                .map_err(clock_error)?,
                        )
                    },
                };
                tx.audit(
                    &keys.audit,
                    &event(
                        &actor,
                        AuditAction::FormalReferralView,
                        "formal_referral",
                        f.id.as_str(),
                    ),
                )?;
                Ok(view)
            })
            .await
    }

    /// Records the reasonable-grounds decision. A positive one starts the recovery period (its end and
    /// the earliest conclusive date from the clock rules in force today); a negative one waits for a
    /// second reviewer ([`App::review_negative`]).
    pub async fn decide_reasonable_grounds(
        &self,
        actor: &Account,
        id: &str,
        outcome: Outcome,
        why: &str,
    ) -> Result<FormalStatusView, AppError> {
        let id = parse_id(id)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let at = self.clock.now();
        let why = why.to_owned();
        self.store
            .run(move |tx| {
                let mut f = open_formal(tx, &actor, &id)?;
                let status = reasonable_grounds(f.status, outcome).map_err(refused)?;
                let why = reasons(&why).map_err(refused)?;
                let key = body_key(&keys, tx, &f)?;
                let today = at.date();
                if outcome == Outcome::Positive {
                    let cal = calendar(f.nation);
                    f.recovery_period_ends =
                        Some(cal.recovery_period_ends(today).map_err(clock_error)?);
                    f.conclusive_earliest = Some(
                        cal.conclusive_grounds_earliest(today)
                            .map_err(clock_error)?,
                    );
                }
                f.status = status;
                f.rg_outcome = Some(outcome);
                f.rg_reasons_ct =
                    Some(key.seal_str(&ctx(SealedColumn::FormalRgReasons, f.id.as_str()), &why));
                f.rg_decided_on = Some(today);
                f.rg_decided_by = Some(actor.user_id.clone());
                f.rg_reviewed_by = None;
                f.updated_at = at;
                record(
                    tx,
                    &keys,
                    &actor,
                    &f,
                    match outcome {
                        Outcome::Positive => AuditAction::FormalReferralReasonableGroundsPositive,
                        Outcome::Negative => {
                            AuditAction::FormalReferralReasonableGroundsNegativeProposed
                        }
                    },
                )?;
                crate::decision_notices::notify_decision(tx, &keys, &actor, &f, at)?;
                full_view(tx, &keys, &f, at.date())
            })
            .await
    }

    /// A second reviewer answers on a negative reasonable-grounds decision: `agree` makes it take effect;
    /// not agreeing sends the referral back for a new reasonable-grounds decision. Refused (422) for the
    /// decision maker who made it.
    pub async fn review_negative(
        &self,
        actor: &Account,
        id: &str,
        agree: bool,
    ) -> Result<FormalStatusView, AppError> {
        let id = parse_id(id)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let at = self.clock.now();
        self.store
            .run(move |tx| {
                let mut f = open_formal(tx, &actor, &id)?;
                let same = f.rg_decided_by.as_ref() == Some(&actor.user_id);
                f.status = review(f.status, same, agree).map_err(refused)?;
                if agree {
                    f.rg_reviewed_by = Some(actor.user_id.clone());
                } else {
                    f.rg_outcome = None;
                    f.rg_reasons_ct = None;
                    f.rg_decided_on = None;
                    f.rg_decided_by = None;
                }
                f.updated_at = at;
                record(
                    tx,
                    &keys,
                    &actor,
                    &f,
                    if agree {
                        AuditAction::FormalReferralReasonableGroundsNegativeConfirmed
                    } else {
                        AuditAction::FormalReferralReasonableGroundsNegativeNotConfirmed
                    },
                )?;
                crate::decision_notices::notify_decision(tx, &keys, &actor, &f, at)?;
                full_view(tx, &keys, &f, at.date())
            })
            .await
    }

    /// Records the conclusive decision: only in the recovery period, and not before its earliest date
    /// (422 naming the date).
    pub async fn decide_conclusive(
        &self,
        actor: &Account,
        id: &str,
        outcome: Outcome,
        why: &str,
    ) -> Result<FormalStatusView, AppError> {
        let id = parse_id(id)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let at = self.clock.now();
        let why = why.to_owned();
        self.store
            .run(move |tx| {
                let mut f = open_formal(tx, &actor, &id)?;
                f.status = conclusive(f.status, outcome, at.date(), f.conclusive_earliest)
                    .map_err(refused)?;
                let why = reasons(&why).map_err(refused)?;
                let key = body_key(&keys, tx, &f)?;
                f.cg_outcome = Some(outcome);
                f.cg_reasons_ct =
                    Some(key.seal_str(&ctx(SealedColumn::FormalCgReasons, f.id.as_str()), &why));
                f.cg_decided_on = Some(at.date());
                f.cg_decided_by = Some(actor.user_id.clone());
                f.updated_at = at;
                record(
                    tx,
                    &keys,
                    &actor,
                    &f,
                    match outcome {
                        Outcome::Positive => AuditAction::FormalReferralConclusivePositive,
                        Outcome::Negative => AuditAction::FormalReferralConclusiveNegative,
                    },
                )?;
                crate::decision_notices::notify_decision(tx, &keys, &actor, &f, at)?;
                full_view(tx, &keys, &f, at.date())
            })
            .await
    }

    /// Records that a referral was withdrawn, or that the person left the UK or is missing.
    pub async fn close_formal_referral(
        &self,
        actor: &Account,
        id: &str,
        closure: Closure,
    ) -> Result<FormalStatusView, AppError> {
        let id = parse_id(id)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let at = self.clock.now();
        self.store
            .run(move |tx| {
                let mut f = open_formal(tx, &actor, &id)?;
                f.status = close(f.status, closure).map_err(refused)?;
                f.updated_at = at;
                let action = match closure {
                    Closure::Withdrawn => AuditAction::FormalReferralWithdrawn,
                    Closure::LeftUk => AuditAction::FormalReferralLeftUk,
                    Closure::Missing => AuditAction::FormalReferralMissing,
                };
                record(tx, &keys, &actor, &f, action)?;
                crate::decision_notices::notify_decision(tx, &keys, &actor, &f, at)?;
                full_view(tx, &keys, &f, at.date())
            })
            .await
    }

    /// The decision body asks the referrer for more information, by `reply_by` (after today, at most 60
    /// days away; by default the 10th working day after today in the person's nation). Not once the
    /// referral is closed.
    pub async fn request_information(
        &self,
        actor: &Account,
        id: &str,
        what: &str,
        by: Option<Date>,
    ) -> Result<FormalStatusView, AppError> {
        let id = parse_id(id)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let at = self.clock.now();
        let what = what.to_owned();
        self.store
            .run(move |tx| {
                let f = open_formal(tx, &actor, &id)?;
                if f.status.is_final() {
                    return Err(refused(FormalError::AlreadyFinal(f.status)));
                }
                let what = question(&what).map_err(refused)?;
                let today = at.date();
                let default = calendar(f.nation)
                    .working_days_after(today, DEFAULT_REPLY_WORKING_DAYS)
                    .map_err(clock_error)?;
                let reply_by = reply_by(today, by, default).map_err(refused)?;
                let key = body_key(&keys, tx, &f)?;
                let request: FormalRequestId = new_id(FormalRequestId::parse)?;
                tx.insert_formal_request(&FormalRequest {
                    text_ct: key.seal_str(
                        &ctx(SealedColumn::FormalRequestText, request.as_str()),
                        &what,
                    ),
                    id: request,
                    formal_referral_id: f.id.clone(),
                    kind: RequestKind::Information.as_str().into(),
                    asked_by: actor.user_id.clone(),
                    asked_at: at,
                    reply_by: Some(reply_by),
                    reply_ct: None,
                    replied_by: None,
                    replied_at: None,
                })?;
                tx.audit(
                    &keys.audit,
                    &event(
                        &actor,
                        AuditAction::FormalReferralInformationRequested,
                        "formal_referral",
                        f.id.as_str(),
                    ),
                )?;
                full_view(tx, &keys, &f, today)
            })
            .await
    }

    /// The referring organisation answers the decision body's request for information (once). Staff who
    /// may refer the case formally; anyone else who may not open the case: not found.
    pub async fn answer_information_request(
        &self,
        actor: &Account,
        case: &CaseId,
        id: &str,
        request: &str,
        reply: &str,
    ) -> Result<FormalStatusView, AppError> {
        let id = parse_id(id)?;
        let request = FormalRequestId::parse(request.trim()).map_err(|_| AppError::NotFound)?;
        let at = self.clock.now();
        let reply = reply.to_owned();
        self.on_case(
            actor,
            case,
            CaseAction::ReferFormally,
            move |tx, keys, actor, opened| {
                let f = referrers_referral(tx, actor, &opened, &id)?;
                let asked = tx
                    .formal_requests_of(&f.id)?
                    .into_iter()
                    .find(|r| r.id == request && r.kind == RequestKind::Information.as_str())
                    .ok_or(AppError::NotFound)?;
                let reply = answer(&reply).map_err(refused)?;
                let key = body_key(keys, tx, &f)?;
                let ct = key.seal_str(
                    &ctx(SealedColumn::FormalRequestReply, asked.id.as_str()),
                    &reply,
                );
                if !tx.answer_formal_request(&asked.id, &ct, &actor.user_id, at)? {
                    return Err(refused(FormalError::AlreadyAnswered));
                }
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseAnswerDecisionBody, &opened),
                )?;
                tx.audit(
                    &keys.audit,
                    &event(
                        actor,
                        AuditAction::FormalReferralInformationAnswered,
                        "formal_referral",
                        f.id.as_str(),
                    ),
                )?;
                full_view(tx, keys, &f, at.date())
            },
        )
        .await
    }

    /// The referring organisation asks for a negative decision (reasonable grounds, once it took effect,
    /// or conclusive) to be reconsidered, with reasons. The referral then waits for a new decision of
    /// that kind. Staff who may refer the case formally; anyone else who may not open the case: not
    /// found; another organisation's referral: not found.
    pub async fn ask_reconsideration(
        &self,
        actor: &Account,
        case: &CaseId,
        id: &str,
        why: &str,
    ) -> Result<FormalStatusView, AppError> {
        let id = parse_id(id)?;
        let at = self.clock.now();
        let why = why.to_owned();
        self.on_case(
            actor,
            case,
            CaseAction::ReferFormally,
            move |tx, keys, actor, opened| {
                let mut f = referrers_referral(tx, actor, &opened, &id)?;
                f.status = request_reconsideration(f.status).map_err(refused)?;
                let why = reasons(&why).map_err(refused)?;
                let key = body_key(keys, tx, &f)?;
                let request: FormalRequestId = new_id(FormalRequestId::parse)?;
                tx.insert_formal_request(&FormalRequest {
                    text_ct: key.seal_str(
                        &ctx(SealedColumn::FormalRequestText, request.as_str()),
                        &why,
                    ),
                    id: request,
                    formal_referral_id: f.id.clone(),
                    kind: RequestKind::Reconsideration.as_str().into(),
                    asked_by: actor.user_id.clone(),
                    asked_at: at,
                    reply_by: None,
                    reply_ct: None,
                    replied_by: None,
                    replied_at: None,
                })?;
                f.updated_at = at;
                tx.update_formal_referral(&f)?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseAskReconsideration, &opened),
                )?;
                tx.audit(
                    &keys.audit,
                    &event(
                        actor,
                        AuditAction::FormalReferralReconsiderationRequested,
                        "formal_referral",
                        f.id.as_str(),
                    ),
                )?;
                full_view(tx, keys, &f, at.date())
            },
        )
        .await
    }

    /// The decision bodies in Waymark (names and ids only), for the formal-referral form.
    pub async fn decision_bodies(&self) -> Result<Vec<crate::Recipient>, AppError> {
        self.store
            .run(move |tx| {
                Ok(tx
                    .organisations_of_kind(OrganisationKind::DecisionBody)?
                    .into_iter()
                    .map(|o| crate::Recipient {
                        id: o.id,
                        name: o.name,
                        decision_body: true,
                    })
                    .collect())
            })
            .await
    }

    /// The fields a formal referral sends, for the formal-referral page.
    pub fn formal_referral_fields(&self) -> &'static [&'static str] {
        &FIELDS_SENT
    }
}
