//! Referrals and cases: a helper refers a consenting person to a support organisation, which opens the
//! referral (an audited read), accepts it — opening a case — or declines it with a reason the sender sees.

use time::PrimitiveDateTime;
use waymark_domain::area::Area;
use waymark_domain::case::{CaseStatus, format_reference, reference_prefix};
use waymark_domain::case_record::{Birth, IndexKind, PersonDetails, PersonDraft};
use waymark_domain::consent::ConsentScope;
use waymark_domain::ids::PersonId;
use waymark_domain::organisation::{Candidate, Suggestion, suggest};
use waymark_domain::referral::{Basis, ReferralDraft, ReferralStatus, decline_reason};
use waymark_domain::self_referral::{Urgency, must_tell_childrens_services};
use waymark_domain::{
    AgeBand, CaseId, FirstContact, Indicator, Nation, Need, OrgId, OrganisationKind, Permission,
    ReferralId,
};
use waymark_store::{
    Account, Case, ErasureNotice, Organisation, PersonKey, Referral, SealedColumn, Tx,
};
use waymark_vault::DataKey;

use crate::audit::AuditAction;
use crate::audit::event;
use crate::gate::{
    CaseMatch, check_referral_access, org_name, require, require_for_record, visible_matches,
};
use crate::sealing::{
    ERASED, NOT_GIVEN, WITHDRAWN, ctx, index_entries, index_key, new_id, seal_person,
};
use crate::{App, AppError, Keys};

/// A referral as the receiving organisation's inbox lists it: no personal field.
#[derive(Debug, Clone)]
pub struct InboxItem {
    pub id: ReferralId,
    pub received_at: PrimitiveDateTime,
    pub status: ReferralStatus,
    /// `None` for a person's own request.
    pub from_organisation: Option<String>,
    pub age: AgeBand,
    pub nation: Nation,
    /// The local authority area, if recorded.
    pub area: Option<Area>,
    pub needs: Vec<Need>,
    pub child_safeguarding: bool,
    /// The person asked for help themselves (and can be answered through their codename channel).
    pub self_referral: bool,
    /// How soon a person who referred themselves needs help.
    pub urgency: Option<Urgency>,
    /// Child safeguarding: the receiving organisation must tell children's services (nobody has yet).
    pub must_tell_childrens_services: bool,
}

/// A referral as its sender sees it afterwards: where it went and the answer.
#[derive(Debug, Clone)]
pub struct SentItem {
    pub id: ReferralId,
    pub sent_at: PrimitiveDateTime,
    pub to_organisation: String,
    pub status: ReferralStatus,
    pub decline_reason: Option<String>,
}

/// One referral opened by the receiving organisation, with the person's details.
#[derive(Debug, Clone)]
pub struct ReferralView {
    pub id: ReferralId,
    pub received_at: PrimitiveDateTime,
    pub status: ReferralStatus,
    pub from_organisation: Option<String>,
    pub name: String,
    pub contact: String,
    pub language: String,
    pub age: AgeBand,
    pub nation: Nation,
    /// The local authority area, if recorded.
    pub area: Option<Area>,
    pub needs: Vec<Need>,
    pub indicators: Vec<Indicator>,
    pub first_contact: FirstContact,
    /// For a child: the children's services that were notified. `None` for a consenting adult.
    pub children_services: Option<String>,
    pub consent_given: bool,
    pub decline_reason: Option<String>,
    pub case_id: Option<CaseId>,
    /// The person asked for help themselves; `name` and `contact` read [`NOT_GIVEN`] when left empty.
    pub self_referral: bool,
    pub urgency: Option<Urgency>,
    /// The message a person who referred themselves sent with their request.
    pub message: Option<String>,
    /// Child safeguarding: the receiving organisation must tell children's services (nobody has yet).
    pub must_tell_childrens_services: bool,
    /// The person had their data erased: every personal field reads [`ERASED`] and can never be read
    /// again, by anyone; the coarse facts (age band, nation, area, needs, dates) remain for statistics.
    pub erased: bool,
    /// What the receiving organisation was told about an erasure of this record or of the record its
    /// copy came from (no personal detail): who erased it, and whether the organisation keeps its copy.
    pub erasure: Option<ErasureNotice>,
    /// Cases of the organisation whose person has the referral's name: the person may already be
    /// supported. Filled when the referral is opened; empty elsewhere.
    pub possible_matches: Vec<CaseMatch>,
    /// An onward referral from another organisation in Waymark: the scopes its consent covered (only
    /// those were shared). `None` for any other referral.
    pub shared_under_consent: Option<Vec<ConsentScope>>,
}

