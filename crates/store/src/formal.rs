//! Formal referrals to a decision body and the body's decisions. The package and the reasons are sealed
//! under the decision body's own person key; every query is scoped to the decision body (its decision
//! makers) or to the referring organisation's case (status and dates only: the caller decides what to show).

use diesel::prelude::*;
use time::{Date, PrimitiveDateTime};
use waymark_domain::formal::{FormalStatus, Outcome};
use waymark_domain::ids::{ConsentId, FormalReferralId, FormalRequestId, PersonId};
use waymark_domain::{CaseId, ExploitationType, Nation, OrgId, UserId};

use crate::repo::{corrupt, id, ids_from, join_ids};
use crate::schema::{formal_referrals, formal_requests};
use crate::{StoreError, Tx};

/// A formal referral as stored: every column of its row.
#[derive(Debug, Clone)]
pub struct FormalReferral {
    pub id: FormalReferralId,
    pub case_id: CaseId,
    pub from_org_id: OrgId,
    pub decision_body_id: OrgId,
    /// The decision body's own person (its own data key).
    pub person_id: PersonId,
    /// `None` for a child (the safeguarding basis).
    pub consent_id: Option<ConsentId>,
    /// `consent` or `safeguarding`.
    pub basis: String,
    pub nation: Nation,
    pub package_ct: Vec<u8>,
    pub status: FormalStatus,
    pub referred_on: Date,
    pub reasonable_grounds_due: Date,
    pub rg_outcome: Option<Outcome>,
    pub rg_reasons_ct: Option<Vec<u8>>,
    pub rg_decided_on: Option<Date>,
    pub rg_decided_by: Option<UserId>,
    pub rg_reviewed_by: Option<UserId>,
    pub recovery_period_ends: Option<Date>,
    pub conclusive_earliest: Option<Date>,
    pub cg_outcome: Option<Outcome>,
    pub cg_reasons_ct: Option<Vec<u8>>,
    pub cg_decided_on: Option<Date>,
    pub cg_decided_by: Option<UserId>,
    pub created_at: PrimitiveDateTime,
    pub created_by: UserId,
    pub updated_at: PrimitiveDateTime,
    /// The types of exploitation the package records, as a coarse category for the decision body's
    /// figures (no personal field; set when the referral is made).
    pub exploitation_types: Vec<ExploitationType>,
}

#[derive(Queryable)]
struct Row {
    id: String,
    case_id: String,
    from_org_id: String,
    decision_body_id: String,
    person_id: String,
    consent_id: Option<String>,
    basis: String,
    nation: String,
    package_ct: Vec<u8>,
    status: String,
    referred_on: Date,
    reasonable_grounds_due: Date,
    rg_outcome: Option<String>,
    rg_reasons_ct: Option<Vec<u8>>,
    rg_decided_on: Option<Date>,
    rg_decided_by: Option<String>,
    rg_reviewed_by: Option<String>,
    recovery_period_ends: Option<Date>,
    conclusive_earliest: Option<Date>,
    cg_outcome: Option<String>,
    cg_reasons_ct: Option<Vec<u8>>,
    cg_decided_on: Option<Date>,
    cg_decided_by: Option<String>,
    created_at: PrimitiveDateTime,
    created_by: String,
    updated_at: PrimitiveDateTime,
    exploitation_types: String,
}

fn opt<T, E: std::fmt::Display>(
    parse: fn(&str) -> Result<T, E>,
    v: Option<String>,
) -> Result<Option<T>, StoreError> {
    v.map(|s| id(parse, &s)).transpose()
}

fn outcome(v: Option<String>) -> Result<Option<Outcome>, StoreError> {
    v.map(|s| Outcome::parse(&s).map_err(corrupt("decision outcome")))
        .transpose()
}

