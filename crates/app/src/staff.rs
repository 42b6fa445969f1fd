//! Staff sign-in after the password: the second factor (a TOTP code or a one-time recovery code),
//! enrolment, one's own sessions, and a manager's reset of someone else's second factor.
//!
//! A pending sign-in (a right password waiting for its code) lives in the database for a few minutes;
//! its cookie lets its holder type a code and nothing else. Wrong codes count toward the same lockout as
//! wrong passwords, and the right password does not wipe that count: only a complete sign-in does.

use time::{Duration, PrimitiveDateTime};
use waymark_domain::UserId;
use waymark_domain::staff_security::{
    self, IDLE_TIMEOUT, PENDING_LIFETIME, RECOVERY_CODES, SESSION_LIFETIME,
};
use waymark_store::{
    Account, AuditEvent, NewSessionRecord, PendingSignIn, PendingStage, SealedColumn, Session, Tx,
    User,
};
use waymark_vault::{self as vault, TotpSecret};

use crate::audit::AuditAction;
use crate::sealing::ctx;
use crate::{App, AppError, Keys};

/// Failed sign-ins in a row before an account is locked.
pub const MAX_FAILED_LOGINS: i32 = 5;
/// How long a locked account stays locked.
pub const LOCKOUT: Duration = Duration::minutes(15);

/// A signed-in browser session: the secret for the cookie, and what it stands for.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub secret: String,
    pub session: Session,
}

/// The secret an enrolling account is shown, to type into an authenticator app or scan.
#[derive(Clone)]
pub struct Enrolment {
    /// The secret as Base32 text, for typing in by hand.
    pub secret_base32: String,
    /// The `otpauth://` URL as a QR code: an `<svg>` element holding only numbers, for the page itself.
    pub qr_svg: String,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Enrolment(..)")
    }
}

/// A pending sign-in as its page shows it.
#[derive(Debug, Clone)]
pub struct PendingView {
    pub stage: PendingStage,
    pub csrf_token: String,
    /// Only while enrolling.
    pub enrolment: Option<Enrolment>,
}

/// A confirmed enrolment: the new session, and the recovery codes to show once (never stored).
#[derive(Clone)]
pub struct Enrolled {
    pub session: NewSession,
    pub recovery_codes: Vec<String>,
}

impl std::fmt::Debug for Enrolled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Enrolled").finish_non_exhaustive()
    }
}

/// A second factor set up by the operator (`waymark demo`, tests): the secret and recovery codes.
#[derive(Clone)]
pub struct TwoFactorSetup {
    pub secret_base32: String,
    pub recovery_codes: Vec<String>,
}

impl std::fmt::Debug for TwoFactorSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TwoFactorSetup(..)")
    }
}

/// One of the user's own sessions, as listed to them.
#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub id: String,
    pub started: PrimitiveDateTime,
    pub last_active: PrimitiveDateTime,
    /// "Firefox on Linux": never an address.
    pub device: String,
    /// The session this list was asked from.
    pub current: bool,
}

/// The signed-in user's own second factor.
#[derive(Debug, Clone)]
pub struct TwoFactorStatus {
    pub enrolled: bool,
    pub required: bool,
    pub unused_recovery_codes: i64,
}

/// A member of staff as their manager sees them.
#[derive(Debug, Clone)]
pub struct TeamMemberView {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub role: waymark_domain::Role,
    pub enrolled: bool,
    /// Whether the viewer may reset this account's second factor.
    pub may_reset: bool,
}

fn event<'a>(actor: &'a User, action: AuditAction) -> AuditEvent<'a> {
    AuditEvent {
        actor: actor.id.as_str(),
        org_id: Some(&actor.org_id),
        action: action.as_str(),
        record_type: "user",
        record_id: actor.id.as_str(),
        reason: "",
    }
}

/// `LockedOut` if the account is locked at `t`.
pub(crate) fn locked_out(user: &User, t: PrimitiveDateTime) -> Option<AppError> {
    let until = user.locked_until.filter(|until| *until > t)?;
    let minutes = ((until - t).whole_seconds() + 59) / 60;
    Some(AppError::LockedOut { minutes })
}

