//! Closing, retention and erasure: a case's closure (when, by whom, its sealed move-on plan), follow-up
//! plan actions, the organisation's retention period, the closed cases whose period has ended, erasing a
//! case's remaining personal traces, and the plaintext facts statistics count.
//!
//! Personal values arrive sealed and leave sealed. Erasure itself is crypto-shredding (the person's
//! wrapped key is forgotten with [`Tx::erase_person_key`]); what is done here removes what is not sealed
//! under that key or is merely large: blind indexes, break-the-glass grants, document contents.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::case::CaseStatus;
use waymark_domain::case_record::PlanStatus;
use waymark_domain::ids::PlanActionId;
use waymark_domain::{CaseId, ExploitationType, Need, OrgId, UserId};

use crate::case_parts::PlanAction;
use crate::referrals::CaseRow;
use crate::repo::{corrupt, id};
use crate::schema::{
    case_access_grants, case_documents, case_history, case_index, case_needs, case_plan_actions,
    cases, organisations, referrals,
};
use crate::{Case, StoreError, Tx};

/// The kind of a plan action scheduled by closing a case.
pub const FOLLOW_UP: &str = "follow_up";

/// How a case was closed, and whether it was erased.
#[derive(Debug, Clone, Default)]
pub struct CaseClosure {
    pub closed_at: Option<PrimitiveDateTime>,
    pub closed_by: Option<UserId>,
    /// Sealed under the person's data key (`cases`, `move_on_plan`, case id).
    pub move_on_plan_ct: Option<Vec<u8>>,
    pub erased_at: Option<PrimitiveDateTime>,
}

/// The plaintext facts of one organisation's cases that statistics count (never a personal field).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFacts {
    /// `(status, erased)` per case.
    pub cases: Vec<(String, bool)>,
    /// How many cases have at least one episode of each exploitation type.
    pub exploitation_types: BTreeMap<ExploitationType, usize>,
    /// How many cases have each need (from the needs assessment, or the referral before one).
    pub needs: BTreeMap<Need, usize>,
}

