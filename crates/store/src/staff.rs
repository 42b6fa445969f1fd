//! Staff sign-in: second factors, recovery codes, pending sign-ins, one's own sessions, and an
//! organisation's staff list. Every query about another account is scoped by organisation.

use diesel::prelude::*;
use time::PrimitiveDateTime;
use waymark_domain::{OrgId, Role, UserId};

use crate::repo::{UserRow, corrupt, id, user_columns};
use crate::schema::{pending_sign_ins, recovery_codes, sessions, users};
use crate::{StoreError, Tx, User};

/// An account's second factor as stored.
#[derive(Debug, Clone)]
pub struct TwoFactor {
    /// The sealed TOTP secret; `None` until enrolment is confirmed (and after a reset).
    pub secret_ct: Option<Vec<u8>>,
    pub enrolled_at: Option<PrimitiveDateTime>,
    /// The last 30-second step a code was accepted for.
    pub last_step: Option<i64>,
}

/// What a pending sign-in is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingStage {
    /// A code from the authenticator app, or a recovery code.
    Code,
    /// Enrolment: the account has no second factor yet and must set one up.
    Enrol,
}

impl PendingStage {
    pub fn as_str(self) -> &'static str {
        match self {
            PendingStage::Code => "code",
            PendingStage::Enrol => "enrol",
        }
    }
    fn parse(s: &str) -> Result<Self, StoreError> {
        match s {
            "code" => Ok(PendingStage::Code),
            "enrol" => Ok(PendingStage::Enrol),
            other => Err(StoreError::Corrupt(format!("pending stage {other:?}"))),
        }
    }
}

/// A right password waiting for its second factor.
#[derive(Debug, Clone)]
pub struct PendingSignIn {
    /// SHA-256 of the pending cookie's secret.
    pub id_hash: String,
    pub user_id: UserId,
    pub stage: PendingStage,
    pub csrf_token: String,
    /// For an enrolment: the secret offered, sealed with `pending_sign_ins/totp_secret_ct/<id_hash>`.
    pub totp_secret_ct: Option<Vec<u8>>,
    pub created_at: PrimitiveDateTime,
    pub expires_at: PrimitiveDateTime,
}

/// One of a user's own live sessions, as listed to them.
#[derive(Debug, Clone)]
pub struct SessionSummary {
    pub id: String,
    pub id_hash: String,
    pub created_at: PrimitiveDateTime,
    pub last_seen_at: PrimitiveDateTime,
    pub device: String,
}

/// A member of an organisation's staff, as their manager sees them.
#[derive(Debug, Clone)]
pub struct TeamMember {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub enrolled: bool,
}

