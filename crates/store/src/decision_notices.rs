//! Decision notices: each decision (or closure) of a formal referral as it was told — what its letter is
//! written from (the dates, the reasons sealed under the decision body's key), the referrer's task and
//! whether the person was told. Queried only by formal referral: the caller has already found the referral
//! through its own gate (the decision body's, or the referring organisation's case).

use diesel::prelude::*;
use time::{Date, PrimitiveDateTime};
use waymark_domain::UserId;
use waymark_domain::decision_letter::NoticeKind;
use waymark_domain::ids::{DecisionNoticeId, FormalReferralId, PlanActionId};

use crate::repo::{corrupt, id};
use crate::schema::decision_notices;
use crate::{StoreError, Tx};

/// A decision notice as stored: every column of its row.
#[derive(Debug, Clone)]
pub struct DecisionNotice {
    pub id: DecisionNoticeId,
    pub formal_referral_id: FormalReferralId,
    pub kind: NoticeKind,
    /// The day the decision was made (a closure: the day it was recorded).
    pub decided_on: Date,
    /// The day a second decision maker confirmed a negative reasonable-grounds decision.
    pub confirmed_on: Option<Date>,
    pub recovery_period_ends: Option<Date>,
    pub conclusive_earliest: Option<Date>,
    /// Sealed under the decision body's key (`decision_notices`, `reasons`, id); `None` for a closure.
    pub reasons_ct: Option<Vec<u8>>,
    /// The referring organisation's task; `None` when the case had been erased.
    pub task_id: Option<PlanActionId>,
    /// A message went to the person's codename channel.
    pub person_told: bool,
    pub created_at: PrimitiveDateTime,
    pub created_by: UserId,
}

type Row = (
    String,
    String,
    String,
    Date,
    Option<Date>,
    Option<Date>,
    Option<Date>,
    Option<Vec<u8>>,
    Option<String>,
    bool,
    PrimitiveDateTime,
    String,
);

fn notice(r: Row) -> Result<DecisionNotice, StoreError> {
    let (
        nid,
        formal_referral_id,
        kind,
        decided_on,
        confirmed_on,
        recovery_period_ends,
        conclusive_earliest,
        reasons_ct,
        task_id,
        person_told,
        created_at,
        created_by,
    ) = r;
    Ok(DecisionNotice {
        id: id(DecisionNoticeId::parse, &nid)?,
        formal_referral_id: id(FormalReferralId::parse, &formal_referral_id)?,
        kind: NoticeKind::parse(&kind).map_err(corrupt("decision notice kind"))?,
        decided_on,
        confirmed_on,
        recovery_period_ends,
        conclusive_earliest,
        reasons_ct,
        task_id: task_id
            .as_deref()
            .map(|t| id(PlanActionId::parse, t))
            .transpose()?,
        person_told,
        created_at,
        created_by: id(UserId::parse, &created_by)?,
    })
}

macro_rules! notice_columns {
    () => {
        (
            decision_notices::id,
            decision_notices::formal_referral_id,
            decision_notices::kind,
            decision_notices::decided_on,
            decision_notices::confirmed_on,
            decision_notices::recovery_period_ends,
            decision_notices::conclusive_earliest,
            decision_notices::reasons_ct,
            decision_notices::task_id,
            decision_notices::person_told,
            decision_notices::created_at,
            decision_notices::created_by,
        )
    };
}

impl Tx<'_> {
    pub fn insert_decision_notice(&mut self, n: &DecisionNotice) -> Result<(), StoreError> {
        diesel::insert_into(decision_notices::table)
            .values((
                decision_notices::id.eq(n.id.as_str()),
                decision_notices::formal_referral_id.eq(n.formal_referral_id.as_str()),
                decision_notices::kind.eq(n.kind.as_str()),
                decision_notices::decided_on.eq(n.decided_on),
                decision_notices::confirmed_on.eq(n.confirmed_on),
                decision_notices::recovery_period_ends.eq(n.recovery_period_ends),
                decision_notices::conclusive_earliest.eq(n.conclusive_earliest),
                decision_notices::reasons_ct.eq(n.reasons_ct.as_deref()),
                decision_notices::task_id.eq(n.task_id.as_ref().map(PlanActionId::as_str)),
                decision_notices::person_told.eq(n.person_told),
                decision_notices::created_at.eq(n.created_at),
                decision_notices::created_by.eq(n.created_by.as_str()),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// The notices of one formal referral, oldest first.
    pub fn decision_notices_of(
        &mut self,
        formal_referral: &FormalReferralId,
    ) -> Result<Vec<DecisionNotice>, StoreError> {
        decision_notices::table
            .filter(decision_notices::formal_referral_id.eq(formal_referral.as_str()))
            .order((
                decision_notices::created_at.asc(),
                decision_notices::id.asc(),
            ))
            .select(notice_columns!())
            .load::<Row>(self.conn)?
            .into_iter()
            .map(notice)
            .collect()
    }

    /// One notice of one formal referral; `None` for a notice of any other referral.
    pub fn decision_notice(
        &mut self,
        formal_referral: &FormalReferralId,
        notice_id: &DecisionNoticeId,
    ) -> Result<Option<DecisionNotice>, StoreError> {
        decision_notices::table
            .filter(decision_notices::id.eq(notice_id.as_str()))
            .filter(decision_notices::formal_referral_id.eq(formal_referral.as_str()))
            .select(notice_columns!())
            .first::<Row>(self.conn)
            .optional()?
            .map(notice)
            .transpose()
    }
}