impl Tx<'_> {
    /// How a case was closed and whether it was erased; `None` for a case that does not exist.
    pub fn case_closure(&mut self, case_id: &CaseId) -> Result<Option<CaseClosure>, StoreError> {
        let row = cases::table
            .filter(cases::id.eq(case_id.as_str()))
            .select((
                cases::closed_at,
                cases::closed_by,
                cases::move_on_plan_ct,
                cases::erased_at,
            ))
            .first::<(
                Option<PrimitiveDateTime>,
                Option<String>,
                Option<Vec<u8>>,
                Option<PrimitiveDateTime>,
            )>(self.conn)
            .optional()?;
        row.map(|(closed_at, closed_by, move_on_plan_ct, erased_at)| {
            Ok(CaseClosure {
                closed_at,
                closed_by: closed_by
                    .as_deref()
                    .map(|v| id(UserId::parse, v))
                    .transpose()?,
                move_on_plan_ct,
                erased_at,
            })
        })
        .transpose()
    }

    /// Closes an open case of `org`. Returns whether it was open (and is now closed).
    pub fn close_case(
        &mut self,
        org: &OrgId,
        case_id: &CaseId,
        at: PrimitiveDateTime,
        by: &UserId,
        move_on_plan_ct: &[u8],
    ) -> Result<bool, StoreError> {
        let changed = diesel::update(
            cases::table
                .filter(cases::id.eq(case_id.as_str()))
                .filter(cases::org_id.eq(org.as_str()))
                .filter(cases::status.eq(CaseStatus::Open.as_str())),
        )
        .set((
            cases::status.eq(CaseStatus::Closed.as_str()),
            cases::closed_at.eq(Some(at)),
            cases::closed_by.eq(Some(by.as_str())),
            cases::move_on_plan_ct.eq(Some(move_on_plan_ct)),
        ))
        .execute(self.conn)?;
        Ok(changed == 1)
    }

    /// Adds a follow-up check-in to a case's plan (a plan action of kind `follow_up`).
    pub fn insert_follow_up(&mut self, a: &PlanAction) -> Result<(), StoreError> {
        self.insert_plan_action(a)?;
        diesel::update(case_plan_actions::table.filter(case_plan_actions::id.eq(a.id.as_str())))
            .set(case_plan_actions::kind.eq(FOLLOW_UP))
            .execute(self.conn)?;
        Ok(())
    }

    /// The ids of a case's follow-up check-ins.
    pub fn follow_up_ids(&mut self, case_id: &CaseId) -> Result<Vec<PlanActionId>, StoreError> {
        case_plan_actions::table
            .filter(case_plan_actions::case_id.eq(case_id.as_str()))
            .filter(case_plan_actions::kind.eq(FOLLOW_UP))
            .select(case_plan_actions::id)
            .load::<String>(self.conn)?
            .iter()
            .map(|v| id(PlanActionId::parse, v))
            .collect()
    }

    /// The organisation's retention period after closure, in days.
    pub fn retention_days(&mut self, org: &OrgId) -> Result<Option<i32>, StoreError> {
        Ok(organisations::table
            .filter(organisations::id.eq(org.as_str()))
            .select(organisations::retention_days)
            .first::<i32>(self.conn)
            .optional()?)
    }

    /// Sets the organisation's retention period. Returns whether the organisation exists.
    pub fn set_retention_days(&mut self, org: &OrgId, days: i32) -> Result<bool, StoreError> {
        let changed =
            diesel::update(organisations::table.filter(organisations::id.eq(org.as_str())))
                .set(organisations::retention_days.eq(days))
                .execute(self.conn)?;
        Ok(changed == 1)
    }

    /// Every closed case not yet erased, of every organisation, with when it closed and its
    /// organisation's retention period (the caller applies the retention rule).
    pub fn closed_unerased_cases(
        &mut self,
    ) -> Result<Vec<(Case, PrimitiveDateTime, i32)>, StoreError> {
        let rows = cases::table
            .inner_join(organisations::table.on(organisations::id.eq(cases::org_id)))
            .filter(cases::status.eq(CaseStatus::Closed.as_str()))
            .filter(cases::erased_at.is_null())
            .order((cases::closed_at.asc(), cases::id.asc()))
            .select((
                cases::all_columns,
                cases::closed_at,
                organisations::retention_days,
            ))
            .load::<(CaseRow, Option<PrimitiveDateTime>, i32)>(self.conn)?;
        let mut out = Vec::new();
        for (row, closed_at, days) in rows {
            // A closed case always has a closing time; one without is left for a person to look at.
            if let Some(at) = closed_at {
                out.push((Case::try_from(row)?, at, days));
            }
        }
        Ok(out)
    }

    /// Removes what is left of a case once its person's key is forgotten: its blind indexes and
    /// break-the-glass grants and open plan actions are deleted, its documents' (sealed, large) contents emptied (their type
    /// and size stay), and the case marked erased (and closed, if it was open). Returns whether the case
    /// was not yet erased.
    pub fn erase_case_traces(
        &mut self,
        case_id: &CaseId,
        at: PrimitiveDateTime,
    ) -> Result<bool, StoreError> {
        let cid = case_id.as_str();
        // Claim the case first: a concurrent erasure waits on this row and then finds it erased.
        let claimed = diesel::update(
            cases::table
                .filter(cases::id.eq(cid))
                .filter(cases::erased_at.is_null()),
        )
        .set((
            cases::status.eq(CaseStatus::Closed.as_str()),
            cases::erased_at.eq(Some(at)),
        ))
        .execute(self.conn)?;
        if claimed != 1 {
            return Ok(false);
        }
        // An open case erased at the person's request is closed by the erasure.
        diesel::update(
            cases::table
                .filter(cases::id.eq(cid))
                .filter(cases::closed_at.is_null()),
        )
        .set(cases::closed_at.eq(Some(at)))
        .execute(self.conn)?;
        diesel::delete(case_index::table.filter(case_index::case_id.eq(cid))).execute(self.conn)?;
        diesel::delete(case_access_grants::table.filter(case_access_grants::case_id.eq(cid)))
            .execute(self.conn)?;
        // Nothing is left to do for a record that is gone: its open actions (follow-ups too) leave the
        // tasks of the people who owned them.
        diesel::delete(
            case_plan_actions::table
                .filter(case_plan_actions::case_id.eq(cid))
                .filter(case_plan_actions::status.eq(PlanStatus::Open.as_str())),
        )
        .execute(self.conn)?;
        diesel::update(case_documents::table.filter(case_documents::case_id.eq(cid)))
            .set(case_documents::content_ct.eq(Vec::<u8>::new()))
            .execute(self.conn)?;
        Ok(true)
    }

    /// The plaintext facts of the organisation's cases that statistics count.
    pub fn case_facts(&mut self, org: &OrgId) -> Result<CaseFacts, StoreError> {
        let rows = cases::table
            .inner_join(referrals::table)
            .filter(cases::org_id.eq(org.as_str()))
            .select((
                cases::id,
                cases::status,
                cases::erased_at.is_not_null(),
                referrals::needs,
            ))
            .load::<(String, String, bool, String)>(self.conn)?;
        let ids: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        let episodes = case_history::table
            .filter(case_history::case_id.eq_any(&ids))
            .select((case_history::case_id, case_history::exploitation_type))
            .load::<(String, String)>(self.conn)?;
        let assessed = case_needs::table
            .filter(case_needs::case_id.eq_any(&ids))
            .select((case_needs::case_id, case_needs::need))
            .load::<(String, String)>(self.conn)?;
        let mut facts = CaseFacts::default();
        let mut by_type: BTreeSet<(String, ExploitationType)> = BTreeSet::new();
        for (cid, t) in episodes {
            let t = ExploitationType::parse(&t).map_err(corrupt("exploitation type"))?;
            by_type.insert((cid, t));
        }
        for (_, t) in by_type {
            *facts.exploitation_types.entry(t).or_default() += 1;
        }
        let mut needs_of: BTreeMap<String, BTreeSet<Need>> = BTreeMap::new();
        for (cid, n) in assessed {
            needs_of
                .entry(cid)
                .or_default()
                .insert(Need::parse(&n).map_err(corrupt("need"))?);
        }
        for (cid, status, erased, referral_needs) in rows {
            let needs = match needs_of.remove(&cid) {
                Some(n) => n,
                None => waymark_domain::vocabulary::parse_list::<Need>(&referral_needs)
                    .map_err(corrupt("need"))?
                    .into_iter()
                    .collect(),
            };
            for n in needs {
                *facts.needs.entry(n).or_default() += 1;
            }
            facts.cases.push((status, erased));
        }
        Ok(facts)
    }
}