impl TryFrom<Row> for FormalReferral {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(FormalReferral {
            id: id(FormalReferralId::parse, &r.id)?,
            case_id: id(CaseId::parse, &r.case_id)?,
            from_org_id: id(OrgId::parse, &r.from_org_id)?,
            decision_body_id: id(OrgId::parse, &r.decision_body_id)?,
            person_id: id(PersonId::parse, &r.person_id)?,
            consent_id: opt(ConsentId::parse, r.consent_id)?,
            basis: r.basis,
            nation: Nation::parse(&r.nation).map_err(corrupt("nation"))?,
            package_ct: r.package_ct,
            status: FormalStatus::parse(&r.status).map_err(corrupt("formal referral status"))?,
            referred_on: r.referred_on,
            reasonable_grounds_due: r.reasonable_grounds_due,
            rg_outcome: outcome(r.rg_outcome)?,
            rg_reasons_ct: r.rg_reasons_ct,
            rg_decided_on: r.rg_decided_on,
            rg_decided_by: opt(UserId::parse, r.rg_decided_by)?,
            rg_reviewed_by: opt(UserId::parse, r.rg_reviewed_by)?,
            recovery_period_ends: r.recovery_period_ends,
            conclusive_earliest: r.conclusive_earliest,
            cg_outcome: outcome(r.cg_outcome)?,
            cg_reasons_ct: r.cg_reasons_ct,
            cg_decided_on: r.cg_decided_on,
            cg_decided_by: opt(UserId::parse, r.cg_decided_by)?,
            created_at: r.created_at,
            created_by: id(UserId::parse, &r.created_by)?,
            updated_at: r.updated_at,
            exploitation_types: ids_from(&r.exploitation_types)?,
        })
    }
}

/// A request between a decision body and the referrer, as stored. `text_ct` (the question or the
/// reasons for reconsideration) and `reply_ct` are sealed under the decision body's person key.
#[derive(Debug, Clone)]
pub struct FormalRequest {
    pub id: FormalRequestId,
    pub formal_referral_id: FormalReferralId,
    /// `information` (the body asks the referrer) or `reconsideration` (the referrer asks the body).
    pub kind: String,
    pub text_ct: Vec<u8>,
    pub asked_by: UserId,
    pub asked_at: PrimitiveDateTime,
    /// The reply deadline of a request for information.
    pub reply_by: Option<Date>,
    pub reply_ct: Option<Vec<u8>>,
    pub replied_by: Option<UserId>,
    pub replied_at: Option<PrimitiveDateTime>,
}

#[derive(Queryable)]
struct RequestRow {
    id: String,
    formal_referral_id: String,
    kind: String,
    text_ct: Vec<u8>,
    asked_by: String,
    asked_at: PrimitiveDateTime,
    reply_by: Option<Date>,
    reply_ct: Option<Vec<u8>>,
    replied_by: Option<String>,
    replied_at: Option<PrimitiveDateTime>,
}

impl TryFrom<RequestRow> for FormalRequest {
    type Error = StoreError;
    fn try_from(r: RequestRow) -> Result<Self, StoreError> {
        Ok(FormalRequest {
            id: id(FormalRequestId::parse, &r.id)?,
            formal_referral_id: id(FormalReferralId::parse, &r.formal_referral_id)?,
            kind: r.kind,
            text_ct: r.text_ct,
            asked_by: id(UserId::parse, &r.asked_by)?,
            asked_at: r.asked_at,
            reply_by: r.reply_by,
            reply_ct: r.reply_ct,
            replied_by: opt(UserId::parse, r.replied_by)?,
            replied_at: r.replied_at,
        })
    }
}

fn load(rows: Vec<Row>) -> Result<Vec<FormalReferral>, StoreError> {
    rows.into_iter().map(FormalReferral::try_from).collect()
}