/// Opens a referral's sealed fields. After erasure (no data key) every personal field reads [`ERASED`].
pub(crate) fn unseal(
    keys: &Keys,
    tx: &mut Tx<'_>,
    r: &Referral,
    from_organisation: Option<String>,
) -> Result<ReferralView, AppError> {
    let key = keys.data_key(tx, &r.person_id)?;
    let id = r.id.as_str();
    let open = |col: SealedColumn, ct: &[u8]| -> Result<String, AppError> {
        match &key {
            Some(k) => Ok(k.open_string(&ctx(col, id), ct)?),
            None if r.status == ReferralStatus::Withdrawn => Ok(WITHDRAWN.to_owned()),
            None => Ok(ERASED.to_owned()),
        }
    };
    // A self-referral seals the empty string for a name or contact the person left out.
    let given = |text: String| {
        if text.is_empty() {
            NOT_GIVEN.to_owned()
        } else {
            text
        }
    };
    let case_id = match r.to_org_id.clone() {
        org if r.status == ReferralStatus::Accepted => {
            tx.case_for_referral(&org, &r.id)?.map(|c| c.id)
        }
        _ => None,
    };
    Ok(ReferralView {
        id: r.id.clone(),
        received_at: r.created_at,
        status: r.status,
        from_organisation,
        name: given(open(SealedColumn::ReferralName, &r.name_ct)?),
        contact: given(open(SealedColumn::ReferralContact, &r.contact_ct)?),
        language: open(SealedColumn::ReferralLanguage, &r.language_ct)?,
        age: r.age,
        nation: r.nation,
        area: r.area.as_deref().and_then(Area::from_code),
        needs: r.needs.clone(),
        indicators: r.indicators.clone(),
        first_contact: r.first_contact,
        children_services: r
            .children_services_ct
            .as_deref()
            .map(|ct| open(SealedColumn::ReferralChildrenServices, ct))
            .transpose()?,
        consent_given: r.basis == "consent",
        decline_reason: r
            .decline_reason_ct
            .as_deref()
            .map(|ct| open(SealedColumn::ReferralDeclineReason, ct))
            .transpose()?,
        case_id,
        self_referral: r.is_self_referral(),
        urgency: r.urgency,
        message: r
            .message_ct
            .as_deref()
            .map(|ct| open(SealedColumn::ReferralMessage, ct))
            .transpose()?,
        must_tell_childrens_services: must_tell_childrens_services(
            &r.basis,
            r.children_services_ct.is_some(),
        ),
        erased: key.is_none(),
        erasure: tx.erasure_notice(&r.to_org_id, "referral", r.id.as_str())?,
        possible_matches: Vec::new(),
        shared_under_consent: tx
            .onward_for_referral(&r.id)?
            .map(|o| o.scopes.into_iter().collect()),
    })
}

impl App {
    /// Support organisations ordered for a referral (nation, then area, then needs met).
    pub async fn suggest_support(
        &self,
        nation: Nation,
        area: Option<Area>,
        needs: Vec<Need>,
    ) -> Result<Vec<Suggestion<Organisation>>, AppError> {
        self.store
            .run(move |tx| {
                let orgs = tx.organisations_of_kind(OrganisationKind::SupportOrganisation)?;
                let candidates: Vec<Candidate<Organisation>> = orgs
                    .into_iter()
                    .map(|o| Candidate {
                        nation: o.nation,
                        area: o.area.as_deref().and_then(Area::from_code),
                        needs: o.needs.clone(),
                        org: o,
                    })
                    .collect();
                Ok(suggest(&candidates, nation, area, &needs))
            })
            .await
    }

