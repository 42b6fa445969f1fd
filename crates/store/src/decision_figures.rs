//! What a decision body's performance figures count: the plaintext facts of its formal referrals (status,
//! nation, dates, outcomes, exploitation types). Never the package or the reasons, so nothing sealed is
//! read, and only the body's own referrals.

use diesel::prelude::*;
use time::Date;
use waymark_domain::decision_figures::DecisionFacts;
use waymark_domain::formal::{FormalStatus, Outcome};
use waymark_domain::{Nation, OrgId};

use crate::repo::{corrupt, ids_from};
use crate::schema::formal_referrals as f;
use crate::{StoreError, Tx};

type FactsRow = (
    String,
    String,
    Date,
    Date,
    Option<String>,
    Option<Date>,
    Option<String>,
    Option<Date>,
    String,
);

fn outcome(v: Option<String>) -> Result<Option<Outcome>, StoreError> {
    v.map(|s| Outcome::parse(&s).map_err(corrupt("decision outcome")))
        .transpose()
}

impl Tx<'_> {
    /// The facts the figures count of every formal referral a decision body received.
    pub fn decision_facts_of_body(
        &mut self,
        body: &OrgId,
    ) -> Result<Vec<DecisionFacts>, StoreError> {
        f::table
            .filter(f::decision_body_id.eq(body.as_str()))
            .order((f::referred_on.asc(), f::id.asc()))
            .select((
                f::nation,
                f::status,
                f::referred_on,
                f::reasonable_grounds_due,
                f::rg_outcome,
                f::rg_decided_on,
                f::cg_outcome,
                f::cg_decided_on,
                f::exploitation_types,
            ))
            .load::<FactsRow>(self.conn)?
            .into_iter()
            .map(
                |(nation, status, referred_on, due, rg, rg_on, cg, cg_on, types)| {
                    Ok(DecisionFacts {
                        nation: Nation::parse(&nation).map_err(corrupt("nation"))?,
                        status: FormalStatus::parse(&status)
                            .map_err(corrupt("formal referral status"))?,
                        referred_on,
                        reasonable_grounds_due: due,
                        rg_outcome: outcome(rg)?,
                        rg_decided_on: rg_on,
                        cg_outcome: outcome(cg)?,
                        cg_decided_on: cg_on,
                        exploitation_types: ids_from(&types)?,
                    })
                },
            )
            .collect()
    }
}
