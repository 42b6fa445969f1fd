//! An organisation's data-sharing policy: its main (English) text on the organisation, and its text in
//! other languages of the public pages. Plain rows: a policy is the organisation's public statement.

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::OrgId;

use crate::schema::{organisation_policies, organisations};
use crate::{StoreError, Tx};

/// An organisation's policy in one language, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationPolicy {
    /// A language code of the public pages (`ar`, `fa`, …).
    pub lang: String,
    pub policy: String,
    pub updated_at: PrimitiveDateTime,
}

impl Tx<'_> {
    /// Replaces the organisation's main (English) policy; `false` when there is no such organisation.
    pub fn set_data_sharing_policy(
        &mut self,
        org: &OrgId,
        policy: &str,
    ) -> Result<bool, StoreError> {
        let n = diesel::update(organisations::table.filter(organisations::id.eq(org.as_str())))
            .set(organisations::data_sharing_policy.eq(policy))
            .execute(self.conn)?;
        Ok(n == 1)
    }

    /// Sets (or replaces) the organisation's policy in `lang`, at the transaction's time; `false` when
    /// there is no such organisation.
    pub fn set_organisation_policy(
        &mut self,
        org: &OrgId,
        lang: &str,
        policy: &str,
    ) -> Result<bool, StoreError> {
        let exists: i64 = organisations::table
            .filter(organisations::id.eq(org.as_str()))
            .count()
            .get_result(self.conn)?;
        if exists == 0 {
            return Ok(false);
        }
        let now = self.now;
        let updated = diesel::update(
            organisation_policies::table
                .filter(organisation_policies::org_id.eq(org.as_str()))
                .filter(organisation_policies::lang.eq(lang)),
        )
        .set((
            organisation_policies::policy.eq(policy),
            organisation_policies::updated_at.eq(now),
        ))
        .execute(self.conn)?;
        if updated == 0 {
            diesel::insert_into(organisation_policies::table)
                .values((
                    organisation_policies::org_id.eq(org.as_str()),
                    organisation_policies::lang.eq(lang),
                    organisation_policies::policy.eq(policy),
                    organisation_policies::updated_at.eq(now),
                ))
                .execute(self.conn)?;
        }
        Ok(true)
    }

    /// The organisation's policy in `lang`, if it has given one.
    pub fn organisation_policy(
        &mut self,
        org: &OrgId,
        lang: &str,
    ) -> Result<Option<OrganisationPolicy>, StoreError> {
        Ok(self
            .organisation_policies(org)?
            .into_iter()
            .find(|p| p.lang == lang))
    }

    /// Every language the organisation has given its policy in (besides the main text), by language.
    pub fn organisation_policies(
        &mut self,
        org: &OrgId,
    ) -> Result<Vec<OrganisationPolicy>, StoreError> {
        Ok(organisation_policies::table
            .filter(organisation_policies::org_id.eq(org.as_str()))
            .order(organisation_policies::lang.asc())
            .select((
                organisation_policies::lang,
                organisation_policies::policy,
                organisation_policies::updated_at,
            ))
            .load::<(String, String, PrimitiveDateTime)>(self.conn)?
            .into_iter()
            .map(|(lang, policy, updated_at)| OrganisationPolicy {
                lang,
                policy,
                updated_at,
            })
            .collect())
    }
}
