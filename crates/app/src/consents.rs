//! Consent records on a case: what the person agreed may be shared, with which organisation, why, when and
//! how — or, for a child, the safeguarding basis and its reason. A consent can be withdrawn: nothing more
//! is shared under it, and every copy made under it that is not yet accepted is withdrawn too: an onward
//! referral not yet answered (the receiver can no longer accept it) and a formal referral the decision
//! body has not yet decided (it leaves the body's queue); what each carried is crypto-shredded. The copies
//! are found through the personal-data map ([`waymark_store::Tx::copies_of_case`]).
//!
//! Every use case goes through the case gate ([`open_case`]) and is audited with ids only.

use time::{Date, PrimitiveDateTime};
use waymark_domain::case::CaseAction;
use waymark_domain::case_record::CaseError;
use waymark_domain::consent::{
    ConsentBasis, ConsentError, ConsentMethod, ConsentScope, Destination, basis_for,
    check_recipient, given_on, parse_scopes, purpose,
};
use waymark_domain::erasure::CopyKind;
use waymark_domain::ids::ConsentId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::{CaseId, OrgId, OrganisationKind, Permission, ReferralId};
use waymark_store::{Account, AuditEvent, Consent, CopyRecord, SealedColumn, Tx};

use crate::audit::AuditAction;
use crate::audit::case_event;
use crate::formal::withdraw_undecided;
use crate::gate::{Opened, open_case, org_name, require_for_record};
use crate::sealing::{ctx, new_id, writable_key};
use crate::{App, AppError, Keys};

/// A consent as entered (API body or form), before the rules are applied.
#[derive(Debug, Clone)]
pub struct NewConsent {
    /// Scope ids as typed or ticked.
    pub scopes: Vec<String>,
    /// The organisation's id as typed or chosen.
    pub recipient: String,
    pub purpose: String,
    /// The day it was given; today when `None`.
    pub given_on: Option<Date>,
    pub method: ConsentMethod,
}

/// One consent, opened, as the case's people see it.
#[derive(Clone)]
pub struct ConsentView {
    pub id: ConsentId,
    pub scopes: Vec<ConsentScope>,
    pub recipient: OrgId,
    pub recipient_name: String,
    /// Why it is shared (for a child, the safeguarding reason); [`crate::ERASED`] after erasure.
    pub purpose: String,
    pub basis: ConsentBasis,
    pub method: ConsentMethod,
    pub given_on: Date,
    pub recorded_at: PrimitiveDateTime,
    pub withdrawn_at: Option<PrimitiveDateTime>,
}

impl ConsentView {
    pub fn active(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}

impl std::fmt::Debug for ConsentView {
    // The purpose is personal data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsentView")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// One onward referral as the sending case sees it: where it went, when, what it carried and the answer.
#[derive(Clone)]
pub struct OnwardView {
    pub referral_id: ReferralId,
    pub consent_id: ConsentId,
    pub to_organisation: String,
    pub sent_at: PrimitiveDateTime,
    pub scopes: Vec<ConsentScope>,
    pub status: ReferralStatus,
    pub decline_reason: Option<String>,
}

impl std::fmt::Debug for OnwardView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OnwardView")
            .field("referral_id", &self.referral_id)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// An organisation a consent may name: a support organisation in Waymark other than one's own.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub id: OrgId,
    pub name: String,
    /// A decision body: a consent may name it for a formal referral, but nothing is referred onward to it.
    pub decision_body: bool,
}

/// Everything about sharing on one case: its consents, its onward referrals, the basis it records, and
/// the organisations a consent may name.
#[derive(Debug, Clone)]
pub struct Sharing {
    pub case_id: CaseId,
    pub reference: String,
    /// `safeguarding` for a child's case (or one who may be a child), `consent` otherwise.
    pub basis: ConsentBasis,
    /// Newest first.
    pub consents: Vec<ConsentView>,
    /// Newest first.
    pub onward: Vec<OnwardView>,
    pub recipients: Vec<Recipient>,
}

pub(crate) fn bad(e: ConsentError) -> AppError {
    match e {
        ConsentError::Field { field, problem } => {
            AppError::Case(CaseError::Field { field, problem })
        }
        e @ ConsentError::PurposeTooLong { .. } => AppError::Invalid(e.to_string()),
    }
}

pub(crate) fn consent_event<'a>(
    actor: &'a Account,
    action: AuditAction,
    kind: &'a str,
    id: &'a str,
    opened: &'a Opened,
) -> AuditEvent<'a> {
    AuditEvent {
        actor: actor.user_id.as_str(),
        org_id: Some(&actor.org_id),
        action: action.as_str(),
        record_type: kind,
        record_id: id,
        reason: opened.reason(),
    }
}