/// Counts a wrong password or code toward the lockout and audits it; returns the error to give (the
/// caller commits, so the count is remembered). Locking ends any pending sign-in.
pub(crate) fn record_failure(
    tx: &mut Tx<'_>,
    keys: &Keys,
    user: &User,
    t: PrimitiveDateTime,
    action: AuditAction,
    error: AppError,
) -> Result<AppError, AppError> {
    let failed = user.failed_logins + 1;
    let locked = (failed >= MAX_FAILED_LOGINS).then(|| t + LOCKOUT);
    tx.set_login_failures(&user.id, if locked.is_some() { 0 } else { failed }, locked)?;
    tx.audit(&keys.audit, &event(user, action))?;
    tracing::info!(user = %user.id, action = action.as_str(), failed, locked = locked.is_some(), "sign-in refused");
    Ok(match locked {
        Some(_) => {
            tx.delete_pending_sign_ins_of(&user.id)?;
            AppError::LockedOut {
                minutes: LOCKOUT.whole_minutes(),
            }
        }
        None => error,
    })
}

/// Starts a signed-in session (the sign-in is complete) and audits it.
pub(crate) fn start_session(
    tx: &mut Tx<'_>,
    keys: &Keys,
    user: &User,
    t: PrimitiveDateTime,
    device: &str,
) -> Result<NewSession, AppError> {
    let secret = vault::new_secret();
    let id_hash = vault::secret_digest(&secret);
    let id = vault::new_id();
    let csrf = vault::new_secret();
    tx.insert_session(&NewSessionRecord {
        id_hash: &id_hash,
        id: &id,
        user_id: &user.id,
        csrf_token: &csrf,
        created_at: t,
        expires_at: t + SESSION_LIFETIME,
        device,
    })?;
    tx.delete_expired_sessions(t, t - IDLE_TIMEOUT)?;
    tx.audit(&keys.audit, &event(user, AuditAction::Login))?;
    tracing::info!(user = %user.id, session = %id, "signed in");
    let session = tx
        .session(&id_hash, t, t - IDLE_TIMEOUT)?
        .ok_or(AppError::BadCredentials)?;
    Ok(NewSession { secret, session })
}

/// Starts a pending sign-in after a right password; returns the secret for its cookie. An account
/// without a second factor is offered a new secret to enrol with, sealed in the pending row.
pub(crate) fn start_pending(
    tx: &mut Tx<'_>,
    keys: &Keys,
    user: &User,
    t: PrimitiveDateTime,
    enrolled: bool,
) -> Result<String, AppError> {
    // One pending sign-in per account: a new password step replaces an older one.
    tx.delete_pending_sign_ins_of(&user.id)?;
    tx.delete_expired_pending_sign_ins(t)?;
    let secret = vault::new_secret();
    let id_hash = vault::secret_digest(&secret);
    let (stage, totp_secret_ct) = if enrolled {
        (PendingStage::Code, None)
    } else {
        let offered = TotpSecret::generate();
        let sealed = keys.staff.seal(
            &ctx(SealedColumn::PendingSignInTotpSecret, &id_hash),
            &offered.bytes(),
        );
        (PendingStage::Enrol, Some(sealed))
    };
    tx.insert_pending_sign_in(&PendingSignIn {
        id_hash,
        user_id: user.id.clone(),
        stage,
        csrf_token: vault::new_secret(),
        totp_secret_ct,
        created_at: t,
        expires_at: t + PENDING_LIFETIME,
    })?;
    tx.audit(&keys.audit, &event(user, AuditAction::LoginPassword))?;
    Ok(secret)
}

/// Recovery codes for an account: stores their digests (replacing any), returns the codes to show once.
fn issue_recovery_codes(
    tx: &mut Tx<'_>,
    keys: &Keys,
    user_id: &UserId,
    t: PrimitiveDateTime,
) -> Result<Vec<String>, AppError> {
    let codes = vault::new_recovery_codes(RECOVERY_CODES);
    let mut digests = Vec::with_capacity(codes.len());
    for code in &codes {
        let plain = vault::normalise_recovery_code(code).ok_or(AppError::Invalid(
            "a recovery code could not be made".into(),
        ))?;
        digests.push(keys.staff.recovery_code_digest(user_id.as_str(), &plain));
    }
    tx.replace_recovery_codes(user_id, &digests, t)?;
    Ok(codes.iter().map(|c| c.to_string()).collect())
}

/// The pending sign-in for a cookie, and its account, or `SignInExpired`.
fn pending_and_user(
    tx: &mut Tx<'_>,
    digest: &str,
    t: PrimitiveDateTime,
    stage: PendingStage,
) -> Result<(PendingSignIn, User), AppError> {
    let pending = tx
        .pending_sign_in(digest, t)?
        .filter(|p| p.stage == stage)
        .ok_or(AppError::SignInExpired)?;
    let user = tx.user(&pending.user_id)?.ok_or(AppError::SignInExpired)?;
    Ok((pending, user))
}

