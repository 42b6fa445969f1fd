//! The decision body's side: its queue, the referral it reads, its decisions, closure and requests
//! for information.

use super::*;

impl App {
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
                // After an erasure the key is gone: the body keeps the facts of its decisions only.
                let (package, rg_reasons, cg_reasons) = match keys.data_key(tx, &f.person_id)? {
                    Some(key) => {
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
                        (
                            Some(package),
                            open(SealedColumn::FormalRgReasons, &f.rg_reasons_ct)?,
                            open(SealedColumn::FormalCgReasons, &f.cg_reasons_ct)?,
                        )
                    }
                    None => (None, None, None),
                };
                let rg_day = f.rg_decided_on.unwrap_or(today);
                let rg = threshold(&f, rg_day)?;
                let cg = threshold(&f, f.cg_decided_on.unwrap_or(today))?;
                let details = package.is_some();
                let (person, history) = match package {
                    Some(p) => (p.person.unwrap_or_default(), p.history),
                    None => (Default::default(), Vec::new()),
                };
                let view = FormalDecisionView {
                    status: FormalStatusView {
                        reasonable_grounds: f.rg_outcome,
                        reasonable_grounds_on: f.rg_decided_on,
                        ..full_view(tx, &keys, &f, today)?
                    },
                    nation: f.nation,
                    child: f.basis == "safeguarding",
                    details,
                    exploitation_types: f.exploitation_types.clone(),
                    name: person.name,
                    other_names: person.aliases,
                    date_of_birth: person.date_of_birth,
                    age: person.age,
                    nationality: person.nationality,
                    languages: person.languages,
                    history: history
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
        let why = why.to_owned();
        self.decide(actor, id, move |tx, keys, actor, f, at| {
            let status = reasonable_grounds(f.status, outcome).map_err(refused)?;
            let why = reasons(&why).map_err(refused)?;
            let key = body_key(keys, tx, f)?;
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
            Ok(match outcome {
                Outcome::Positive => AuditAction::FormalReferralReasonableGroundsPositive,
                Outcome::Negative => AuditAction::FormalReferralReasonableGroundsNegativeProposed,
            })
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
        self.decide(actor, id, move |_, _, actor, f, _| {
            let same = f.rg_decided_by.as_ref() == Some(&actor.user_id);
            f.status = review(f.status, same, agree).map_err(refused)?;
            if agree {
                f.rg_reviewed_by = Some(actor.user_id.clone());
                Ok(AuditAction::FormalReferralReasonableGroundsNegativeConfirmed)
            } else {
                f.rg_outcome = None;
                f.rg_reasons_ct = None;
                f.rg_decided_on = None;
                f.rg_decided_by = None;
                Ok(AuditAction::FormalReferralReasonableGroundsNegativeNotConfirmed)
            }
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
        let why = why.to_owned();
        self.decide(actor, id, move |tx, keys, actor, f, at| {
            f.status =
                conclusive(f.status, outcome, at.date(), f.conclusive_earliest).map_err(refused)?;
            let why = reasons(&why).map_err(refused)?;
            let key = body_key(keys, tx, f)?;
            f.cg_outcome = Some(outcome);
            f.cg_reasons_ct =
                Some(key.seal_str(&ctx(SealedColumn::FormalCgReasons, f.id.as_str()), &why));
            f.cg_decided_on = Some(at.date());
            f.cg_decided_by = Some(actor.user_id.clone());
            Ok(match outcome {
                Outcome::Positive => AuditAction::FormalReferralConclusivePositive,
                Outcome::Negative => AuditAction::FormalReferralConclusiveNegative,
            })
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
        self.decide(actor, id, move |_, _, _, f, _| {
            f.status = close(f.status, closure).map_err(refused)?;
            Ok(match closure {
                Closure::Withdrawn => AuditAction::FormalReferralWithdrawn,
                Closure::LeftUk => AuditAction::FormalReferralLeftUk,
                Closure::Missing => AuditAction::FormalReferralMissing,
            })
        })
        .await
    }

    /// The path every decision takes: open the referral as one of the body's decision makers
    /// (anyone else: not found), let `change` apply the decision and name its audit action, store it
    /// with that audit entry, tell the referring organisation, and answer with the new status.
    async fn decide<F>(
        &self,
        actor: &Account,
        id: &str,
        change: F,
    ) -> Result<FormalStatusView, AppError>
    where
        F: FnOnce(
                &mut Tx<'_>,
                &Keys,
                &Account,
                &mut FormalReferral,
                PrimitiveDateTime,
            ) -> Result<AuditAction, AppError>
            + Send
            + 'static,
    {
        let id = parse_id(id)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let at = self.clock.now();
        self.store
            .run(move |tx| {
                let mut f = open_formal(tx, &actor, &id)?;
                let action = change(tx, &keys, &actor, &mut f, at)?;
                f.updated_at = at;
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
}