/// The organisations a consent may name: every support organisation but one's own.
pub(crate) fn recipients(tx: &mut Tx<'_>, actor: &Account) -> Result<Vec<Recipient>, AppError> {
    let mut out: Vec<Recipient> = tx
        .organisations_of_kind(OrganisationKind::SupportOrganisation)?
        .into_iter()
        .filter(|o| o.id != actor.org_id)
        .map(|o| Recipient {
            id: o.id,
            name: o.name,
            decision_body: false,
        })
        .collect();
    // Decision bodies after them, for a consent to a formal referral (see `crate::formal`).
    out.extend(
        tx.organisations_of_kind(OrganisationKind::DecisionBody)?
            .into_iter()
            .map(|o| Recipient {
                id: o.id,
                name: o.name,
                decision_body: true,
            }),
    );
    Ok(out)
}

/// The destination as the onward rule sees it; an organisation that does not exist is not one that
/// receives referrals.
pub(crate) fn destination(tx: &mut Tx<'_>, to: &OrgId) -> Result<Destination, AppError> {
    let receives = tx
        .organisation(to)?
        .is_some_and(|o| o.kind.receives_referrals());
    Ok(Destination {
        org: to.clone(),
        receives_referrals: receives,
    })
}

fn view_consent(
    tx: &mut Tx<'_>,
    key: Option<&waymark_vault::DataKey>,
    c: Consent,
) -> Result<ConsentView, AppError> {
    let purpose = match key {
        Some(k) => k.open_string(
            &ctx(SealedColumn::ConsentPurpose, c.id.as_str()),
            &c.purpose_ct,
        )?,
        None => crate::ERASED.to_owned(),
    };
    Ok(ConsentView {
        recipient_name: org_name(tx, Some(&c.recipient))?.unwrap_or_default(),
        id: c.id,
        scopes: c.scopes.into_iter().collect(),
        recipient: c.recipient,
        purpose,
        basis: c.basis,
        method: c.method,
        given_on: c.given_on,
        recorded_at: c.recorded_at,
        withdrawn_at: c.withdrawn_at,
    })
}

/// Withdraws the onward referrals under a consent that are not yet answered: each becomes `withdrawn`, its
/// package is dropped and its person's key is forgotten, so what it carried can never be read again.
fn withdraw_pending(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    consent: &ConsentId,
    opened: &Opened,
) -> Result<usize, AppError> {
    let at = tx.now();
    let mut n = 0;
    // The copies come from the personal-data map, so a new kind of copy made under a consent is found
    // here without this function naming it.
    for copy in tx.copies_of_case(&opened.case)? {
        if copy.consent.as_ref() != Some(consent) {
            continue;
        }
        let withdrawn = match (&copy.kind, &copy.record) {
            (CopyKind::OnwardPending, CopyRecord::Referral(id, _)) => tx
                .withdraw_referral(id, at)?
                .then_some((AuditAction::ReferralWithdraw, "referral", id.as_str())),
            // A formal referral the decision body has not decided yet: withdrawn, so it leaves the
            // queue; the facts stay for the body's figures, the details go with the key below.
            (CopyKind::FormalUndecided, CopyRecord::Formal(id)) => {
                withdraw_undecided(tx, &copy.holder, id, at)?.then_some((
                    AuditAction::FormalReferralWithdrawn,
                    "formal_referral",
                    id.as_str(),
                ))
            }
            _ => None,
        };
        let Some((action, record_type, record_id)) = withdrawn else {
            continue;
        };
        if let CopyRecord::Referral(id, _) = &copy.record {
            tx.drop_onward_package(id)?;
        }
        tx.erase_person_key(&copy.person_id)?;
        tx.audit(
            &keys.audit,
            &consent_event(actor, action, record_type, record_id, opened),
        )?;
        n += 1;
    }
    Ok(n)
}

