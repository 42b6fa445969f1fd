//! Organisations, accounts, sign-in with throttling and lockout, browser sessions and API tokens.

use time::Duration;
use waymark_domain::area::Area;
use waymark_domain::staff_security;
use waymark_domain::{Nation, Need, OrgId, OrganisationKind, Role, UserId};
use waymark_store::{Account, Organisation, Session, User};
use waymark_vault as vault;

use crate::audit::AuditAction;
use crate::staff::{self, NewSession};
use crate::{App, AppError};

/// A new organisation, as the operator describes it.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    pub name: String,
    pub kind: OrganisationKind,
    pub nation: Option<Nation>,
    /// An ONS local authority code or exact name (see [`Area::parse`]).
    pub area: Option<String>,
    pub needs: Vec<Need>,
    pub data_sharing_policy: Option<String>,
}

/// A policy for organisations that have not written their own: what Waymark itself guarantees.
pub const DEFAULT_DATA_SHARING_POLICY: &str = "We keep what you tell us private. Your details are stored \
encrypted and only the people working on your support can read them. We do not share them with the \
police, immigration or anyone else unless you agree, except where someone is in immediate danger or a \
child is at risk. You can withdraw your consent at any time.";

/// What a right password leads to.
#[derive(Debug, Clone)]
pub enum SignIn {
    /// No second factor is needed: signed in.
    SignedIn(NewSession),
    /// The account has a second factor: a code is needed. `pending` is the secret for the pending
    /// sign-in's cookie, which grants nothing else.
    CodeNeeded { pending: String },
    /// The account must set up a second factor before it can sign in.
    EnrolmentNeeded { pending: String },
}

impl App {
    pub async fn add_organisation(&self, new: NewOrganisation) -> Result<OrgId, AppError> {
        self.add_organisation_with(new, false).await
    }

