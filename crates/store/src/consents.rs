//! Consent records and onward referrals. A consent belongs to a case, and every query reaches it through
//! the case's organisation. Personal values (the purpose, the package) arrive sealed and leave sealed.

use std::collections::BTreeSet;

use diesel::prelude::*;
use time::{Date, PrimitiveDateTime};
use waymark_domain::consent::{ConsentBasis, ConsentMethod, ConsentScope, join_scopes};
use waymark_domain::ids::ConsentId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::{CaseId, OrgId, ReferralId, UserId};

use crate::repo::{corrupt, id};
use crate::schema::{case_consents, cases, onward_referrals, referrals};
use crate::{StoreError, Tx};

/// A consent (or a child's safeguarding basis) as stored.
#[derive(Debug, Clone)]
pub struct Consent {
    pub id: ConsentId,
    pub case_id: CaseId,
    pub scopes: BTreeSet<ConsentScope>,
    pub recipient: OrgId,
    pub purpose_ct: Vec<u8>,
    pub basis: ConsentBasis,
    pub method: ConsentMethod,
    pub given_on: Date,
    pub recorded_at: PrimitiveDateTime,
    pub recorded_by: UserId,
    pub withdrawn_at: Option<PrimitiveDateTime>,
    pub withdrawn_by: Option<UserId>,
}

/// An onward referral as stored: the referral row the receiver got, the case it came from, the consent
/// it went under, the scopes it carried, and its package (sealed; `None` once opened into a case or
/// once the consent was withdrawn).
#[derive(Debug, Clone)]
pub struct OnwardReferral {
    pub referral_id: ReferralId,
    pub case_id: CaseId,
    pub consent_id: ConsentId,
    pub scopes: BTreeSet<ConsentScope>,
    pub package_ct: Option<Vec<u8>>,
    pub created_at: PrimitiveDateTime,
    pub created_by: UserId,
}

type ConsentRow = (
    String,
    String,
    String,
    String,
    Vec<u8>,
    String,
    String,
    Date,
    PrimitiveDateTime,
    String,
    Option<PrimitiveDateTime>,
    Option<String>,
);

macro_rules! consent_columns {
    () => {
        (
            case_consents::id,
            case_consents::case_id,
            case_consents::scopes,
            case_consents::recipient_org_id,
            case_consents::purpose_ct,
            case_consents::basis,
            case_consents::method,
            case_consents::given_on,
            case_consents::recorded_at,
            case_consents::recorded_by,
            case_consents::withdrawn_at,
            case_consents::withdrawn_by,
        )
    };
}

type OnwardRow = (
    String,
    String,
    String,
    String,
    Option<Vec<u8>>,
    PrimitiveDateTime,
    String,
);

macro_rules! onward_columns {
    () => {
        (
            onward_referrals::referral_id,
            onward_referrals::case_id,
            onward_referrals::consent_id,
            onward_referrals::scopes,
            onward_referrals::package_ct,
            onward_referrals::created_at,
            onward_referrals::created_by,
        )
    };
}

fn scopes(v: &str) -> Result<BTreeSet<ConsentScope>, StoreError> {
    v.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| ConsentScope::parse(s).map_err(corrupt("consent scope")))
        .collect()
}

fn consent(r: ConsentRow) -> Result<Consent, StoreError> {
    let (cid, case_id, sc, recipient, purpose_ct, basis, method, given_on, at, by, w_at, w_by) = r;
    Ok(Consent {
        id: id(ConsentId::parse, &cid)?,
        case_id: id(CaseId::parse, &case_id)?,
        scopes: scopes(&sc)?,
        recipient: id(OrgId::parse, &recipient)?,
        purpose_ct,
        basis: ConsentBasis::parse(&basis).map_err(corrupt("consent basis"))?,
        method: ConsentMethod::parse(&method).map_err(corrupt("consent method"))?,
        given_on,
        recorded_at: at,
        recorded_by: id(UserId::parse, &by)?,
        withdrawn_at: w_at,
        withdrawn_by: w_by.as_deref().map(|u| id(UserId::parse, u)).transpose()?,
    })
}

fn onward(r: OnwardRow) -> Result<OnwardReferral, StoreError> {
    let (rid, case_id, consent_id, sc, package_ct, created_at, by) = r;
    Ok(OnwardReferral {
        referral_id: id(ReferralId::parse, &rid)?,
        case_id: id(CaseId::parse, &case_id)?,
        consent_id: id(ConsentId::parse, &consent_id)?,
        scopes: scopes(&sc)?,
        package_ct,
        created_at,
        created_by: id(UserId::parse, &by)?,
    })
}