    /// Sends a referral. The person's details are sealed under a data key of their own.
    pub async fn submit_referral(
        &self,
        actor: &Account,
        to: &OrgId,
        draft: ReferralDraft,
    ) -> Result<ReferralId, AppError> {
        require(actor, Permission::SubmitReferral)?;
        let valid = draft.validate()?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        let to = to.clone();
        let today = self.clock.now().date();
        self.store
            .run(move |tx| {
                let recipient = tx
                    .organisation(&to)?
                    .filter(|o| o.kind.receives_referrals())
                    .ok_or_else(|| {
                        AppError::Invalid("choose a support organisation to refer to".into())
                    })?;
                if tx.requires_training(&recipient.id)? == Some(true) {
                    let trained = tx.certificates_of_user(&actor.user_id)?.iter().any(|c| {
                        waymark_domain::certificate::CertificateState::held_on(
                            today,
                            c.issued_on,
                            c.expires_on,
                            c.revocation.as_ref().map(|r| r.at.date()),
                        )
                    });
                    if !trained {
                        return Err(AppError::Invalid(format!(
                            "{} accepts referrals only from helpers with a valid Waymark training \
                             certificate: take the course for your nation under \"Training\" (it takes \
                             about an hour), then send this referral again",
                            recipient.name
                        )));
                    }
                }
                let id: ReferralId = new_id(ReferralId::parse)?;
                let person: PersonId = new_id(PersonId::parse)?;
                let data_key = DataKey::generate();
                tx.insert_person(
                    &PersonKey {
                        id: person.clone(),
                        wrapped_key: Some(keys.master.wrap(&data_key, person.as_str())),
                        master_key_id: keys.master.id(),
                    },
                    tx.now(),
                )?;
                let rid = id.as_str();
                let seal = |col: SealedColumn, text: &str| data_key.seal_str(&ctx(col, rid), text);
                let (basis, children_services_ct, policy_digest) = match &valid.basis {
                    Basis::Consent => (
                        "consent",
                        None,
                        Some(waymark_vault::secret_digest(&recipient.data_sharing_policy)),
                    ),
                    Basis::ChildSafeguarding { children_services } => (
                        "child_safeguarding",
                        Some(seal(SealedColumn::ReferralChildrenServices, children_services.expose())),
                        None,
                    ),
                };
                let referral = Referral {
                    id: id.clone(),
                    person_id: person,
                    to_org_id: recipient.id.clone(),
                    from_org_id: Some(actor.org_id.clone()),
                    from_user_id: Some(actor.user_id.clone()),
                    status: ReferralStatus::Sent,
                    age: valid.age,
                    nation: valid.nation,
                    area: valid.area.map(|a| a.code().to_owned()),
                    needs: valid.needs.iter().copied().collect(),
                    indicators: valid.indicators.iter().copied().collect(),
                    first_contact: valid.first_contact,
                    basis: basis.into(),
                    policy_digest,
                    name_ct: seal(SealedColumn::ReferralName, valid.name.expose()),
                    contact_ct: seal(SealedColumn::ReferralContact, valid.contact.expose()),
                    language_ct: seal(SealedColumn::ReferralLanguage, valid.language.expose()),
                    children_services_ct,
                    decline_reason_ct: None,
                    created_at: tx.now(),
                    answered_at: None,
                    answered_by: None,
                    urgency: None,
                    message_ct: None,
                };
                tx.insert_referral(&referral)?;
                tx.audit(
                    &keys.audit,
                    &event(&actor, AuditAction::ReferralCreate, "referral", id.as_str()),
                )?;
                tracing::info!(referral = %id, "referral sent");
                Ok(id)
            })
            .await
    }

    /// The referrals sent to the actor's organisation, newest first. Lists no personal field.
    pub async fn inbox(&self, actor: &Account) -> Result<Vec<InboxItem>, AppError> {
        require(actor, Permission::ViewReferralInbox)?;
        let org = actor.org_id.clone();
        self.store
            .run(move |tx| {
                let mut items = Vec::new();
                for r in tx.inbox(&org)? {
                    items.push(InboxItem {
                        from_organisation: org_name(tx, r.from_org_id.as_ref())?,
                        self_referral: r.is_self_referral(),
                        urgency: r.urgency,
                        must_tell_childrens_services: must_tell_childrens_services(
                            &r.basis,
                            r.children_services_ct.is_some(),
                        ),
                        id: r.id,
                        received_at: r.created_at,
                        status: r.status,
                        age: r.age,
                        nation: r.nation,
                        area: r.area.as_deref().and_then(Area::from_code),
                        needs: r.needs,
                        child_safeguarding: r.basis == "child_safeguarding",
                    });
                }
                Ok(items)
            })
            .await
    }