impl Tx<'_> {
    pub fn insert_formal_referral(&mut self, f: &FormalReferral) -> Result<(), StoreError> {
        diesel::insert_into(formal_referrals::table)
            .values((
                formal_referrals::id.eq(f.id.as_str()),
                formal_referrals::case_id.eq(f.case_id.as_str()),
                formal_referrals::from_org_id.eq(f.from_org_id.as_str()),
                formal_referrals::decision_body_id.eq(f.decision_body_id.as_str()),
                formal_referrals::person_id.eq(f.person_id.as_str()),
                formal_referrals::consent_id.eq(f.consent_id.as_ref().map(|c| c.as_str())),
                formal_referrals::basis.eq(&f.basis),
                formal_referrals::nation.eq(f.nation.as_str()),
                formal_referrals::package_ct.eq(&f.package_ct),
                formal_referrals::status.eq(f.status.as_str()),
                formal_referrals::referred_on.eq(f.referred_on),
                formal_referrals::reasonable_grounds_due.eq(f.reasonable_grounds_due),
                formal_referrals::created_at.eq(f.created_at),
                formal_referrals::created_by.eq(f.created_by.as_str()),
                formal_referrals::updated_at.eq(f.updated_at),
                formal_referrals::exploitation_types.eq(join_ids(&f.exploitation_types)),
            ))
            .execute(self.conn)?;
        self.update_formal_referral(f)
    }

    /// Writes the decision columns and the status of a formal referral.
    pub fn update_formal_referral(&mut self, f: &FormalReferral) -> Result<(), StoreError> {
        diesel::update(formal_referrals::table.filter(formal_referrals::id.eq(f.id.as_str())))
            .set((
                formal_referrals::status.eq(f.status.as_str()),
                formal_referrals::rg_outcome.eq(f.rg_outcome.map(|o| o.as_str())),
                formal_referrals::rg_reasons_ct.eq(f.rg_reasons_ct.as_deref()),
                formal_referrals::rg_decided_on.eq(f.rg_decided_on),
                formal_referrals::rg_decided_by.eq(f.rg_decided_by.as_ref().map(|u| u.as_str())),
                formal_referrals::rg_reviewed_by.eq(f.rg_reviewed_by.as_ref().map(|u| u.as_str())),
                formal_referrals::recovery_period_ends.eq(f.recovery_period_ends),
                formal_referrals::conclusive_earliest.eq(f.conclusive_earliest),
                formal_referrals::cg_outcome.eq(f.cg_outcome.map(|o| o.as_str())),
                formal_referrals::cg_reasons_ct.eq(f.cg_reasons_ct.as_deref()),
                formal_referrals::cg_decided_on.eq(f.cg_decided_on),
                formal_referrals::cg_decided_by.eq(f.cg_decided_by.as_ref().map(|u| u.as_str())),
                formal_referrals::updated_at.eq(f.updated_at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// One formal referral received by a decision body; `None` for any other body's.
    pub fn formal_referral_of_body(
        &mut self,
        body: &OrgId,
        id: &FormalReferralId,
    ) -> Result<Option<FormalReferral>, StoreError> {
        formal_referrals::table
            .filter(formal_referrals::id.eq(id.as_str()))
            .filter(formal_referrals::decision_body_id.eq(body.as_str()))
            .load::<Row>(self.conn)
            .map_err(StoreError::from)
            .and_then(load)
            .map(|mut v| v.pop())
    }

    /// A decision body's queue: every referral it received, the soonest due first.
    pub fn formal_referrals_of_body(
        &mut self,
        body: &OrgId,
    ) -> Result<Vec<FormalReferral>, StoreError> {
        load(
            formal_referrals::table
                .filter(formal_referrals::decision_body_id.eq(body.as_str()))
                .order((
                    formal_referrals::reasonable_grounds_due.asc(),
                    formal_referrals::created_at.asc(),
                    formal_referrals::id.asc(),
                ))
                .load::<Row>(self.conn)?,
        )
    }

    /// The formal referrals made from one case of an organisation, newest first.
    pub fn formal_referrals_of_case(
        &mut self,
        org: &OrgId,
        case_id: &CaseId,
    ) -> Result<Vec<FormalReferral>, StoreError> {
        load(
            formal_referrals::table
                .filter(formal_referrals::case_id.eq(case_id.as_str()))
                .filter(formal_referrals::from_org_id.eq(org.as_str()))
                .order((
                    formal_referrals::created_at.desc(),
                    formal_referrals::id.desc(),
                ))
                .load::<Row>(self.conn)?,
        )
    }

    /// The formal referrals made from a case, to any decision body (for erasure).
    pub fn formal_referrals_from_case(
        &mut self,
        case_id: &CaseId,
    ) -> Result<Vec<FormalReferral>, StoreError> {
        load(
            formal_referrals::table
                .filter(formal_referrals::case_id.eq(case_id.as_str()))
                .order(formal_referrals::id.asc())
                .load::<Row>(self.conn)?,
        )
    }

    pub fn insert_formal_request(&mut self, r: &FormalRequest) -> Result<(), StoreError> {
        diesel::insert_into(formal_requests::table)
            .values((
                formal_requests::id.eq(r.id.as_str()),
                formal_requests::formal_referral_id.eq(r.formal_referral_id.as_str()),
                formal_requests::kind.eq(&r.kind),
                formal_requests::text_ct.eq(&r.text_ct),
                formal_requests::asked_by.eq(r.asked_by.as_str()),
                formal_requests::asked_at.eq(r.asked_at),
                formal_requests::reply_by.eq(r.reply_by),
                formal_requests::reply_ct.eq(r.reply_ct.as_deref()),
                formal_requests::replied_by.eq(r.replied_by.as_ref().map(|u| u.as_str())),
                formal_requests::replied_at.eq(r.replied_at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// Records the answer to a request for information; `false` when it was already answered (the
    /// first answer stands).
    pub fn answer_formal_request(
        &mut self,
        request: &FormalRequestId,
        reply_ct: &[u8],
        by: &UserId,
        at: PrimitiveDateTime,
    ) -> Result<bool, StoreError> {
        let n = diesel::update(
            formal_requests::table
                .filter(formal_requests::id.eq(request.as_str()))
                .filter(formal_requests::replied_at.is_null()),
        )
        .set((
            formal_requests::reply_ct.eq(Some(reply_ct)),
            formal_requests::replied_by.eq(Some(by.as_str())),
            formal_requests::replied_at.eq(Some(at)),
        ))
        .execute(self.conn)?;
        Ok(n == 1)
    }

    /// The requests of one formal referral, oldest first.
    pub fn formal_requests_of(
        &mut self,
        referral: &FormalReferralId,
    ) -> Result<Vec<FormalRequest>, StoreError> {
        formal_requests::table
            .filter(formal_requests::formal_referral_id.eq(referral.as_str()))
            .order((formal_requests::asked_at.asc(), formal_requests::id.asc()))
            .load::<RequestRow>(self.conn)?
            .into_iter()
            .map(FormalRequest::try_from)
            .collect()
    }

    /// The referrals of a decision body with a request for information the referrer has not answered.
    pub fn referrals_waiting_for_referrer(
        &mut self,
        body: &OrgId,
    ) -> Result<std::collections::BTreeSet<FormalReferralId>, StoreError> {
        formal_requests::table
            .inner_join(
                formal_referrals::table
                    .on(formal_referrals::id.eq(formal_requests::formal_referral_id)),
            )
            .filter(formal_referrals::decision_body_id.eq(body.as_str()))
            .filter(formal_requests::kind.eq("information"))
            .filter(formal_requests::replied_at.is_null())
            .select(formal_requests::formal_referral_id)
            .distinct()
            .load::<String>(self.conn)?
            .iter()
            .map(|r| id(FormalReferralId::parse, r))
            .collect()
    }
}