impl App {
    /// The pending sign-in behind a cookie (for its page): what it waits for, its CSRF token, and while
    /// enrolling the secret to show. `None` once expired or finished.
    pub async fn pending_sign_in(&self, secret: &str) -> Result<Option<PendingView>, AppError> {
        let digest = vault::secret_digest(secret);
        let keys = std::sync::Arc::clone(&self.keys);
        let t = self.clock.now();
        self.store
            .run(move |tx| {
                let Some(pending) = tx.pending_sign_in(&digest, t)? else {
                    return Ok(None);
                };
                let enrolment = match (&pending.stage, &pending.totp_secret_ct) {
                    (PendingStage::Enrol, Some(ct)) => {
                        let user = tx.user(&pending.user_id)?.ok_or(AppError::SignInExpired)?;
                        let bytes = keys
                            .staff
                            .open(&ctx(SealedColumn::PendingSignInTotpSecret, &digest), ct)?;
                        let offered = TotpSecret::from_bytes(&bytes)?;
                        Some(Enrolment {
                            secret_base32: offered.base32().to_string(),
                            qr_svg: offered.qr_svg(&user.email)?.to_string(),
                        })
                    }
                    _ => None,
                };
                Ok(Some(PendingView {
                    stage: pending.stage,
                    csrf_token: pending.csrf_token,
                    enrolment,
                }))
            })
            .await
    }

    /// The second step of signing in: a code from the authenticator app, or one of the account's unused
    /// recovery codes (which is then used up). A code is accepted only for a time step later than the
    /// last one accepted, so no code works twice. A wrong code counts toward the lockout.
    pub async fn confirm_sign_in(
        &self,
        pending: &str,
        code: &str,
        user_agent: &str,
    ) -> Result<NewSession, AppError> {
        let digest = vault::secret_digest(pending);
        let code = code.to_owned();
        let keys = std::sync::Arc::clone(&self.keys);
        let t = self.clock.now();
        let unix = self.clock.unix_seconds();
        let device = staff_security::device_label(user_agent);
        self.store
            .run(
                move |tx| -> Result<Result<NewSession, AppError>, AppError> {
                    let (_, user) = pending_and_user(tx, &digest, t, PendingStage::Code)?;
                    if let Some(locked) = locked_out(&user, t) {
                        tx.delete_pending_sign_in(&digest)?;
                        return Ok(Err(locked));
                    }
                    let two_factor = tx.two_factor(&user.id)?;
                    let Some(ct) = two_factor.secret_ct else {
                        // Reset since the password step: start again (and enrol).
                        tx.delete_pending_sign_in(&digest)?;
                        return Ok(Err(AppError::SignInExpired));
                    };
                    let secret = TotpSecret::from_bytes(
                        &keys
                            .staff
                            .open(&ctx(SealedColumn::UserTotpSecret, user.id.as_str()), &ct)?,
                    )?;
                    let last = two_factor.last_step.and_then(|s| u64::try_from(s).ok());
                    let mut accepted = None;
                    if let Some(step) = secret.verify(&code, unix, last)
                        && let Ok(step) = i64::try_from(step)
                        && tx.advance_totp_step(&user.id, step)?
                    {
                        accepted = Some(AuditAction::LoginCode);
                    } else if let Some(plain) = vault::normalise_recovery_code(&code) {
                        let d = keys.staff.recovery_code_digest(user.id.as_str(), &plain);
                        if tx.use_recovery_code(&user.id, &d, t)? {
                            accepted = Some(AuditAction::LoginRecoveryCode);
                        }
                    }
                    let Some(action) = accepted else {
                        return Ok(Err(record_failure(
                            tx,
                            &keys,
                            &user,
                            t,
                            AuditAction::LoginCodeFailed,
                            AppError::BadCode,
                        )?));
                    };
                    tx.audit(&keys.audit, &event(&user, action))?;
                    tx.set_login_failures(&user.id, 0, None)?;
                    tx.delete_pending_sign_in(&digest)?;
                    Ok(Ok(start_session(tx, &keys, &user, t, &device)?))
                },
            )
            .await?
    }

