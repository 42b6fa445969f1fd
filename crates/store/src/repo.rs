//! Repositories: every query of the product, scoped by organisation where a record belongs to one.

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::channel::Sender;
use waymark_domain::ids::PersonId;
use waymark_domain::referral::ReferralStatus;
use waymark_domain::self_referral::Urgency;
use waymark_domain::vocabulary::{UnknownId, parse_list};
use waymark_domain::{
    AgeBand, CaseId, ChannelId, FirstContact, MessageId, Nation, OrgId, OrganisationKind,
    ReferralId, Role, UserId,
};

use crate::schema::{
    api_tokens, cases, channels, messages, organisations, persons, referrals, sessions, settings,
    users,
};
use crate::{
    Account, Case, Channel, Message, NewSessionRecord, Organisation, PersonKey, Referral, Session,
    StoreError, Tx, User,
};

pub(crate) fn corrupt<E: std::fmt::Display>(what: &'static str) -> impl FnOnce(E) -> StoreError {
    move |e| StoreError::Corrupt(format!("{what}: {e}"))
}

pub(crate) fn id<T, E: std::fmt::Display>(
    parse: impl FnOnce(&str) -> Result<T, E>,
    value: &str,
) -> Result<T, StoreError> {
    parse(value).map_err(corrupt("id"))
}

pub(crate) fn join_ids<T: Copy + Into<&'static str>>(ids: &[T]) -> String {
    ids.iter()
        .map(|i| (*i).into())
        .collect::<Vec<&str>>()
        .join(",")
}

pub(crate) fn ids_from<T: std::str::FromStr<Err = UnknownId> + Ord>(
    text: &str,
) -> Result<Vec<T>, StoreError> {
    parse_list(text).map_err(corrupt("list"))
}

pub(crate) fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

#[derive(Queryable)]
struct OrgRow {
    id: String,
    name: String,
    kind: String,
    nation: Option<String>,
    area: Option<String>,
    needs: String,
    data_sharing_policy: String,
    created_at: PrimitiveDateTime,
    /// Read where it matters through [`Account::org_first_responder`] and
    /// [`Tx::is_first_responder`]; the column only has to be loaded here.
    _first_responder: bool,
    // Read through `Tx::retention_days` (crate `closing`); not part of `Organisation`.
    #[allow(dead_code)]
    retention_days: i32,
    // Read through `Tx::requires_training` (crate `training`); not part of `Organisation`.
    #[allow(dead_code)]
    requires_training: bool,
}

impl TryFrom<OrgRow> for Organisation {
    type Error = StoreError;
    fn try_from(r: OrgRow) -> Result<Self, StoreError> {
        Ok(Organisation {
            id: id(OrgId::parse, &r.id)?,
            name: r.name,
            kind: OrganisationKind::parse(&r.kind).map_err(corrupt("organisation kind"))?,
            nation: r
                .nation
                .as_deref()
                .map(Nation::parse)
                .transpose()
                .map_err(corrupt("nation"))?,
            area: r.area,
            needs: ids_from(&r.needs)?,
            data_sharing_policy: r.data_sharing_policy,
            created_at: r.created_at,
        })
    }
}

#[derive(Queryable)]
pub(crate) struct UserRow {
    id: String,
    org_id: String,
    email: String,
    display_name: String,
    role: String,
    password_hash: String,
    failed_logins: i32,
    locked_until: Option<PrimitiveDateTime>,
    created_at: PrimitiveDateTime,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(r: UserRow) -> Result<Self, StoreError> {
        Ok(User {
            id: id(UserId::parse, &r.id)?,
            org_id: id(OrgId::parse, &r.org_id)?,
            email: r.email,
            display_name: r.display_name,
            role: Role::parse(&r.role).map_err(corrupt("role"))?,
            password_hash: r.password_hash,
            failed_logins: r.failed_logins,
            locked_until: r.locked_until,
            created_at: r.created_at,
        })
    }
}

/// The columns of [`UserRow`], in its order (the second factor's columns are read by `staff`).
macro_rules! user_columns {
    () => {
        (
            users::id,
            users::org_id,
            users::email,
            users::display_name,
            users::role,
            users::password_hash,
            users::failed_logins,
            users::locked_until,
            users::created_at,
        )
    };
}
pub(crate) use user_columns;

type AccountRow = (String, String, String, String, String, String, String, bool);

fn account(r: AccountRow) -> Result<Account, StoreError> {
    let (user_id, display_name, email, role, org_id, org_name, org_kind, org_first_responder) = r;
    Ok(Account {
        user_id: id(UserId::parse, &user_id)?,
        display_name,
        email,
        role: Role::parse(&role).map_err(corrupt("role"))?,
        org_id: id(OrgId::parse, &org_id)?,
        org_name,
        org_kind: OrganisationKind::parse(&org_kind).map_err(corrupt("organisation kind"))?,
        org_first_responder,
    })
}