impl Tx<'_> {
    pub fn insert_consent(&mut self, c: &Consent) -> Result<(), StoreError> {
        diesel::insert_into(case_consents::table)
            .values((
                case_consents::id.eq(c.id.as_str()),
                case_consents::case_id.eq(c.case_id.as_str()),
                case_consents::scopes.eq(join_scopes(&c.scopes)),
                case_consents::recipient_org_id.eq(c.recipient.as_str()),
                case_consents::purpose_ct.eq(&c.purpose_ct),
                case_consents::basis.eq(c.basis.as_str()),
                case_consents::method.eq(c.method.as_str()),
                case_consents::given_on.eq(c.given_on),
                case_consents::recorded_at.eq(c.recorded_at),
                case_consents::recorded_by.eq(c.recorded_by.as_str()),
                case_consents::withdrawn_at.eq(c.withdrawn_at),
                case_consents::withdrawn_by.eq(c.withdrawn_by.as_ref().map(UserId::as_str)),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// The consents of a case, newest first.
    pub fn consents_of_case(&mut self, case_id: &CaseId) -> Result<Vec<Consent>, StoreError> {
        case_consents::table
            .filter(case_consents::case_id.eq(case_id.as_str()))
            .order((case_consents::recorded_at.desc(), case_consents::id.desc()))
            .select(consent_columns!())
            .load::<ConsentRow>(self.conn)?
            .into_iter()
            .map(consent)
            .collect()
    }

    /// One consent of a case of `org`; `None` for any other organisation's.
    pub fn consent_of_org(
        &mut self,
        org: &OrgId,
        consent_id: &ConsentId,
    ) -> Result<Option<Consent>, StoreError> {
        case_consents::table
            .inner_join(cases::table.on(cases::id.eq(case_consents::case_id)))
            .filter(case_consents::id.eq(consent_id.as_str()))
            .filter(cases::org_id.eq(org.as_str()))
            .select(consent_columns!())
            .first::<ConsentRow>(self.conn)
            .optional()?
            .map(consent)
            .transpose()
    }

    /// Marks a consent withdrawn; only one not yet withdrawn changes. Returns whether it did.
    pub fn withdraw_consent(
        &mut self,
        consent_id: &ConsentId,
        by: &UserId,
        at: PrimitiveDateTime,
    ) -> Result<bool, StoreError> {
        let changed = diesel::update(
            case_consents::table
                .filter(case_consents::id.eq(consent_id.as_str()))
                .filter(case_consents::withdrawn_at.is_null()),
        )
        .set((
            case_consents::withdrawn_at.eq(Some(at)),
            case_consents::withdrawn_by.eq(Some(by.as_str())),
        ))
        .execute(self.conn)?;
        Ok(changed == 1)
    }

    pub fn insert_onward_referral(&mut self, o: &OnwardReferral) -> Result<(), StoreError> {
        diesel::insert_into(onward_referrals::table)
            .values((
                onward_referrals::referral_id.eq(o.referral_id.as_str()),
                onward_referrals::case_id.eq(o.case_id.as_str()),
                onward_referrals::consent_id.eq(o.consent_id.as_str()),
                onward_referrals::scopes.eq(join_scopes(&o.scopes)),
                onward_referrals::package_ct.eq(o.package_ct.as_deref()),
                onward_referrals::created_at.eq(o.created_at),
                onward_referrals::created_by.eq(o.created_by.as_str()),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// The onward referrals sent from a case, newest first.
    pub fn onward_of_case(&mut self, case_id: &CaseId) -> Result<Vec<OnwardReferral>, StoreError> {
        onward_referrals::table
            .filter(onward_referrals::case_id.eq(case_id.as_str()))
            .order((
                onward_referrals::created_at.desc(),
                onward_referrals::referral_id.desc(),
            ))
            .select(onward_columns!())
            .load::<OnwardRow>(self.conn)?
            .into_iter()
            .map(onward)
            .collect()
    }

    /// The onward referral behind a referral row, if it is one.
    pub fn onward_for_referral(
        &mut self,
        referral_id: &ReferralId,
    ) -> Result<Option<OnwardReferral>, StoreError> {
        onward_referrals::table
            .filter(onward_referrals::referral_id.eq(referral_id.as_str()))
            .select(onward_columns!())
            .first::<OnwardRow>(self.conn)
            .optional()?
            .map(onward)
            .transpose()
    }

    /// The onward referrals made under one consent.
    pub fn onward_under_consent(
        &mut self,
        consent_id: &ConsentId,
    ) -> Result<Vec<OnwardReferral>, StoreError> {
        onward_referrals::table
            .filter(onward_referrals::consent_id.eq(consent_id.as_str()))
            .select(onward_columns!())
            .load::<OnwardRow>(self.conn)?
            .into_iter()
            .map(onward)
            .collect()
    }

    /// Forgets an onward referral's package (after it was opened into a case, or on withdrawal).
    pub fn drop_onward_package(&mut self, referral_id: &ReferralId) -> Result<(), StoreError> {
        diesel::update(
            onward_referrals::table.filter(onward_referrals::referral_id.eq(referral_id.as_str())),
        )
        .set(onward_referrals::package_ct.eq(None::<Vec<u8>>))
        .execute(self.conn)?;
        Ok(())
    }

    /// Marks a referral withdrawn; only one still `sent` changes. Returns whether it did.
    pub fn withdraw_referral(
        &mut self,
        referral_id: &ReferralId,
        at: PrimitiveDateTime,
    ) -> Result<bool, StoreError> {
        let changed = diesel::update(
            referrals::table
                .filter(referrals::id.eq(referral_id.as_str()))
                .filter(referrals::status.eq(ReferralStatus::Sent.as_str())),
        )
        .set((
            referrals::status.eq(ReferralStatus::Withdrawn.as_str()),
            referrals::answered_at.eq(Some(at)),
        ))
        .execute(self.conn)?;
        Ok(changed == 1)
    }
}