    /// Enrolment: the first code from the app the secret was put in confirms it. Then the secret is
    /// stored (sealed under the staff key), ten recovery codes are issued (shown once, stored as digests)
    /// and the account is signed in. A wrong code counts toward the lockout.
    pub async fn confirm_enrolment(
        &self,
        pending: &str,
        code: &str,
        user_agent: &str,
    ) -> Result<Enrolled, AppError> {
        let digest = vault::secret_digest(pending);
        let code = code.to_owned();
        let keys = std::sync::Arc::clone(&self.keys);
        let t = self.clock.now();
        let unix = self.clock.unix_seconds();
        let device = staff_security::device_label(user_agent);
        self.store
            .run(move |tx| -> Result<Result<Enrolled, AppError>, AppError> {
                let (pending, user) = pending_and_user(tx, &digest, t, PendingStage::Enrol)?;
                if let Some(locked) = locked_out(&user, t) {
                    tx.delete_pending_sign_in(&digest)?;
                    return Ok(Err(locked));
                }
                if tx.two_factor(&user.id)?.secret_ct.is_some() {
                    // Enrolled meanwhile, from another sign-in: this offer is void.
                    tx.delete_pending_sign_in(&digest)?;
                    return Ok(Err(AppError::SignInExpired));
                }
                let ct = pending.totp_secret_ct.ok_or(AppError::SignInExpired)?;
                let secret = TotpSecret::from_bytes(
                    &keys
                        .staff
                        .open(&ctx(SealedColumn::PendingSignInTotpSecret, &digest), &ct)?,
                )?;
                let Some(step) = secret
                    .verify(&code, unix, None)
                    .and_then(|s| i64::try_from(s).ok())
                else {
                    return Ok(Err(record_failure(
                        tx,
                        &keys,
                        &user,
                        t,
                        AuditAction::LoginCodeFailed,
                        AppError::BadCode,
                    )?));
                };
                let sealed = keys.staff.seal(
                    &ctx(SealedColumn::UserTotpSecret, user.id.as_str()),
                    &secret.bytes(),
                );
                tx.set_two_factor(&user.id, &sealed, t, step)?;
                let recovery_codes = issue_recovery_codes(tx, &keys, &user.id, t)?;
                tx.audit(&keys.audit, &event(&user, AuditAction::TwoFactorEnrol))?;
                tx.set_login_failures(&user.id, 0, None)?;
                tx.delete_pending_sign_in(&digest)?;
                let session = start_session(tx, &keys, &user, t, &device)?;
                Ok(Ok(Enrolled {
                    session,
                    recovery_codes,
                }))
            })
            .await?
    }