impl App {
    /// Records a consent on a case (for a child's case, the safeguarding basis with its reason). Returns its
    /// id. The purpose is sealed under the person's data key.
    pub async fn record_consent(
        &self,
        actor: &Account,
        case: &CaseId,
        new: NewConsent,
    ) -> Result<ConsentId, AppError> {
        // Refuse an outsider before judging the input, so bad input tells them nothing.
        require_for_record(actor, Permission::ReadCase)?;
        let scopes = parse_scopes(&new.scopes).map_err(bad)?;
        let purpose = purpose(&new.purpose).map_err(bad)?;
        let recipient = OrgId::parse(new.recipient.trim()).map_err(|_| {
            AppError::Case(CaseError::Field {
                field: "recipient",
                problem: "choose a support organisation in Waymark",
            })
        })?;
        self.on_case(
            actor,
            case,
            CaseAction::RecordConsent,
            move |tx, keys, actor, opened| {
                let t = tx.now();
                let given = given_on(new.given_on.unwrap_or(t.date()), t.date()).map_err(bad)?;
                let mut to = destination(tx, &recipient)?;
                // A consent may also name a decision body, for a formal referral (see `crate::formal`).
                to.receives_referrals |= tx
                    .organisation(&recipient)?
                    .is_some_and(|o| o.kind == OrganisationKind::DecisionBody);
                check_recipient(&actor.org_id, &to).map_err(|e| {
                    AppError::Case(CaseError::Field {
                        field: "recipient",
                        problem: match e {
                            waymark_domain::consent::OnwardRefusal::OwnOrganisation => {
                                "choose another organisation than your own"
                            }
                            _ => "choose a support organisation in Waymark",
                        },
                    })
                })?;
                let key = writable_key(keys, tx, &opened.case)?;
                let r = tx
                    .referral_of_case(&opened.case)?
                    .ok_or(AppError::NotFound)?;
                let id: ConsentId = new_id(ConsentId::parse)?;
                tx.insert_consent(&Consent {
                    purpose_ct: key.seal_str(
                        &ctx(SealedColumn::ConsentPurpose, id.as_str()),
                        purpose.expose(),
                    ),
                    id: id.clone(),
                    case_id: opened.case.id.clone(),
                    scopes,
                    recipient,
                    basis: basis_for(r.age),
                    method: new.method,
                    given_on: given,
                    recorded_at: t,
                    recorded_by: actor.user_id.clone(),
                    withdrawn_at: None,
                    withdrawn_by: None,
                })?;
                tx.audit(
                    &keys.audit,
                    &case_event(actor, AuditAction::CaseConsentRecord, &opened),
                )?;
                tx.audit(
                    &keys.audit,
                    &consent_event(
                        actor,
                        AuditAction::ConsentRecord,
                        "consent",
                        id.as_str(),
                        &opened,
                    ),
                )?;
                Ok(id)
            },
        )
        .await
    }

    /// The consents of a case, newest first. Audited (the purposes are personal data).
    pub async fn consents(
        &self,
        actor: &Account,
        case: &CaseId,
    ) -> Result<Vec<ConsentView>, AppError> {
        Ok(self.sharing(actor, case).await?.consents)
    }