macro_rules! account_columns {
    () => {
        (
            users::id,
            users::display_name,
            users::email,
            users::role,
            organisations::id,
            organisations::name,
            organisations::kind,
            organisations::first_responder,
        )
    };
}

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
        })
    }
}

pub(crate) fn convert<R, T: TryFrom<R, Error = StoreError>>(
    rows: Vec<R>,
) -> Result<Vec<T>, StoreError> {
    rows.into_iter().map(T::try_from).collect()
}

impl Tx<'_> {
    // ---- settings ---------------------------------------------------------------------------------

    pub fn setting(&mut self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(settings::table
            .filter(settings::key.eq(key))
            .select(settings::value)
            .first::<String>(self.conn)
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let updated = diesel::update(settings::table.filter(settings::key.eq(key)))
            .set(settings::value.eq(value))
            .execute(self.conn)?;
        if updated == 0 {
            diesel::insert_into(settings::table)
                .values((settings::key.eq(key), settings::value.eq(value)))
                .execute(self.conn)?;
        }
        Ok(())
    }

    // ---- organisations ----------------------------------------------------------------------------

    pub fn insert_organisation(&mut self, org: &Organisation) -> Result<(), StoreError> {
        diesel::insert_into(organisations::table)
            .values((
                organisations::id.eq(org.id.as_str()),
                organisations::name.eq(&org.name),
                organisations::kind.eq(org.kind.as_str()),
                organisations::nation.eq(org.nation.map(Nation::as_str)),
                organisations::area.eq(org.area.as_deref()),
                organisations::needs.eq(join_ids(&org.needs)),
                organisations::data_sharing_policy.eq(&org.data_sharing_policy),
                organisations::created_at.eq(org.created_at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    pub fn organisation(&mut self, org_id: &OrgId) -> Result<Option<Organisation>, StoreError> {
        organisations::table
            .filter(organisations::id.eq(org_id.as_str()))
            .first::<OrgRow>(self.conn)
            .optional()?
            .map(Organisation::try_from)
            .transpose()
    }

    /// Organisations of one kind, by name.
    pub fn organisations_of_kind(
        &mut self,
        kind: OrganisationKind,
    ) -> Result<Vec<Organisation>, StoreError> {
        convert(
            organisations::table
                .filter(organisations::kind.eq(kind.as_str()))
                .order((organisations::name.asc(), organisations::id.asc()))
                .load::<OrgRow>(self.conn)?,
        )
    }

    // ---- users ------------------------------------------------------------------------------------

    pub fn insert_user(&mut self, user: &User) -> Result<(), StoreError> {
        diesel::insert_into(users::table)
            .values((
                users::id.eq(user.id.as_str()),
                users::org_id.eq(user.org_id.as_str()),
                users::email.eq(&user.email),
                users::display_name.eq(&user.display_name),
                users::role.eq(user.role.as_str()),
                users::password_hash.eq(&user.password_hash),
                users::failed_logins.eq(user.failed_logins),
                users::locked_until.eq(user.locked_until),
                users::created_at.eq(user.created_at),
            ))
            .execute(self.conn)
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::Duplicate("email")
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    pub fn user_by_email(&mut self, email: &str) -> Result<Option<User>, StoreError> {
        users::table
            .filter(users::email.eq(email))
            .select(user_columns!())
            .first::<UserRow>(self.conn)
            .optional()?
            .map(User::try_from)
            .transpose()
    }

    pub fn account(&mut self, user_id: &UserId) -> Result<Option<Account>, StoreError> {
        users::table
            .inner_join(organisations::table)
            .filter(users::id.eq(user_id.as_str()))
            .select(account_columns!())
            .first::<AccountRow>(self.conn)
            .optional()?
            .map(account)
            .transpose()
    }

    /// Records a failed login: the new count and, once over the limit, until when the account is locked.
    pub fn set_login_failures(
        &mut self,
        user_id: &UserId,
        failed: i32,
        locked_until: Option<PrimitiveDateTime>,
    ) -> Result<(), StoreError> {
        diesel::update(users::table.filter(users::id.eq(user_id.as_str())))
            .set((
                users::failed_logins.eq(failed),
                users::locked_until.eq(locked_until),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    // ---- sessions and tokens ----------------------------------------------------------------------

    pub fn insert_session(&mut self, s: &NewSessionRecord<'_>) -> Result<(), StoreError> {
        diesel::insert_into(sessions::table)
            .values((
                sessions::id_hash.eq(s.id_hash),
                sessions::id.eq(s.id),
                sessions::user_id.eq(s.user_id.as_str()),
                sessions::csrf_token.eq(s.csrf_token),
                sessions::created_at.eq(s.created_at),
                sessions::expires_at.eq(s.expires_at),
                sessions::last_seen_at.eq(s.created_at),
                sessions::device.eq(s.device),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// The live session with this id digest: not past its lifetime, and used since `idle_since`.
    pub fn session(
        &mut self,
        id_hash: &str,
        now: PrimitiveDateTime,
        idle_since: PrimitiveDateTime,
    ) -> Result<Option<Session>, StoreError> {
        let row = sessions::table
            .inner_join(users::table.inner_join(organisations::table))
            .filter(sessions::id_hash.eq(id_hash))
            .filter(sessions::expires_at.gt(now))
            .filter(sessions::last_seen_at.gt(idle_since))
            .select((
                account_columns!(),
                sessions::id,
                sessions::csrf_token,
                sessions::expires_at,
                sessions::last_seen_at,
            ))
            .first::<(
                AccountRow,
                String,
                String,
                PrimitiveDateTime,
                PrimitiveDateTime,
            )>(self.conn)
            .optional()?;
        row.map(|(a, id, csrf_token, expires_at, last_seen_at)| {
            Ok(Session {
                account: account(a)?,
                id,
                csrf_token,
                expires_at,
                last_seen_at,
            })
        })
        .transpose()
    }

    /// Records that a session was used at `now`, unless it already was after `unless_after` (so a
    /// busy session is written at most once a minute, not on every request).
    pub fn touch_session(
        &mut self,
        id_hash: &str,
        now: PrimitiveDateTime,
        unless_after: PrimitiveDateTime,
    ) -> Result<(), StoreError> {
        diesel::update(
            sessions::table
                .filter(sessions::id_hash.eq(id_hash))
                .filter(sessions::last_seen_at.le(unless_after)),
        )
        .set(sessions::last_seen_at.eq(now))
        .execute(self.conn)?;
        Ok(())
    }

    pub fn delete_session(&mut self, id_hash: &str) -> Result<(), StoreError> {
        diesel::delete(sessions::table.filter(sessions::id_hash.eq(id_hash))).execute(self.conn)?;
        Ok(())
    }

    /// Deletes the sessions past their lifetime or idle since `idle_since`; returns how many.
    pub fn delete_expired_sessions(
        &mut self,
        now: PrimitiveDateTime,
        idle_since: PrimitiveDateTime,
    ) -> Result<usize, StoreError> {
        Ok(diesel::delete(
            sessions::table.filter(
                sessions::expires_at
                    .le(now)
                    .or(sessions::last_seen_at.le(idle_since)),
            ),
        )
        .execute(self.conn)?)
    }

    pub fn insert_api_token(
        &mut self,
        token_hash: &str,
        user_id: &UserId,
        created_at: PrimitiveDateTime,
    ) -> Result<(), StoreError> {
        diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::token_hash.eq(token_hash),
                api_tokens::user_id.eq(user_id.as_str()),
                api_tokens::created_at.eq(created_at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    pub fn token_account(&mut self, token_hash: &str) -> Result<Option<Account>, StoreError> {
        api_tokens::table
            .inner_join(users::table.inner_join(organisations::table))
            .filter(api_tokens::token_hash.eq(token_hash))
            .select(account_columns!())
            .first::<AccountRow>(self.conn)
            .optional()?
            .map(account)
            .transpose()
    }

    // ---- people's keys ----------------------------------------------------------------------------

    pub fn insert_person(
        &mut self,
        person: &PersonKey,
        created_at: PrimitiveDateTime,
    ) -> Result<(), StoreError> {
        diesel::insert_into(persons::table)
            .values((
                persons::id.eq(person.id.as_str()),
                persons::wrapped_key.eq(person.wrapped_key.as_deref()),
                persons::master_key_id.eq(&person.master_key_id),
                persons::created_at.eq(created_at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// Crypto-shredding: forgets the person's wrapped data key, so everything sealed under it (in this
    /// database and in every copy of it) can never be opened again. Returns whether a key was forgotten.
    pub fn erase_person_key(&mut self, person_id: &PersonId) -> Result<bool, StoreError> {
        let changed = diesel::update(
            persons::table
                .filter(persons::id.eq(person_id.as_str()))
                .filter(persons::wrapped_key.is_not_null()),
        )
        .set(persons::wrapped_key.eq(None::<Vec<u8>>))
        .execute(self.conn)?;
        Ok(changed == 1)
    }

    pub fn person_key(&mut self, person_id: &PersonId) -> Result<Option<PersonKey>, StoreError> {
        let row = persons::table
            .filter(persons::id.eq(person_id.as_str()))
            .select((persons::id, persons::wrapped_key, persons::master_key_id))
            .first::<(String, Option<Vec<u8>>, String)>(self.conn)
            .optional()?;
        row.map(|(pid, wrapped_key, master_key_id)| {
            Ok(PersonKey {
                id: id(PersonId::parse, &pid)?,
                wrapped_key,
                master_key_id,
            })
        })
        .transpose()
    }

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