    /// Sets up a second factor for an account directly (the operator's `waymark demo`, and tests):
    /// returns the secret and recovery codes. Replaces any earlier one.
    pub async fn set_up_two_factor(&self, email: &str) -> Result<TwoFactorSetup, AppError> {
        let email = email.trim().to_lowercase();
        let keys = std::sync::Arc::clone(&self.keys);
        let t = self.clock.now();
        self.store
            .run(move |tx| {
                let user = tx.user_by_email(&email)?.ok_or_else(|| {
                    AppError::Invalid("there is no account with that email".into())
                })?;
                let secret = TotpSecret::generate();
                let sealed = keys.staff.seal(
                    &ctx(SealedColumn::UserTotpSecret, user.id.as_str()),
                    &secret.bytes(),
                );
                tx.clear_two_factor(&user.id)?;
                tx.set_two_factor(&user.id, &sealed, t, 0)?;
                let recovery_codes = issue_recovery_codes(tx, &keys, &user.id, t)?;
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: "cli",
                        ..event(&user, AuditAction::TwoFactorEnrol)
                    },
                )?;
                Ok(TwoFactorSetup {
                    secret_base32: secret.base32().to_string(),
                    recovery_codes,
                })
            })
            .await
    }

    /// The signed-in user's own second factor: enrolled, required, recovery codes left.
    pub async fn two_factor_status(&self, session: &Session) -> Result<TwoFactorStatus, AppError> {
        let a = session.account.clone();
        self.store
            .run(move |tx| {
                Ok(TwoFactorStatus {
                    enrolled: tx.two_factor(&a.user_id)?.secret_ct.is_some(),
                    required: staff_security::two_factor_required(a.role, a.org_kind),
                    unused_recovery_codes: tx.unused_recovery_codes(&a.user_id)?,
                })
            })
            .await
    }

    /// The signed-in user's own live sessions, most recently used first, the current one marked.
    pub async fn sessions(&self, session: &Session) -> Result<Vec<SessionInfo>, AppError> {
        let user = session.account.user_id.clone();
        let current = session.id.clone();
        let t = self.clock.now();
        self.store
            .run(move |tx| {
                Ok(tx
                    .sessions_of(&user, t, t - IDLE_TIMEOUT)?
                    .into_iter()
                    .map(|s| SessionInfo {
                        current: s.id == current,
                        id: s.id,
                        started: s.created_at,
                        last_active: s.last_seen_at,
                        device: s.device,
                    })
                    .collect())
            })
            .await
    }

    /// Ends one of the signed-in user's own sessions (any other id is `NotFound`). Returns whether it
    /// was the current one.
    pub async fn end_session(&self, session: &Session, id: &str) -> Result<bool, AppError> {
        let account = session.account.clone();
        let id = id.to_owned();
        let current = id == session.id;
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                if !tx.delete_session_of(&account.user_id, &id)? {
                    return Err(AppError::NotFound);
                }
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: account.user_id.as_str(),
                        org_id: Some(&account.org_id),
                        action: AuditAction::SessionEnd.as_str(),
                        record_type: "user",
                        record_id: account.user_id.as_str(),
                        reason: "",
                    },
                )?;
                Ok(current)
            })
            .await
    }

    /// Ends every session of the signed-in user but this one; returns how many ended.
    pub async fn end_other_sessions(&self, session: &Session) -> Result<usize, AppError> {
        let account = session.account.clone();
        let keep = session.id.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                let ended = tx.delete_other_sessions(&account.user_id, &keep)?;
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: account.user_id.as_str(),
                        org_id: Some(&account.org_id),
                        action: AuditAction::SessionEndOthers.as_str(),
                        record_type: "user",
                        record_id: account.user_id.as_str(),
                        reason: "",
                    },
                )?;
                Ok(ended)
            })
            .await
    }

    /// The organisation's staff with each one's second-factor status, for a manager or administrator.
    pub async fn team(&self, actor: &Account) -> Result<Vec<TeamMemberView>, AppError> {
        if !staff_security::may_see_team(actor.role) {
            return Err(AppError::Forbidden);
        }
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                let team = tx.team(&actor.org_id)?;
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: actor.user_id.as_str(),
                        org_id: Some(&actor.org_id),
                        action: AuditAction::StaffList.as_str(),
                        record_type: "organisation",
                        record_id: actor.org_id.as_str(),
                        reason: "",
                    },
                )?;
                Ok(team
                    .into_iter()
                    .map(|m| TeamMemberView {
                        may_reset: m.enrolled
                            && staff_security::may_reset_two_factor(
                                actor.role,
                                m.role,
                                m.user_id == actor.user_id,
                            ),
                        user_id: m.user_id,
                        display_name: m.display_name,
                        email: m.email,
                        role: m.role,
                        enrolled: m.enrolled,
                    })
                    .collect())
            })
            .await
    }

    /// A manager (or administrator) clears a member of staff's second factor and recovery codes and ends
    /// all their sessions and pending sign-ins: they must enrol again at their next sign-in (with their
    /// password). Audited. Another organisation's account is `NotFound`; a role that may not is
    /// `Forbidden`.
    pub async fn reset_two_factor(&self, actor: &Account, target: &UserId) -> Result<(), AppError> {
        if !staff_security::may_see_team(actor.role) {
            return Err(AppError::Forbidden);
        }
        let actor = actor.clone();
        let target = target.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                let user = tx
                    .user_in_org(&actor.org_id, &target)?
                    .ok_or(AppError::NotFound)?;
                if !staff_security::may_reset_two_factor(
                    actor.role,
                    user.role,
                    user.id == actor.user_id,
                ) {
                    return Err(AppError::Forbidden);
                }
                tx.clear_two_factor(&user.id)?;
                tx.delete_sessions_of(&user.id)?;
                tx.delete_pending_sign_ins_of(&user.id)?;
                tracing::info!(user = %user.id, by = %actor.user_id, "second factor reset");
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        actor: actor.user_id.as_str(),
                        org_id: Some(&actor.org_id),
                        action: AuditAction::TwoFactorReset.as_str(),
                        record_type: "user",
                        record_id: user.id.as_str(),
                        reason: "",
                    },
                )?;
                Ok(())
            })
            .await
    }
}
