//! Referrals and the cases they open: who sent what to whom, and the case an accepted referral became.

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::ids::PersonId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::self_referral::Urgency;
use waymark_domain::{AgeBand, CaseId, FirstContact, Nation, OrgId, ReferralId, UserId};

use crate::repo::{convert, corrupt, id, ids_from, is_unique_violation, join_ids};
use crate::schema::{cases, referrals};
use crate::{Case, Referral, StoreError, Tx};

#[derive(Queryable)]
pub(crate) struct ReferralRow {
    id: String,
    person_id: String,
    to_org_id: String,
    from_org_id: Option<String>,
    from_user_id: Option<String>,
    status: String,
    age_band: String,
    nation: String,
    area: Option<String>,
    needs: String,
    indicators: String,
    first_contact: String,
    basis: String,
    policy_digest: Option<String>,
    name_ct: Vec<u8>,
    contact_ct: Vec<u8>,
    language_ct: Vec<u8>,
    children_services_ct: Option<Vec<u8>>,
    decline_reason_ct: Option<Vec<u8>>,
    created_at: PrimitiveDateTime,
    answered_at: Option<PrimitiveDateTime>,
    answered_by: Option<String>,
    urgency: Option<String>,
    message_ct: Option<Vec<u8>>,
}

impl TryFrom<ReferralRow> for Referral {
    type Error = StoreError;
    fn try_from(r: ReferralRow) -> Result<Self, StoreError> {
        Ok(Referral {
            id: id(ReferralId::parse, &r.id)?,
            person_id: id(PersonId::parse, &r.person_id)?,
            to_org_id: id(OrgId::parse, &r.to_org_id)?,
            from_org_id: r
                .from_org_id
                .as_deref()
                .map(|v| id(OrgId::parse, v))
                .transpose()?,
            from_user_id: r
                .from_user_id
                .as_deref()
                .map(|v| id(UserId::parse, v))
                .transpose()?,
            status: ReferralStatus::parse(&r.status).map_err(corrupt("status"))?,
            age: AgeBand::parse(&r.age_band).map_err(corrupt("age"))?,
            nation: Nation::parse(&r.nation).map_err(corrupt("nation"))?,
            area: r.area,
            needs: ids_from(&r.needs)?,
            indicators: ids_from(&r.indicators)?,
            first_contact: FirstContact::parse(&r.first_contact)
                .map_err(corrupt("first contact"))?,
            basis: r.basis,
            policy_digest: r.policy_digest,
            name_ct: r.name_ct,
            contact_ct: r.contact_ct,
            language_ct: r.language_ct,
            children_services_ct: r.children_services_ct,
            decline_reason_ct: r.decline_reason_ct,
            created_at: r.created_at,
            answered_at: r.answered_at,
            answered_by: r
                .answered_by
                .as_deref()
                .map(|v| id(UserId::parse, v))
                .transpose()?,
            urgency: r
                .urgency
                .as_deref()
                .map(Urgency::parse)
                .transpose()
                .map_err(corrupt("urgency"))?,
            message_ct: r.message_ct,
        })
    }
}

#[derive(Queryable)]
pub(crate) struct CaseRow {
    id: String,
    org_id: String,
    referral_id: String,
    person_id: String,
    status: String,
    opened_at: PrimitiveDateTime,
    opened_by: String,
    reference: String,
    assigned_to: Option<String>,
    // Closing and erasure are read through `Tx::case_closure` (module `closing`); not part of `Case`.
    #[allow(dead_code)]
    closed_at: Option<PrimitiveDateTime>,
    #[allow(dead_code)]
    closed_by: Option<String>,
    #[allow(dead_code)]
    move_on_plan_ct: Option<Vec<u8>>,
    #[allow(dead_code)]
    erased_at: Option<PrimitiveDateTime>,
}

impl TryFrom<CaseRow> for Case {
    type Error = StoreError;
    fn try_from(r: CaseRow) -> Result<Self, StoreError> {
        Ok(Case {
            id: id(CaseId::parse, &r.id)?,
            org_id: id(OrgId::parse, &r.org_id)?,
            referral_id: id(ReferralId::parse, &r.referral_id)?,
            person_id: id(PersonId::parse, &r.person_id)?,
            status: r.status,
            opened_at: r.opened_at,
            opened_by: id(UserId::parse, &r.opened_by)?,
            reference: r.reference,
            assigned_to: r
                .assigned_to
                .as_deref()
                .map(|v| id(UserId::parse, v))
                .transpose()?,
        })
    }
}

