//! Codename channels and their messages: how a person who referred themselves stays in touch.

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::channel::Sender;
use waymark_domain::ids::PersonId;
use waymark_domain::{ChannelId, MessageId, OrgId, ReferralId, UserId};

use crate::referrals::ReferralRow;
use crate::repo::{convert, corrupt, id, is_unique_violation};
use crate::schema::{channels, messages, referrals, users};
use crate::{Channel, Message, Referral, StoreError, Tx};

#[derive(Queryable)]
struct ChannelRow {
    id: String,
    referral_id: String,
    person_id: String,
    codename_digest: Option<Vec<u8>>,
    created_at: PrimitiveDateTime,
    erased_at: Option<PrimitiveDateTime>,
}

impl TryFrom<ChannelRow> for Channel {
    type Error = StoreError;
    fn try_from(r: ChannelRow) -> Result<Self, StoreError> {
        Ok(Channel {
            id: id(ChannelId::parse, &r.id)?,
            referral_id: id(ReferralId::parse, &r.referral_id)?,
            person_id: id(PersonId::parse, &r.person_id)?,
            codename_digest: r.codename_digest,
            created_at: r.created_at,
            erased_at: r.erased_at,
        })
    }
}

#[derive(Queryable)]
struct MessageRow {
    id: String,
    channel_id: String,
    sender: String,
    author_user_id: Option<String>,
    body_ct: Vec<u8>,
    created_at: PrimitiveDateTime,
    notice: bool,
}

impl TryFrom<MessageRow> for Message {
    type Error = StoreError;
    fn try_from(r: MessageRow) -> Result<Self, StoreError> {
        Ok(Message {
            id: id(MessageId::parse, &r.id)?,
            channel_id: id(ChannelId::parse, &r.channel_id)?,
            sender: Sender::parse(&r.sender).map_err(corrupt("sender"))?,
            author_user_id: r
                .author_user_id
                .as_deref()
                .map(|v| id(UserId::parse, v))
                .transpose()?,
            body_ct: r.body_ct,
            created_at: r.created_at,
            notice: r.notice,
        })
    }
}

impl Tx<'_> {
    // ---- codename channels -------------------------------------------------------------------------

    pub fn insert_channel(&mut self, c: &Channel) -> Result<(), StoreError> {
        diesel::insert_into(channels::table)
            .values((
                channels::id.eq(c.id.as_str()),
                channels::referral_id.eq(c.referral_id.as_str()),
                channels::person_id.eq(c.person_id.as_str()),
                channels::codename_digest.eq(c.codename_digest.as_deref()),
                channels::created_at.eq(c.created_at),
                channels::erased_at.eq(c.erased_at),
            ))
            .execute(self.conn)
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::Duplicate("channel")
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    /// The open channel whose codename has this digest; `None` for any other digest and after erasure.
    pub fn channel_by_digest(&mut self, digest: &[u8]) -> Result<Option<Channel>, StoreError> {
        channels::table
            .filter(channels::codename_digest.eq(digest))
            .filter(channels::erased_at.is_null())
            .first::<ChannelRow>(self.conn)
            .optional()?
            .map(Channel::try_from)
            .transpose()
    }

    /// The channel of a referral sent to `org`; `None` for any other organisation's referral, and for a
    /// helper's referral (which has no channel).
    pub fn channel_for_referral(
        &mut self,
        org: &OrgId,
        referral_id: &ReferralId,
    ) -> Result<Option<Channel>, StoreError> {
        channels::table
            .inner_join(referrals::table)
            .filter(channels::referral_id.eq(referral_id.as_str()))
            .filter(referrals::to_org_id.eq(org.as_str()))
            .select((
                channels::id,
                channels::referral_id,
                channels::person_id,
                channels::codename_digest,
                channels::created_at,
                channels::erased_at,
            ))
            .first::<ChannelRow>(self.conn)
            .optional()?
            .map(Channel::try_from)
            .transpose()
    }

    /// The referral a channel belongs to. Unscoped on purpose: the person holding the codename is the one
    /// reading it, and the channel was found by that codename.
    pub fn referral_of_channel(&mut self, c: &Channel) -> Result<Option<Referral>, StoreError> {
        referrals::table
            .filter(referrals::id.eq(c.referral_id.as_str()))
            .first::<ReferralRow>(self.conn)
            .optional()?
            .map(Referral::try_from)
            .transpose()
    }

    /// Closes a channel at the person's request: its codename digest is cleared, so the codename finds
    /// nothing ever again. Returns whether an open channel was closed.
    pub fn erase_channel(
        &mut self,
        channel_id: &ChannelId,
        at: PrimitiveDateTime,
    ) -> Result<bool, StoreError> {
        let changed = diesel::update(
            channels::table
                .filter(channels::id.eq(channel_id.as_str()))
                .filter(channels::erased_at.is_null()),
        )
        .set((
            channels::codename_digest.eq(None::<Vec<u8>>),
            channels::erased_at.eq(Some(at)),
        ))
        .execute(self.conn)?;
        Ok(changed == 1)
    }

    pub fn insert_message(&mut self, m: &Message) -> Result<(), StoreError> {
        diesel::insert_into(messages::table)
            .values((
                messages::id.eq(m.id.as_str()),
                messages::channel_id.eq(m.channel_id.as_str()),
                messages::sender.eq(m.sender.as_str()),
                messages::author_user_id.eq(m.author_user_id.as_ref().map(UserId::as_str)),
                messages::body_ct.eq(&m.body_ct),
                messages::created_at.eq(m.created_at),
                messages::notice.eq(m.notice),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// A channel's messages, oldest first.
    pub fn messages(&mut self, channel_id: &ChannelId) -> Result<Vec<Message>, StoreError> {
        convert(
            messages::table
                .filter(messages::channel_id.eq(channel_id.as_str()))
                .order((messages::created_at.asc(), messages::id.asc()))
                .load::<MessageRow>(self.conn)?,
        )
    }

    /// The display names of the staff who wrote in a channel, in one query (not one per message).
    pub fn message_authors(
        &mut self,
        channel_id: &ChannelId,
    ) -> Result<Vec<(UserId, String)>, StoreError> {
        let rows = messages::table
            .inner_join(users::table.on(messages::author_user_id.eq(users::id.nullable())))
            .filter(messages::channel_id.eq(channel_id.as_str()))
            .select((users::id, users::display_name))
            .distinct()
            .load::<(String, String)>(self.conn)?;
        rows.into_iter()
            .map(|(u, name)| Ok((id(UserId::parse, &u)?, name)))
            .collect()
    }
}