    /// The referrals the actor's organisation sent, with each answer (a decline reason is an audited read).
    pub async fn sent_referrals(&self, actor: &Account) -> Result<Vec<SentItem>, AppError> {
        require(actor, Permission::ViewSentReferrals)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        self.store
            .run(move |tx| {
                let mut items = Vec::new();
                for r in tx.sent_by(&actor.org_id)? {
                    let decline_reason = match &r.decline_reason_ct {
                        Some(ct) => match keys.data_key(tx, &r.person_id)? {
                            Some(key) => {
                                tx.audit(
                                    &keys.audit,
                                    &event(
                                        &actor,
                                        AuditAction::ReferralReadAnswer,
                                        "referral",
                                        r.id.as_str(),
                                    ),
                                )?;
                                Some(key.open_string(
                                    &ctx(SealedColumn::ReferralDeclineReason, r.id.as_str()),
                                    ct,
                                )?)
                            }
                            None => None,
                        },
                        None => None,
                    };
                    items.push(SentItem {
                        to_organisation: org_name(tx, Some(&r.to_org_id))?.unwrap_or_default(),
                        id: r.id,
                        sent_at: r.created_at,
                        status: r.status,
                        decline_reason,
                    });
                }
                Ok(items)
            })
            .await
    }

    /// Runs `work` in one transaction on a referral sent to the actor's organisation, once the actor's
    /// role is allowed `permission`. Any other organisation's referral is `NotFound`.
    async fn on_received<R, F>(
        &self,
        actor: &Account,
        permission: Permission,
        id: &ReferralId,
        work: F,
    ) -> Result<R, AppError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Tx<'_>, &Keys, &Account, Referral) -> Result<R, AppError> + Send + 'static,
    {
        require_for_record(actor, permission)?;
        let keys = std::sync::Arc::clone(&self.keys);
        let actor = actor.clone();
        let id = id.clone();
        self.store
            .run(move |tx| {
                let r = tx
                    .referral_to(&actor.org_id, &id)?
                    .ok_or(AppError::NotFound)?;
                work(tx, &keys, &actor, r)
            })
            .await
    }

    /// Opens one referral sent to the actor's organisation, with the person's details. Audited.
    pub async fn open_referral(
        &self,
        actor: &Account,
        id: &ReferralId,
    ) -> Result<ReferralView, AppError> {
        self.on_received(actor, Permission::OpenReferral, id, |tx, keys, actor, r| {
            check_referral_access(tx, actor, &r)?;
            let from = org_name(tx, r.from_org_id.as_ref())?;
            tx.audit(
                &keys.audit,
                &event(actor, AuditAction::ReferralRead, "referral", r.id.as_str()),
            )?;
            let mut view = unseal(keys, tx, &r, from)?;
            view.possible_matches = possible_matches(tx, keys, actor, &view)?;
            Ok(view)
        })
        .await
    }

    /// Accepts a referral sent to the actor's organisation and opens a case for the person.
    pub async fn accept_referral(
        &self,
        actor: &Account,
        id: &ReferralId,
    ) -> Result<CaseId, AppError> {
        self.on_received(
            actor,
            Permission::AcceptReferral,
            id,
            |tx, keys, actor, r| {
                let status = r
                    .status
                    .accept()
                    .map_err(|e| AppError::Conflict(e.to_string()))?;
                let t = tx.now();
                if !tx.answer_referral(&actor.org_id, &r.id, status, &actor.user_id, t, None)? {
                    return Err(AppError::Conflict(
                        "this referral was already answered".into(),
                    ));
                }
                let case = open_case_from_referral(tx, keys, actor, &r, t)?;
                tx.audit(
                    &keys.audit,
                    &event(
                        actor,
                        AuditAction::ReferralAccept,
                        "referral",
                        r.id.as_str(),
                    ),
                )?;
                tx.audit(
                    &keys.audit,
                    &event(actor, AuditAction::CaseCreate, "case", case.id.as_str()),
                )?;
                Ok(case.id)
            },
        )
        .await
    }

