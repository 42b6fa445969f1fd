//! Cases: references, assignment, staff, unanswered referrals and break-the-glass grants.
//! The parts of the record are in [`crate::case_parts`].
//!
//! Every query that starts from a case id is scoped by the organisation (the caller passes a [`Case`] it
//! found with [`Tx::case_of`], or the organisation's id). Personal values arrive sealed and leave sealed.

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::ids::GlassReasonId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::{CaseId, OrgId, Role, UserId};

use crate::case_parts::{StaffMember, user_id};
use crate::referrals::{CaseRow, ReferralRow};
use crate::repo::{convert, corrupt};
use crate::schema::{
    case_access_grants, case_glass_reasons, case_reference_counters, cases, referrals, users,
};
use crate::{AnyConnection, Case, Referral, StoreError, Tx};

/// A break-the-glass reason as stored: its id, who gave it, when, and the sealed text.
pub type SealedGlassReason = (GlassReasonId, UserId, PrimitiveDateTime, Vec<u8>);

impl Tx<'_> {
    // ---- references and assignment ----------------------------------------------------------------

    /// The next reference number of `org` in `year` (1, 2, …). On PostgreSQL, concurrent callers wait for
    /// each other (a transaction-scoped advisory lock), so two cases never get the same number; SQLite
    /// has one writer.
    pub fn next_case_number(&mut self, org: &OrgId, year: i32) -> Result<i32, StoreError> {
        if let AnyConnection::Postgresql(_) = self.conn {
            diesel::sql_query("SELECT pg_advisory_xact_lock(7316220252)").execute(self.conn)?;
        }
        let key = case_reference_counters::table
            .filter(case_reference_counters::org_id.eq(org.as_str()))
            .filter(case_reference_counters::opened_year.eq(year));
        let last = key
            .select(case_reference_counters::last_number)
            .first::<i32>(self.conn)
            .optional()?;
        let next = match last {
            Some(n) => {
                diesel::update(key)
                    .set(case_reference_counters::last_number.eq(n + 1))
                    .execute(self.conn)?;
                n + 1
            }
            None => {
                diesel::insert_into(case_reference_counters::table)
                    .values((
                        case_reference_counters::org_id.eq(org.as_str()),
                        case_reference_counters::opened_year.eq(year),
                        case_reference_counters::last_number.eq(1),
                    ))
                    .execute(self.conn)?;
                1
            }
        };
        Ok(next)
    }

    /// Assigns a case of `org` to `user`. Returns whether a case changed.
    pub fn assign_case(
        &mut self,
        org: &OrgId,
        case_id: &CaseId,
        user: &UserId,
    ) -> Result<bool, StoreError> {
        let changed = diesel::update(
            cases::table
                .filter(cases::id.eq(case_id.as_str()))
                .filter(cases::org_id.eq(org.as_str())),
        )
        .set(cases::assigned_to.eq(Some(user.as_str())))
        .execute(self.conn)?;
        Ok(changed == 1)
    }

    /// The cases of `org` assigned to `user`, newest first.
    pub fn cases_assigned_to(
        &mut self,
        org: &OrgId,
        user: &UserId,
    ) -> Result<Vec<Case>, StoreError> {
        convert(
            cases::table
                .filter(cases::org_id.eq(org.as_str()))
                .filter(cases::assigned_to.eq(user.as_str()))
                .order((cases::opened_at.desc(), cases::id.desc()))
                .load::<CaseRow>(self.conn)?,
        )
    }

    /// The case of `org` with this reference (exact, as stored).
    pub fn case_by_reference(
        &mut self,
        org: &OrgId,
        reference: &str,
    ) -> Result<Option<Case>, StoreError> {
        cases::table
            .filter(cases::org_id.eq(org.as_str()))
            .filter(cases::reference.eq(reference))
            .first::<CaseRow>(self.conn)
            .optional()?
            .map(Case::try_from)
            .transpose()
    }

    /// Caseworkers and managers of `org` (who may own plan actions and be assigned cases), by name.
    pub fn case_staff(&mut self, org: &OrgId) -> Result<Vec<StaffMember>, StoreError> {
        let rows = users::table
            .filter(users::org_id.eq(org.as_str()))
            .filter(users::role.eq_any([Role::Caseworker.as_str(), Role::Manager.as_str()]))
            .order((users::display_name.asc(), users::id.asc()))
            .select((users::id, users::display_name, users::role))
            .load::<(String, String, String)>(self.conn)?;
        rows.into_iter()
            .map(|(uid, display_name, role)| {
                Ok(StaffMember {
                    id: user_id(&uid)?,
                    display_name,
                    role: Role::parse(&role).map_err(corrupt("role"))?,
                })
            })
            .collect()
    }

    /// The referrals sent to `org` that nobody has answered yet, oldest first.
    pub fn unanswered_referrals(&mut self, org: &OrgId) -> Result<Vec<Referral>, StoreError> {
        convert(
            referrals::table
                .filter(referrals::to_org_id.eq(org.as_str()))
                .filter(referrals::status.eq(ReferralStatus::Sent.as_str()))
                .order((referrals::created_at.asc(), referrals::id.asc()))
                .load::<ReferralRow>(self.conn)?,
        )
    }

    // ---- break-the-glass grants -------------------------------------------------------------------------

    /// Gives `user` access to a case until `expires_at`, replacing an earlier grant (one per user and case).
    pub fn grant_case_access(
        &mut self,
        case_id: &CaseId,
        user: &UserId,
        granted_at: PrimitiveDateTime,
        expires_at: PrimitiveDateTime,
    ) -> Result<(), StoreError> {
        let key = case_access_grants::table
            .filter(case_access_grants::case_id.eq(case_id.as_str()))
            .filter(case_access_grants::user_id.eq(user.as_str()));
        let changed = diesel::update(key)
            .set((
                case_access_grants::granted_at.eq(granted_at),
                case_access_grants::expires_at.eq(expires_at),
            ))
            .execute(self.conn)?;
        if changed == 0 {
            diesel::insert_into(case_access_grants::table)
                .values((
                    case_access_grants::case_id.eq(case_id.as_str()),
                    case_access_grants::user_id.eq(user.as_str()),
                    case_access_grants::granted_at.eq(granted_at),
                    case_access_grants::expires_at.eq(expires_at),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    /// Keeps a reason given for breaking the glass, sealed with the case.
    pub fn insert_glass_reason(
        &mut self,
        id: &GlassReasonId,
        case_id: &CaseId,
        user: &UserId,
        at: PrimitiveDateTime,
        reason_ct: &[u8],
    ) -> Result<(), StoreError> {
        diesel::insert_into(case_glass_reasons::table)
            .values((
                case_glass_reasons::id.eq(id.as_str()),
                case_glass_reasons::case_id.eq(case_id.as_str()),
                case_glass_reasons::user_id.eq(user.as_str()),
                case_glass_reasons::at.eq(at),
                case_glass_reasons::reason_ct.eq(reason_ct),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// The reasons given for breaking the glass on a case, oldest first (sealed).
    pub fn glass_reasons(
        &mut self,
        case_id: &CaseId,
    ) -> Result<Vec<SealedGlassReason>, StoreError> {
        case_glass_reasons::table
            .filter(case_glass_reasons::case_id.eq(case_id.as_str()))
            .order((case_glass_reasons::at.asc(), case_glass_reasons::id.asc()))
            .select((
                case_glass_reasons::id,
                case_glass_reasons::user_id,
                case_glass_reasons::at,
                case_glass_reasons::reason_ct,
            ))
            .load::<(String, String, PrimitiveDateTime, Vec<u8>)>(self.conn)?
            .into_iter()
            .map(|(id, user, at, ct)| {
                Ok((
                    GlassReasonId::parse(&id).map_err(corrupt("glass reason id"))?,
                    user_id(&user)?,
                    at,
                    ct,
                ))
            })
            .collect()
    }

    /// When `user`'s grant to this case ends, if it is live at `now`.
    pub fn live_grant(
        &mut self,
        case_id: &CaseId,
        user: &UserId,
        now: PrimitiveDateTime,
    ) -> Result<Option<PrimitiveDateTime>, StoreError> {
        Ok(case_access_grants::table
            .filter(case_access_grants::case_id.eq(case_id.as_str()))
            .filter(case_access_grants::user_id.eq(user.as_str()))
            .filter(case_access_grants::expires_at.gt(now))
            .select(case_access_grants::expires_at)
            .first::<PrimitiveDateTime>(self.conn)
            .optional()?)
    }

    /// The cases of `org` that `user` holds a live grant to, with when each grant ends.
    pub fn granted_cases(
        &mut self,
        org: &OrgId,
        user: &UserId,
        now: PrimitiveDateTime,
    ) -> Result<Vec<(Case, PrimitiveDateTime)>, StoreError> {
        let rows = cases::table
            .inner_join(case_access_grants::table)
            .filter(cases::org_id.eq(org.as_str()))
            .filter(case_access_grants::user_id.eq(user.as_str()))
            .filter(case_access_grants::expires_at.gt(now))
            .order((cases::opened_at.desc(), cases::id.desc()))
            .select((cases::all_columns, case_access_grants::expires_at))
            .load::<(CaseRow, PrimitiveDateTime)>(self.conn)?;
        rows.into_iter()
            .map(|(c, until)| Ok((Case::try_from(c)?, until)))
            .collect()
    }
}