impl Tx<'_> {
    // ---- referrals --------------------------------------------------------------------------------

    pub fn insert_referral(&mut self, r: &Referral) -> Result<(), StoreError> {
        diesel::insert_into(referrals::table)
            .values((
                (
                    referrals::id.eq(r.id.as_str()),
                    referrals::person_id.eq(r.person_id.as_str()),
                    referrals::to_org_id.eq(r.to_org_id.as_str()),
                    referrals::from_org_id.eq(r.from_org_id.as_ref().map(OrgId::as_str)),
                    referrals::from_user_id.eq(r.from_user_id.as_ref().map(UserId::as_str)),
                    referrals::status.eq(r.status.as_str()),
                    referrals::age_band.eq(r.age.as_str()),
                    referrals::nation.eq(r.nation.as_str()),
                    referrals::area.eq(r.area.as_deref()),
                    referrals::needs.eq(join_ids(&r.needs)),
                    referrals::indicators.eq(join_ids(&r.indicators)),
                ),
                (
                    referrals::first_contact.eq(r.first_contact.as_str()),
                    referrals::basis.eq(&r.basis),
                    referrals::policy_digest.eq(r.policy_digest.as_deref()),
                    referrals::name_ct.eq(&r.name_ct),
                    referrals::contact_ct.eq(&r.contact_ct),
                    referrals::language_ct.eq(&r.language_ct),
                    referrals::children_services_ct.eq(r.children_services_ct.as_deref()),
                    referrals::decline_reason_ct.eq(r.decline_reason_ct.as_deref()),
                    referrals::created_at.eq(r.created_at),
                    referrals::answered_at.eq(r.answered_at),
                    referrals::answered_by.eq(r.answered_by.as_ref().map(UserId::as_str)),
                    referrals::urgency.eq(r.urgency.map(Urgency::as_str)),
                    referrals::message_ct.eq(r.message_ct.as_deref()),
                ),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// A referral sent to `org`; `None` for any other organisation's.
    pub fn referral_to(
        &mut self,
        org: &OrgId,
        referral_id: &ReferralId,
    ) -> Result<Option<Referral>, StoreError> {
        referrals::table
            .filter(referrals::id.eq(referral_id.as_str()))
            .filter(referrals::to_org_id.eq(org.as_str()))
            .first::<ReferralRow>(self.conn)
            .optional()?
            .map(Referral::try_from)
            .transpose()
    }

    /// A referral sent by `org`; `None` for any other organisation's.
    pub fn referral_from(
        &mut self,
        org: &OrgId,
        referral_id: &ReferralId,
    ) -> Result<Option<Referral>, StoreError> {
        referrals::table
            .filter(referrals::id.eq(referral_id.as_str()))
            .filter(referrals::from_org_id.eq(org.as_str()))
            .first::<ReferralRow>(self.conn)
            .optional()?
            .map(Referral::try_from)
            .transpose()
    }

    /// The referrals sent to `org`, newest first.
    pub fn inbox(&mut self, org: &OrgId) -> Result<Vec<Referral>, StoreError> {
        convert(
            referrals::table
                .filter(referrals::to_org_id.eq(org.as_str()))
                .order((referrals::created_at.desc(), referrals::id.desc()))
                .load::<ReferralRow>(self.conn)?,
        )
    }

    /// The referrals `org` sent, newest first.
    pub fn sent_by(&mut self, org: &OrgId) -> Result<Vec<Referral>, StoreError> {
        convert(
            referrals::table
                .filter(referrals::from_org_id.eq(org.as_str()))
                .order((referrals::created_at.desc(), referrals::id.desc()))
                .load::<ReferralRow>(self.conn)?,
        )
    }

    /// Records the receiving organisation's answer; only a referral still `sent` to `org` changes.
    /// Returns whether it did.
    pub fn answer_referral(
        &mut self,
        org: &OrgId,
        referral_id: &ReferralId,
        status: ReferralStatus,
        by: &UserId,
        at: PrimitiveDateTime,
        decline_reason_ct: Option<&[u8]>,
    ) -> Result<bool, StoreError> {
        let changed = diesel::update(
            referrals::table
                .filter(referrals::id.eq(referral_id.as_str()))
                .filter(referrals::to_org_id.eq(org.as_str()))
                .filter(referrals::status.eq(ReferralStatus::Sent.as_str())),
        )
        .set((
            referrals::status.eq(status.as_str()),
            referrals::answered_by.eq(Some(by.as_str())),
            referrals::answered_at.eq(Some(at)),
            referrals::decline_reason_ct.eq(decline_reason_ct),
        ))
        .execute(self.conn)?;
        Ok(changed == 1)
    }

    // ---- cases ------------------------------------------------------------------------------------

    pub fn insert_case(&mut self, c: &Case) -> Result<(), StoreError> {
        diesel::insert_into(cases::table)
            .values((
                cases::id.eq(c.id.as_str()),
                cases::org_id.eq(c.org_id.as_str()),
                cases::referral_id.eq(c.referral_id.as_str()),
                cases::person_id.eq(c.person_id.as_str()),
                cases::status.eq(&c.status),
                cases::opened_at.eq(c.opened_at),
                cases::opened_by.eq(c.opened_by.as_str()),
                cases::reference.eq(&c.reference),
                cases::assigned_to.eq(c.assigned_to.as_ref().map(UserId::as_str)),
            ))
            .execute(self.conn)
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::Duplicate("case")
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    /// A case of `org`; `None` for any other organisation's.
    pub fn case_of(&mut self, org: &OrgId, case_id: &CaseId) -> Result<Option<Case>, StoreError> {
        cases::table
            .filter(cases::id.eq(case_id.as_str()))
            .filter(cases::org_id.eq(org.as_str()))
            .first::<CaseRow>(self.conn)
            .optional()?
            .map(Case::try_from)
            .transpose()
    }

    /// The case opened from a referral, for its organisation.
    pub fn case_for_referral(
        &mut self,
        org: &OrgId,
        referral_id: &ReferralId,
    ) -> Result<Option<Case>, StoreError> {
        cases::table
            .filter(cases::referral_id.eq(referral_id.as_str()))
            .filter(cases::org_id.eq(org.as_str()))
            .first::<CaseRow>(self.conn)
            .optional()?
            .map(Case::try_from)
            .transpose()
    }

    /// The organisation's cases, newest first.
    pub fn cases_of(&mut self, org: &OrgId) -> Result<Vec<Case>, StoreError> {
        convert(
            cases::table
                .filter(cases::org_id.eq(org.as_str()))
                .order((cases::opened_at.desc(), cases::id.desc()))
                .load::<CaseRow>(self.conn)?,
        )
    }

    /// The referral a case was opened from (same organisation).
    pub fn referral_of_case(&mut self, c: &Case) -> Result<Option<Referral>, StoreError> {
        self.referral_to(&c.org_id, &c.referral_id)
    }
}