    /// Everything about sharing on one case. Audited.
    pub async fn sharing(&self, actor: &Account, case: &CaseId) -> Result<Sharing, AppError> {
        self.on_case(actor, case, CaseAction::View, |tx, keys, actor, opened| {
            sharing_of(tx, keys, actor, &opened)
        })
        .await
    }

    /// Withdraws a consent of a case the actor may work on. Nothing more is shared under it; an onward
    /// referral made under it that is not yet answered is withdrawn. Returns how many were.
    pub async fn withdraw_consent(
        &self,
        actor: &Account,
        consent: &ConsentId,
    ) -> Result<usize, AppError> {
        require_for_record(actor, Permission::ReadCase)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        let consent = consent.clone();
        self.store
            .run(move |tx| {
                let c = tx
                    .consent_of_org(&actor.org_id, &consent)?
                    .ok_or(AppError::NotFound)?;
                let opened = open_case(tx, &actor, &c.case_id, CaseAction::WithdrawConsent)?;
                if !tx.withdraw_consent(&c.id, &actor.user_id, tx.now())? {
                    return Err(AppError::Conflict(
                        "this consent was already withdrawn".into(),
                    ));
                }
                tx.audit(
                    &keys.audit,
                    &case_event(&actor, AuditAction::CaseConsentWithdraw, &opened),
                )?;
                tx.audit(
                    &keys.audit,
                    &consent_event(
                        &actor,
                        AuditAction::ConsentWithdraw,
                        "consent",
                        c.id.as_str(),
                        &opened,
                    ),
                )?;
                withdraw_pending(tx, &keys, &actor, &c.id, &opened)
            })
            .await
    }
}

/// Everything about sharing on a case the actor opened (the consents, the onward referrals and their
/// answers, who could receive one), for the sharing page and the subject-access export. Audited.
pub(crate) fn sharing_of(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    opened: &Opened,
) -> Result<Sharing, AppError> {
    tx.audit(
        &keys.audit,
        &consent_event(
            actor,
            AuditAction::CaseConsentsRead,
            "case",
            opened.case.id.as_str(),
            opened,
        ),
    )?;
    let key = keys.data_key(tx, &opened.case.person_id)?;
    let r = tx
        .referral_of_case(&opened.case)?
        .ok_or(AppError::NotFound)?;
    let mut consents = Vec::new();
    for c in tx.consents_of_case(&opened.case.id)? {
        consents.push(view_consent(tx, key.as_ref(), c)?);
    }
    let mut onward = Vec::new();
    for o in tx.onward_of_case(&opened.case.id)? {
        let Some(sent) = tx.referral_from(&actor.org_id, &o.referral_id)? else {
            continue;
        };
        let decline_reason = match (&sent.decline_reason_ct, keys.data_key(tx, &sent.person_id)?) {
            (Some(ct), Some(k)) => {
                tx.audit(
                    &keys.audit,
                    &consent_event(
                        actor,
                        AuditAction::ReferralReadAnswer,
                        "referral",
                        sent.id.as_str(),
                        opened,
                    ),
                )?;
                Some(k.open_string(
                    &ctx(SealedColumn::ReferralDeclineReason, sent.id.as_str()),
                    ct,
                )?)
            }
            _ => None,
        };
        onward.push(OnwardView {
            to_organisation: org_name(tx, Some(&sent.to_org_id))?.unwrap_or_default(),
            referral_id: o.referral_id,
            consent_id: o.consent_id,
            sent_at: o.created_at,
            scopes: o.scopes.into_iter().collect(),
            status: sent.status,
            decline_reason,
        });
    }
    Ok(Sharing {
        case_id: opened.case.id.clone(),
        reference: opened.case.reference.clone(),
        basis: basis_for(r.age),
        consents,
        onward,
        recipients: recipients(tx, actor)?,
    })
}
