//! Organisations, accounts, sessions, API tokens, settings and person keys, and the conversions every
//! repository shares. (Each other table has its own module: referrals.rs, channels.rs, cases.rs, …)

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::ids::PersonId;
use waymark_domain::vocabulary::{UnknownId, parse_list};
use waymark_domain::{Nation, OrgId, OrganisationKind, Role, UserId};

use crate::schema::{api_tokens, organisations, persons, sessions, settings, users};
use crate::{Account, NewSessionRecord, Organisation, PersonKey, Session, StoreError, Tx, User};

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
}