impl Tx<'_> {
    // ---- accounts ---------------------------------------------------------------------------------

    pub fn user(&mut self, user_id: &UserId) -> Result<Option<User>, StoreError> {
        users::table
            .filter(users::id.eq(user_id.as_str()))
            .select(user_columns!())
            .first::<UserRow>(self.conn)
            .optional()?
            .map(User::try_from)
            .transpose()
    }

    /// An account of `org`; `None` for any other organisation's.
    pub fn user_in_org(
        &mut self,
        org: &OrgId,
        user_id: &UserId,
    ) -> Result<Option<User>, StoreError> {
        users::table
            .filter(users::id.eq(user_id.as_str()))
            .filter(users::org_id.eq(org.as_str()))
            .select(user_columns!())
            .first::<UserRow>(self.conn)
            .optional()?
            .map(User::try_from)
            .transpose()
    }

    /// The staff of `org`, by name, and whether each has a second factor.
    pub fn team(&mut self, org: &OrgId) -> Result<Vec<TeamMember>, StoreError> {
        let rows = users::table
            .filter(users::org_id.eq(org.as_str()))
            .order((users::display_name.asc(), users::id.asc()))
            .select((
                users::id,
                users::display_name,
                users::email,
                users::role,
                users::totp_enrolled_at,
            ))
            .load::<(String, String, String, String, Option<PrimitiveDateTime>)>(self.conn)?;
        rows.into_iter()
            .map(|(u, display_name, email, role, enrolled)| {
                Ok(TeamMember {
                    user_id: id(UserId::parse, &u)?,
                    display_name,
                    email,
                    role: Role::parse(&role).map_err(corrupt("role"))?,
                    enrolled: enrolled.is_some(),
                })
            })
            .collect()
    }

    // ---- second factor ----------------------------------------------------------------------------

    pub fn two_factor(&mut self, user_id: &UserId) -> Result<TwoFactor, StoreError> {
        let (secret_ct, enrolled_at, last_step) = users::table
            .filter(users::id.eq(user_id.as_str()))
            .select((
                users::totp_secret_ct,
                users::totp_enrolled_at,
                users::totp_last_step,
            ))
            .first::<(Option<Vec<u8>>, Option<PrimitiveDateTime>, Option<i64>)>(self.conn)?;
        Ok(TwoFactor {
            secret_ct,
            enrolled_at,
            last_step,
        })
    }

    /// Records a confirmed enrolment: the sealed secret and the step its first code was accepted for.
    pub fn set_two_factor(
        &mut self,
        user_id: &UserId,
        secret_ct: &[u8],
        enrolled_at: PrimitiveDateTime,
        last_step: i64,
    ) -> Result<(), StoreError> {
        diesel::update(users::table.filter(users::id.eq(user_id.as_str())))
            .set((
                users::totp_secret_ct.eq(Some(secret_ct)),
                users::totp_enrolled_at.eq(Some(enrolled_at)),
                users::totp_last_step.eq(Some(last_step)),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// Moves the account's last accepted step forward to `step`, only if it is later than the stored
    /// one: a compare-and-set, so two requests racing with the same code cannot both succeed. Returns
    /// whether it moved.
    pub fn advance_totp_step(&mut self, user_id: &UserId, step: i64) -> Result<bool, StoreError> {
        let changed = diesel::update(
            users::table
                .filter(users::id.eq(user_id.as_str()))
                .filter(users::totp_secret_ct.is_not_null())
                .filter(
                    users::totp_last_step
                        .is_null()
                        .or(users::totp_last_step.lt(step)),
                ),
        )
        .set(users::totp_last_step.eq(Some(step)))
        .execute(self.conn)?;
        Ok(changed == 1)
    }

    /// Forgets an account's second factor and recovery codes: it must enrol again at its next sign-in.
    pub fn clear_two_factor(&mut self, user_id: &UserId) -> Result<(), StoreError> {
        diesel::update(users::table.filter(users::id.eq(user_id.as_str())))
            .set((
                users::totp_secret_ct.eq(None::<Vec<u8>>),
                users::totp_enrolled_at.eq(None::<PrimitiveDateTime>),
                users::totp_last_step.eq(None::<i64>),
            ))
            .execute(self.conn)?;
        diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id.as_str())))
            .execute(self.conn)?;
        Ok(())
    }

    // ---- recovery codes ---------------------------------------------------------------------------

    /// Replaces an account's recovery codes with these digests.
    pub fn replace_recovery_codes(
        &mut self,
        user_id: &UserId,
        digests: &[Vec<u8>],
        at: PrimitiveDateTime,
    ) -> Result<(), StoreError> {
        diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id.as_str())))
            .execute(self.conn)?;
        for digest in digests {
            diesel::insert_into(recovery_codes::table)
                .values((
                    recovery_codes::user_id.eq(user_id.as_str()),
                    recovery_codes::digest.eq(digest),
                    recovery_codes::created_at.eq(at),
                ))
                .execute(self.conn)?;
        }
        Ok(())
    }

    /// Uses up the recovery code with this digest, if the account has it unused. Returns whether it did.
    pub fn use_recovery_code(
        &mut self,
        user_id: &UserId,
        digest: &[u8],
        at: PrimitiveDateTime,
    ) -> Result<bool, StoreError> {
        let changed = diesel::update(
            recovery_codes::table
                .filter(recovery_codes::user_id.eq(user_id.as_str()))
                .filter(recovery_codes::digest.eq(digest))
                .filter(recovery_codes::used_at.is_null()),
        )
        .set(recovery_codes::used_at.eq(Some(at)))
        .execute(self.conn)?;
        Ok(changed == 1)
    }

    /// How many of an account's recovery codes are still unused.
    pub fn unused_recovery_codes(&mut self, user_id: &UserId) -> Result<i64, StoreError> {
        Ok(recovery_codes::table
            .filter(recovery_codes::user_id.eq(user_id.as_str()))
            .filter(recovery_codes::used_at.is_null())
            .count()
            .get_result(self.conn)?)
    }

    // ---- pending sign-ins -------------------------------------------------------------------------

    pub fn insert_pending_sign_in(&mut self, p: &PendingSignIn) -> Result<(), StoreError> {
        diesel::insert_into(pending_sign_ins::table)
            .values((
                pending_sign_ins::id_hash.eq(&p.id_hash),
                pending_sign_ins::user_id.eq(p.user_id.as_str()),
                pending_sign_ins::stage.eq(p.stage.as_str()),
                pending_sign_ins::csrf_token.eq(&p.csrf_token),
                pending_sign_ins::totp_secret_ct.eq(p.totp_secret_ct.as_deref()),
                pending_sign_ins::created_at.eq(p.created_at),
                pending_sign_ins::expires_at.eq(p.expires_at),
            ))
            .execute(self.conn)?;
        Ok(())
    }

    /// The pending sign-in with this digest, if it has not expired.
    pub fn pending_sign_in(
        &mut self,
        id_hash: &str,
        now: PrimitiveDateTime,
    ) -> Result<Option<PendingSignIn>, StoreError> {
        let row = pending_sign_ins::table
            .filter(pending_sign_ins::id_hash.eq(id_hash))
            .filter(pending_sign_ins::expires_at.gt(now))
            .select((
                pending_sign_ins::id_hash,
                pending_sign_ins::user_id,
                pending_sign_ins::stage,
                pending_sign_ins::csrf_token,
                pending_sign_ins::totp_secret_ct,
                pending_sign_ins::created_at,
                pending_sign_ins::expires_at,
            ))
            .first::<(
                String,
                String,
                String,
                String,
                Option<Vec<u8>>,
                PrimitiveDateTime,
                PrimitiveDateTime,
            )>(self.conn)
            .optional()?;
        row.map(
            |(id_hash, user_id, stage, csrf_token, totp_secret_ct, created_at, expires_at)| {
                Ok(PendingSignIn {
                    id_hash,
                    user_id: id(UserId::parse, &user_id)?,
                    stage: PendingStage::parse(&stage)?,
                    csrf_token,
                    totp_secret_ct,
                    created_at,
                    expires_at,
                })
            },
        )
        .transpose()
    }

    pub fn delete_pending_sign_in(&mut self, id_hash: &str) -> Result<(), StoreError> {
        diesel::delete(pending_sign_ins::table.filter(pending_sign_ins::id_hash.eq(id_hash)))
            .execute(self.conn)?;
        Ok(())
    }

    /// Deletes an account's pending sign-ins (at lockout, a reset, or a new password step).
    pub fn delete_pending_sign_ins_of(&mut self, user_id: &UserId) -> Result<usize, StoreError> {
        Ok(diesel::delete(
            pending_sign_ins::table.filter(pending_sign_ins::user_id.eq(user_id.as_str())),
        )
        .execute(self.conn)?)
    }

    pub fn delete_expired_pending_sign_ins(
        &mut self,
        now: PrimitiveDateTime,
    ) -> Result<usize, StoreError> {
        Ok(
            diesel::delete(pending_sign_ins::table.filter(pending_sign_ins::expires_at.le(now)))
                .execute(self.conn)?,
        )
    }

    // ---- one's own sessions -----------------------------------------------------------------------

    /// A user's live sessions (not past their lifetime, used since `idle_since`), most recently used first.
    pub fn sessions_of(
        &mut self,
        user_id: &UserId,
        now: PrimitiveDateTime,
        idle_since: PrimitiveDateTime,
    ) -> Result<Vec<SessionSummary>, StoreError> {
        let rows = sessions::table
            .filter(sessions::user_id.eq(user_id.as_str()))
            .filter(sessions::expires_at.gt(now))
            .filter(sessions::last_seen_at.gt(idle_since))
            .order((sessions::last_seen_at.desc(), sessions::id.asc()))
            .select((
                sessions::id,
                sessions::id_hash,
                sessions::created_at,
                sessions::last_seen_at,
                sessions::device,
            ))
            .load::<(String, String, PrimitiveDateTime, PrimitiveDateTime, String)>(self.conn)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, id_hash, created_at, last_seen_at, device)| SessionSummary {
                    id,
                    id_hash,
                    created_at,
                    last_seen_at,
                    device,
                },
            )
            .collect())
    }

    /// Ends one of a user's own sessions by its public id; another user's is never touched. Returns
    /// whether one ended.
    pub fn delete_session_of(&mut self, user_id: &UserId, id: &str) -> Result<bool, StoreError> {
        let n = diesel::delete(
            sessions::table
                .filter(sessions::user_id.eq(user_id.as_str()))
                .filter(sessions::id.eq(id)),
        )
        .execute(self.conn)?;
        Ok(n == 1)
    }

    /// Ends every session of a user but the one with `keep_id`; returns how many ended.
    pub fn delete_other_sessions(
        &mut self,
        user_id: &UserId,
        keep_id: &str,
    ) -> Result<usize, StoreError> {
        Ok(diesel::delete(
            sessions::table
                .filter(sessions::user_id.eq(user_id.as_str()))
                .filter(sessions::id.ne(keep_id)),
        )
        .execute(self.conn)?)
    }

    /// Ends every session of a user; returns how many ended.
    pub fn delete_sessions_of(&mut self, user_id: &UserId) -> Result<usize, StoreError> {
        Ok(
            diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id.as_str())))
                .execute(self.conn)?,
        )
    }
}
