//! First-responder designation and anonymous notifications. A notification holds no personal field and
//! nothing sealed: ids from closed lists, a checked place name and a month, scoped to the organisation
//! that made it.

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::ids::NotificationId;
use waymark_domain::{AgeBand, ExploitationType, Indicator, Nation, OrgId, UserId};

use crate::repo::{corrupt, id, ids_from, join_ids};
use crate::schema::{anonymous_notifications, organisations};
use crate::{StoreError, Tx};

/// An anonymous notification as stored: every column of its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnonymousNotification {
    pub id: NotificationId,
    pub org_id: OrgId,
    /// The member of staff who made it (accountability; never the person it is about).
    pub created_by: UserId,
    /// Always adult: the database refuses anything else.
    pub age: AgeBand,
    /// An ISO 3166-1 alpha-2 code, `stateless` or `unknown`.
    pub nationality: String,
    pub exploitation_types: Vec<ExploitationType>,
    pub nation: Nation,
    /// The ONS code of a local authority area (`waymark_domain::area`), if recorded.
    pub area: Option<String>,
    pub indicators: Vec<Indicator>,
    /// `YYYY-MM`.
    pub encountered_in: Option<String>,
    pub created_at: PrimitiveDateTime,
}

#[derive(Queryable)]
struct NotificationRow {
    id: String,
    org_id: String,
    created_by: String,
    age_band: String,
    nationality: String,
    exploitation_types: String,
    nation: String,
    area: Option<String>,
    indicators: String,
    encountered_in: Option<String>,
    created_at: PrimitiveDateTime,
}

impl TryFrom<NotificationRow> for AnonymousNotification {
    type Error = StoreError;
    fn try_from(r: NotificationRow) -> Result<Self, StoreError> {
        Ok(AnonymousNotification {
            id: id(NotificationId::parse, &r.id)?,
            org_id: id(OrgId::parse, &r.org_id)?,
            created_by: id(UserId::parse, &r.created_by)?,
            age: AgeBand::parse(&r.age_band).map_err(corrupt("age band"))?,
            nationality: r.nationality,
            exploitation_types: ids_from(&r.exploitation_types)?,
            nation: Nation::parse(&r.nation).map_err(corrupt("nation"))?,
            area: r.area,
            indicators: ids_from(&r.indicators)?,
            encountered_in: r.encountered_in,
            created_at: r.created_at,
        })
    }
}

impl Tx<'_> {
    /// Sets whether an organisation is a first responder; `false` if there is no such organisation.
    pub fn set_first_responder(&mut self, org: &OrgId, yes: bool) -> Result<bool, StoreError> {
        let updated =
            diesel::update(organisations::table.filter(organisations::id.eq(org.as_str())))
                .set(organisations::first_responder.eq(yes))
                .execute(self.conn)?;
        Ok(updated == 1)
    }

    /// Whether an organisation is a first responder; `None` if there is no such organisation.
    pub fn is_first_responder(&mut self, org: &OrgId) -> Result<Option<bool>, StoreError> {
        Ok(organisations::table
            .filter(organisations::id.eq(org.as_str()))
            .select(organisations::first_responder)
            .first::<bool>(self.conn)
            .optional()?)
    }

    pub fn insert_anonymous_notification(
        &mut self,
        n: &AnonymousNotification,
    ) -> Result<(), StoreError> {
        diesel::insert_into(anonymous_notifications::table)
            .values((
                anonymous_notifications::id.eq(n.id.as_str()),
                anonymous_notifications::org_id.eq(n.org_id.as_str()),
                anonymous_notifications::created_by.eq(n.created_by.as_str()),
                anonymous_notifications::age_band.eq(n.age.as_str()),
                anonymous_notifications::nationality.eq(&n.nationality),
                anonymous_notifications::exploitation_types.eq(join_ids(&n.exploitation_types)),
                anonymous_notifications::nation.eq(n.nation.as_str()),
                anonymous_notifications::area.eq(n.area.as_deref()),
                anonymous_notifications::indicators.eq(join_ids(&n.indicators)),
                anonymous_notifications::encountered_in.eq(n.encountered_in.as_deref()),
                anonymous_notifications::created_at.eq(n.created_at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// One organisation's notifications, newest first.
    pub fn anonymous_notifications_of(
        &mut self,
        org: &OrgId,
    ) -> Result<Vec<AnonymousNotification>, StoreError> {
        anonymous_notifications::table
            .filter(anonymous_notifications::org_id.eq(org.as_str()))
            .order((
                anonymous_notifications::created_at.desc(),
                anonymous_notifications::id.desc(),
            ))
            .load::<NotificationRow>(self.conn)?
            .into_iter()
            .map(AnonymousNotification::try_from)
            .collect()
    }
}