    /// Adds an organisation, designated a first responder or not, in one transaction.
    pub async fn add_organisation_with(
        &self,
        new: NewOrganisation,
        first_responder: bool,
    ) -> Result<OrgId, AppError> {
        if first_responder && !waymark_domain::first_responder::can_be_first_responder(new.kind) {
            return Err(AppError::Invalid(
                "only a support organisation can be a first responder".into(),
            ));
        }
        if new.name.trim().is_empty() || new.name.chars().count() > 200 {
            return Err(AppError::Invalid(
                "the name must be 1 to 200 characters".into(),
            ));
        }
        let area = match new.nation {
            Some(nation) => Area::parse_in(new.area.as_deref(), nation),
            None => Area::parse_optional(new.area.as_deref()).map_err(|e| e.to_string()),
        }
        .map_err(AppError::Invalid)?;
        let org = Organisation {
            id: OrgId::parse(&vault::new_id()).map_err(|e| AppError::Invalid(e.to_string()))?,
            name: new.name.trim().to_owned(),
            kind: new.kind,
            nation: new.nation,
            area: area.map(|a| a.code().to_owned()),
            needs: new.needs,
            data_sharing_policy: new
                .data_sharing_policy
                .unwrap_or_else(|| DEFAULT_DATA_SHARING_POLICY.to_owned()),
            created_at: self.clock.now(),
        };
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                tx.insert_organisation(&org)?;
                tx.audit(
                    &keys.audit,
                    &waymark_store::AuditEvent {
                        actor: "cli",
                        org_id: Some(&org.id),
                        action: AuditAction::OrganisationCreate.as_str(),
                        record_type: "organisation",
                        record_id: org.id.as_str(),
                        reason: "",
                    },
                )?;
                if first_responder {
                    crate::anonymous::designate(tx, &keys, &org.id, true)?;
                }
                Ok(org.id)
            })
            .await
    }

    pub async fn organisation(&self, id: &OrgId) -> Result<Organisation, AppError> {
        let id = id.clone();
        self.store
            .run(move |tx| tx.organisation(&id)?.ok_or(AppError::NotFound))
            .await
    }

    /// Adds an account. The email is the sign-in name; the password is hashed with Argon2id.
    pub async fn add_user(
        &self,
        org_id: &OrgId,
        email: &str,
        display_name: &str,
        role: Role,
        password: &str,
    ) -> Result<UserId, AppError> {
        let email = normalise_email(email)?;
        if password.chars().count() < 12 {
            return Err(AppError::Invalid(
                "the password must be at least 12 characters".into(),
            ));
        }
        let password_hash = vault::hash_password(password)?;
        let org_id = org_id.clone();
        let display_name = display_name.trim().to_owned();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                if tx.organisation(&org_id)?.is_none() {
                    return Err(AppError::Invalid(format!(
                        "there is no organisation {org_id}"
                    )));
                }
                let user = User {
                    id: UserId::parse(&vault::new_id())
                        .map_err(|e| AppError::Invalid(e.to_string()))?,
                    org_id: org_id.clone(),
                    display_name: if display_name.is_empty() {
                        email.clone()
                    } else {
                        display_name
                    },
                    email,
                    role,
                    password_hash,
                    failed_logins: 0,
                    locked_until: None,
                    created_at: tx.now(),
                };
                tx.insert_user(&user).map_err(|e| match e {
                    waymark_store::StoreError::Duplicate(_) => {
                        AppError::Conflict("an account with that email already exists".into())
                    }
                    other => other.into(),
                })?;
                tx.audit(
                    &keys.audit,
                    &waymark_store::AuditEvent {
                        actor: "cli",
                        org_id: Some(&org_id),
                        action: AuditAction::UserCreate.as_str(),
                        record_type: "user",
                        record_id: user.id.as_str(),
                        reason: "",
                    },
                )?;
                Ok(user.id)
            })
            .await
    }

    /// Creates an API token for the account with this email; returns the secret (shown once; only its
    /// digest is stored).
    pub async fn create_token(&self, email: &str) -> Result<String, AppError> {
        let email = normalise_email(email)?;
        let secret = vault::new_secret();
        let digest = vault::secret_digest(&secret);
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                let user = tx.user_by_email(&email)?.ok_or_else(|| {
                    AppError::Invalid("there is no account with that email".into())
                })?;
                tx.insert_api_token(&digest, &user.id, tx.now())?;
                tx.audit(
                    &keys.audit,
                    &waymark_store::AuditEvent {
                        actor: "cli",
                        org_id: Some(&user.org_id),
                        action: AuditAction::TokenCreate.as_str(),
                        record_type: "user",
                        record_id: user.id.as_str(),
                        reason: "",
                    },
                )?;
                Ok::<(), AppError>(())
            })
            .await?;
        Ok(secret)
    }

    /// The account an API token stands for.
    pub async fn account_for_token(&self, token: &str) -> Result<Option<Account>, AppError> {
        let digest = vault::secret_digest(token);
        self.store
            .run(move |tx| Ok(tx.token_account(&digest)?))
            .await
    }

    /// The first step of signing in: email and password. After [`MAX_FAILED_LOGINS`](crate::MAX_FAILED_LOGINS) failures in a row
    /// (wrong passwords and wrong codes alike) the account is locked for [`LOCKOUT`](crate::LOCKOUT); an unknown email
    /// costs the same time as a wrong password.
    ///
    /// An account that must use a second factor (`domain::staff_security::two_factor_required`), or has
    /// one, is not signed in here: it gets a pending sign-in, which grants nothing but the right to type a
    /// code (or to enrol) within a few minutes. `user_agent` only labels the session ("Firefox on Linux").
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        user_agent: &str,
    ) -> Result<SignIn, AppError> {
        let email = normalise_email(email).map_err(|_| AppError::BadCredentials)?;
        let password = password.to_owned();
        let keys = std::sync::Arc::clone(&self.keys);
        let t = self.clock.now();
        let device = staff_security::device_label(user_agent);
        self.store
            .run(move |tx| -> Result<Result<SignIn, AppError>, AppError> {
                let Some(user) = tx.user_by_email(&email)? else {
                    vault::verify_password_dummy(&password);
                    return Ok(Err(AppError::BadCredentials));
                };
                if let Some(locked) = staff::locked_out(&user, t) {
                    return Ok(Err(locked));
                }
                if !vault::verify_password(&password, &user.password_hash) {
                    // Commit the count: the failure must be remembered.
                    return Ok(Err(staff::record_failure(
                        tx,
                        &keys,
                        &user,
                        t,
                        AuditAction::LoginFailed,
                        AppError::BadCredentials,
                    )?));
                }
                let kind = tx
                    .organisation(&user.org_id)?
                    .ok_or(AppError::BadCredentials)?
                    .kind;
                let enrolled = tx.two_factor(&user.id)?.secret_ct.is_some();
                if !enrolled && !staff_security::two_factor_required(user.role, kind) {
                    tx.set_login_failures(&user.id, 0, None)?;
                    let new = staff::start_session(tx, &keys, &user, t, &device)?;
                    return Ok(Ok(SignIn::SignedIn(new)));
                }
                // The failure count stays as it is until the second factor is right too: otherwise the
                // right password would wipe the count between guesses of the code.
                let pending = staff::start_pending(tx, &keys, &user, t, enrolled)?;
                Ok(Ok(if enrolled {
                    SignIn::CodeNeeded { pending }
                } else {
                    SignIn::EnrolmentNeeded { pending }
                }))
            })
            .await?
    }

    /// The live session for a cookie's secret: within its lifetime ([`staff_security::SESSION_LIFETIME`]) and used in
    /// the last [`staff_security::IDLE_TIMEOUT`]. Looking it up counts as using it (recorded at most once
    /// a minute, so most requests write nothing).
    pub async fn session(&self, secret: &str) -> Result<Option<Session>, AppError> {
        let digest = vault::secret_digest(secret);
        let t = self.clock.now();
        self.store
            .run(move |tx| {
                let session = tx.session(&digest, t, t - staff_security::IDLE_TIMEOUT)?;
                if let Some(s) = &session
                    && s.last_seen_at <= t - Duration::minutes(1)
                {
                    tx.touch_session(&digest, t, t - Duration::minutes(1))?;
                }
                Ok(session)
            })
            .await
    }

    pub async fn logout(&self, secret: &str) -> Result<(), AppError> {
        let digest = vault::secret_digest(secret);
        self.store
            .run(move |tx| Ok(tx.delete_session(&digest)?))
            .await
    }
}

/// Emails are compared trimmed and lower-cased.
fn normalise_email(email: &str) -> Result<String, AppError> {
    let e = email.trim().to_lowercase();
    let valid = e.len() <= 254
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.')
        })
        && !e.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(e)
    } else {
        Err(AppError::Invalid("that is not an email address".into()))
    }
}
