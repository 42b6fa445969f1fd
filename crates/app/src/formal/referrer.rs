//! The referring organisation's side: sending a formal referral, its status on the case, answering the
//! body's requests and asking for reconsideration.

use super::*;

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