    /// Declines a referral with a reason the sender will see.
    pub async fn decline_referral(
        &self,
        actor: &Account,
        id: &ReferralId,
        reason: &str,
    ) -> Result<(), AppError> {
        // Refuse an outsider before judging the reason, so a bad reason tells them nothing.
        require_for_record(actor, Permission::DeclineReferral)?;
        let reason = decline_reason(reason)?;
        self.on_received(
            actor,
            Permission::DeclineReferral,
            id,
            move |tx, keys, actor, r| {
                let status = r
                    .status
                    .decline()
                    .map_err(|e| AppError::Conflict(e.to_string()))?;
                let key = keys.data_key(tx, &r.person_id)?.ok_or_else(|| {
                    AppError::Conflict(
                        "the person had their data erased, so a reason can no longer be recorded"
                            .into(),
                    )
                })?;
                let ct = key.seal_str(
                    &ctx(SealedColumn::ReferralDeclineReason, r.id.as_str()),
                    reason.expose(),
                );
                if !tx.answer_referral(
                    &actor.org_id,
                    &r.id,
                    status,
                    &actor.user_id,
                    tx.now(),
                    Some(&ct),
                )? {
                    return Err(AppError::Conflict(
                        "this referral was already answered".into(),
                    ));
                }
                tx.audit(
                    &keys.audit,
                    &event(
                        actor,
                        AuditAction::ReferralDecline,
                        "referral",
                        r.id.as_str(),
                    ),
                )?;
                Ok(())
            },
        )
        .await
    }
}

/// Opens the case a referral was accepted into: its reference, the accepting caseworker assigned, and the
/// referral's name, contact and language copied into the case's person document (sealed afresh with the
/// case's context) and indexed for search.
pub(crate) fn open_case_from_referral(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    r: &Referral,
    at: PrimitiveDateTime,
) -> Result<Case, AppError> {
    let org = tx.organisation(&actor.org_id)?.ok_or(AppError::NotFound)?;
    let number = tx.next_case_number(&actor.org_id, at.year())?;
    let case = Case {
        id: new_id(CaseId::parse)?,
        org_id: actor.org_id.clone(),
        referral_id: r.id.clone(),
        person_id: r.person_id.clone(),
        status: CaseStatus::Open.as_str().into(),
        opened_at: at,
        opened_by: actor.user_id.clone(),
        reference: format_reference(&reference_prefix(&org.name), at.year(), number),
        // The caseworker who accepts the referral works the case until a manager reassigns it.
        assigned_to: Some(actor.user_id.clone()),
    };
    tx.insert_case(&case)?;
    if let Some(key) = keys.data_key(tx, &r.person_id)? {
        let rid = r.id.as_str();
        let open = |column: SealedColumn, ct: &[u8]| key.open_string(&ctx(column, rid), ct);
        let name = open(SealedColumn::ReferralName, &r.name_ct)?;
        let contact = open(SealedColumn::ReferralContact, &r.contact_ct)?;
        let language = open(SealedColumn::ReferralLanguage, &r.language_ct)?;
        let draft = PersonDraft {
            name,
            safe_contact: contact,
            languages: language,
            ..PersonDraft::default()
        };
        // The referral's fields were checked with the same limits; a value that no longer fits is
        // left for the caseworker to enter rather than failing the acceptance.
        let details = draft.validate(at.date()).unwrap_or(PersonDetails {
            name: None,
            aliases: vec![],
            birth: Birth::Unknown,
            nationality: None,
            languages: None,
            safe_contact: None,
            never_write_to: None,
        });
        let sealed = seal_person(&key, &case.id, &details)?;
        tx.set_case_person(&case.id, &sealed, at, &actor.user_id)?;
        tx.replace_case_index(&case, &index_entries(keys, &case.org_id, &details))?;
    }
    // An onward referral brings the consented parts of the sending case with it.
    crate::onward::open_package(tx, keys, actor, r, &case, at)?;
    Ok(case)
}

/// The cases of the actor's organisation whose indexed names include the referral's name: a warning that
/// the person may already be supported (shown on the opened referral). The referral's own case is left out.
pub(crate) fn possible_matches(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    referral: &ReferralView,
) -> Result<Vec<CaseMatch>, AppError> {
    if referral.erased || referral.name == NOT_GIVEN || referral.name.trim().is_empty() {
        return Ok(Vec::new());
    }
    let digest = index_key(keys, &actor.org_id, IndexKind::Name).index(&referral.name);
    let found = tx.cases_by_index(&actor.org_id, IndexKind::Name, &digest)?;
    visible_matches(tx, actor, found, referral.case_id.as_ref())
}
