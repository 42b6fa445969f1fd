//! Training certificates: issued to anyone signed in who passes a course's quiz, checked by anyone, and
//! revoked by a manager or administrator of the holder's organisation or by a coordinator.
//!
//! A certificate is signed with Waymark's certificate key (Ed25519, made on first use and stored only
//! wrapped by the master key; see `waymark_vault::CertificateKey`). Its holder's page and PDF show the
//! code (`WM-XXXX-XXXX-XXXX-XXXX`, checked online with [`App::certificate_status`]) and the signed token
//! (checked offline with [`App::certificate_public_key`] and `verify_offline`, without Waymark).
//!
//! **Audit.** Issuing, revoking, a manager's list and making the signing key are audited. The public
//! check by code is not: it reads only what the holder shows on their certificate, it needs no account,
//! and an audit entry per check would let anyone grow the append-only log and contend for its lock at
//! will. Nothing about who checked is kept. Codes are 80 random bits, so they cannot be found by trying.
//!
//! **Tampering.** The online check believes a row only if its token verifies with the key it names
//! (unwrapped with the master key, so a key planted in the database is refused) and says exactly what the
//! row says: a certificate written into the database directly is "never issued".

use time::Date;
use waymark_domain::area::Area;
use waymark_domain::certificate::{CertificateState, RevocationReason, may_revoke_certificate};
use waymark_domain::training::{self, Course, valid_until};
use waymark_domain::{Nation, OrgId, OrganisationKind, Permission, allows};
use waymark_store::{
    Account, AuditEvent, CERTIFICATE_SIGNING, CertificateRecord, Revocation, SigningKeyRecord, Tx,
};
use waymark_vault::{
    CertificateCode, CertificateFacts, CertificateKey, CertificatePublicKey, VaultError,
    verify_offline,
};

use crate::audit::AuditAction;
use crate::audit::event;
use crate::{App, AppError, Keys};

/// The audit actor of work nobody asked for directly (making the signing key on first use).
const SYSTEM: &str = "system";

/// A certificate as its holder, and the managers who may revoke it, see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    /// `WM-XXXX-XXXX-XXXX-XXXX`: what a person types to check it online.
    pub code: String,
    /// The holder's display name on the day it was issued.
    pub holder: String,
    pub course_id: String,
    /// The course's title; its id if the course is no longer offered.
    pub course_title: String,
    pub course_version: u32,
    pub nation: Nation,
    pub issued_on: Date,
    /// The last day it is valid.
    pub expires_on: Date,
    /// The signed token for the page and the PDF: anyone checks it offline with the published key.
    pub token: String,
    /// Valid, expired or revoked, today by the application's clock.
    pub state: CertificateState,
    pub revocation: Option<RevocationView>,
}

/// A revocation as the holder and managers see it (the public check says only "revoked" and the day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevocationView {
    pub on: Date,
    pub reason: String,
}

/// A certificate with its holder's organisation, for a manager's or a coordinator's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedCertificate {
    pub org_id: OrgId,
    pub org_name: String,
    /// The organisation's local authority area, if it has one.
    pub org_area: Option<Area>,
    pub certificate: Certificate,
}

/// What anyone who checks a code is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertificateStatus {
    Valid(PublicCertificate),
    Invalid {
        reason: InvalidReason,
        certificate: PublicCertificate,
    },
}

/// Why a certificate that was issued is no longer valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidReason {
    /// Its last valid day has passed.
    Expired,
    /// It was revoked on this day (the reason is not public).
    Revoked { on: Date },
}

impl InvalidReason {
    /// `expired` or `revoked`.
    pub fn as_str(self) -> &'static str {
        match self {
            InvalidReason::Expired => "expired",
            InvalidReason::Revoked { .. } => "revoked",
        }
    }
}

/// The facts of a certificate that its code shows to anyone: what is printed on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicCertificate {
    pub code: String,
    pub holder: String,
    pub course_id: String,
    pub course_title: String,
    pub nation: Nation,
    pub issued_on: Date,
    pub expires_on: Date,
}

fn course_title(course_id: &str) -> String {
    training::course(course_id).map_or_else(|| course_id.to_owned(), |c| c.title.clone())
}

impl Certificate {
    fn from_record(r: CertificateRecord, today: Date) -> Certificate {
        Certificate {
            code: r.code.as_str().to_owned(),
            course_title: course_title(&r.course_id),
            state: CertificateState::on(today, r.expires_on, r.revocation.is_some()),
            revocation: r.revocation.map(|v| RevocationView {
                on: v.at.date(),
                reason: v.reason,
            }),
            holder: r.holder_name,
            course_id: r.course_id,
            course_version: r.course_version,
            nation: r.nation,
            issued_on: r.issued_on,
            expires_on: r.expires_on,
            token: r.token,
        }
    }
}

impl Keys {
    /// The active certificate signing key, made on first use inside the caller's transaction (and
    /// audited). When another process made one at the same moment, that one is used.
    pub(crate) fn certificate_key(&self, tx: &mut Tx<'_>) -> Result<CertificateKey, AppError> {
        if let Some(stored) = tx.active_signing_key(CERTIFICATE_SIGNING)? {
            return self.open_signing_key(&stored);
        }
        let key = CertificateKey::generate();
        let record = SigningKeyRecord {
            id: key.id().to_owned(),
            purpose: CERTIFICATE_SIGNING.to_owned(),
            public_key: key.public_key().to_bytes().to_vec(),
            wrapped_key: self.master.wrap_certificate_key(&key),
            master_key_id: self.master.id(),
            created_at: tx.now(),
            retired_at: None,
        };
        if tx.insert_signing_key_unless_active(&record)? {
            tx.audit(
                &self.audit,
                &AuditEvent {
                    actor: SYSTEM,
                    org_id: None,
                    action: AuditAction::SigningKeyCreate.as_str(),
                    record_type: "signing_key",
                    record_id: key.id(),
                    reason: CERTIFICATE_SIGNING,
                },
            )?;
            return Ok(key);
        }
        let stored = tx.active_signing_key(CERTIFICATE_SIGNING)?.ok_or_else(|| {
            AppError::Conflict("the certificate key was being made: please try again".into())
        })?;
        self.open_signing_key(&stored)
    }

    /// Unwraps a stored key, and checks that the public key stored beside it is its own.
    fn open_signing_key(&self, stored: &SigningKeyRecord) -> Result<CertificateKey, AppError> {
        let key = self
            .master
            .unwrap_certificate_key(&stored.wrapped_key, &stored.id)?;
        if key.public_key().to_bytes()[..] != stored.public_key[..] {
            return Err(AppError::Vault(VaultError::Tampered));
        }
        Ok(key)
    }
}

/// Issues a certificate of `course` to `actor` inside the caller's transaction, dated `today`: for the
/// quiz flow, so that the pass and its certificate commit together. Call it only for a pass
/// (`training::score(..).passed`); it does not mark the quiz itself.
pub(crate) fn issue_certificate_in(
    tx: &mut Tx<'_>,
    keys: &Keys,
    actor: &Account,
    course: &Course,
    today: Date,
) -> Result<Certificate, AppError> {
    let key = keys.certificate_key(tx)?;
    let facts = CertificateFacts {
        code: CertificateCode::generate(),
        holder: actor.display_name.trim().to_owned(),
        course_id: course.id.clone(),
        course_version: course.version,
        nation: course.nation.as_str().to_owned(),
        issued_on: today,
        expires_on: valid_until(today, course.valid_for_months),
    };
    let token = key.sign(&facts).map_err(|e| match e {
        VaultError::Malformed(why) => AppError::Invalid(why.to_owned()),
        other => AppError::Vault(other),
    })?;
    let record = CertificateRecord {
        code: facts.code,
        user_id: actor.user_id.clone(),
        key_id: key.id().to_owned(),
        course_id: facts.course_id,
        course_version: facts.course_version,
        nation: course.nation,
        holder_name: facts.holder,
        issued_on: facts.issued_on,
        expires_on: facts.expires_on,
        token,
        revocation: None,
    };
    tx.insert_certificate(&record)?;
    let what = format!("{} v{}", record.course_id, record.course_version);
    tx.audit(
        &keys.audit,
        &AuditEvent {
            reason: &what,
            ..event(
                actor,
                AuditAction::CertificateIssue,
                "certificate",
                record.code.as_str(),
            )
        },
    )?;
    Ok(Certificate::from_record(record, today))
}

/// Whether a stored row is a certificate Waymark signed, exactly as stored: its token verifies with the
/// key it names, and says what the row says.
fn authentic(tx: &mut Tx<'_>, keys: &Keys, r: &CertificateRecord) -> Result<bool, AppError> {
    let Some(stored) = tx.signing_key(&r.key_id)? else {
        return Ok(false);
    };
    let public = keys.open_signing_key(&stored)?.public_key();
    // Judged on its first day, so expiry (decided below, by the application's clock) does not count here.
    let Ok(facts) = verify_offline(&r.token, &public, r.issued_on) else {
        return Ok(false);
    };
    Ok(facts.code == r.code
        && facts.holder == r.holder_name
        && facts.course_id == r.course_id
        && facts.course_version == r.course_version
        && facts.nation == r.nation.as_str()
        && facts.issued_on == r.issued_on
        && facts.expires_on == r.expires_on)
}

/// Managers and administrators may list and revoke at all; anyone else is told plainly (403).
fn may_manage(actor: &Account) -> Result<(), AppError> {
    if allows(actor.role, actor.org_kind, Permission::RevokeCertificate) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Referrals sent by helpers who held a valid certificate on the day they sent it, and by those who did
/// not (counts only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrainedReferrals {
    pub trained: usize,
    pub untrained: usize,
}

impl App {
    /// For the training view of a manager (their organisation's helpers) or a coordinator (everyone's):
    /// how many referrals came from helpers with a valid certificate on the day, and how many without.
    /// Counts only; audited like the list of certificates.
    pub async fn trained_referrals(&self, actor: &Account) -> Result<TrainedReferrals, AppError> {
        may_manage(actor)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                let everyone = actor.org_kind == OrganisationKind::Coordinator;
                let scope = (!everyone).then_some(&actor.org_id);
                let mut held: std::collections::BTreeMap<
                    waymark_domain::UserId,
                    Vec<(Date, Date, Option<Date>)>,
                > = std::collections::BTreeMap::new();
                let mut counts = TrainedReferrals::default();
                for (user, day) in tx.referral_senders(scope)? {
                    if !held.contains_key(&user) {
                        let certs = tx
                            .certificates_of_user(&user)?
                            .into_iter()
                            .map(|c| (c.issued_on, c.expires_on, c.revocation.map(|r| r.at.date())))
                            .collect();
                        held.insert(user.clone(), certs);
                    }
                    let trained = held.get(&user).is_some_and(|certs| {
                        certs.iter().any(|(issued, expires, revoked)| {
                            CertificateState::held_on(day, *issued, *expires, *revoked)
                        })
                    });
                    if trained {
                        counts.trained += 1;
                    } else {
                        counts.untrained += 1;
                    }
                }
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        reason: if everyone { "all organisations" } else { "" },
                        ..event(
                            &actor,
                            AuditAction::CertificateReferralCounts,
                            "organisation",
                            actor.org_id.as_str(),
                        )
                    },
                )?;
                Ok(counts)
            })
            .await
    }

    /// Issues a certificate of the course `course_id` to `actor`, dated `today` (pass
    /// `app.clock().now().date()`), in its own transaction. Any signed-in account may hold one; the holder
    /// name is the account's display name. Call it only after a pass. `NotFound` for a course not offered.
    pub async fn issue_certificate(
        &self,
        actor: &Account,
        course_id: &str,
        today: Date,
    ) -> Result<Certificate, AppError> {
        let course = training::course(course_id).ok_or(AppError::NotFound)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| issue_certificate_in(tx, &keys, &actor, course, today))
            .await
    }

    /// What anyone who types a code is told: valid, or invalid because it expired or was revoked. `None`
    /// for a code never issued and for anything that is not a code at all: the answer gives no hint.
    /// Not audited (see the module's documentation).
    pub async fn certificate_status(
        &self,
        code: &str,
    ) -> Result<Option<CertificateStatus>, AppError> {
        let Some(code) = CertificateCode::parse(code) else {
            return Ok(None);
        };
        let today = self.clock.now().date();
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| {
                let Some(r) = tx.certificate(&code)? else {
                    return Ok(None);
                };
                if !authentic(tx, &keys, &r)? {
                    tracing::warn!(code = %r.code, "a stored certificate does not match its signed token");
                    return Ok(None);
                }
                let public = PublicCertificate {
                    code: r.code.as_str().to_owned(),
                    holder: r.holder_name,
                    course_title: course_title(&r.course_id),
                    course_id: r.course_id,
                    nation: r.nation,
                    issued_on: r.issued_on,
                    expires_on: r.expires_on,
                };
                let revoked_on = r.revocation.as_ref().map(|v| v.at.date());
                Ok(Some(
                    match CertificateState::on(today, r.expires_on, revoked_on.is_some()) {
                        CertificateState::Valid => CertificateStatus::Valid(public),
                        CertificateState::Expired => CertificateStatus::Invalid {
                            reason: InvalidReason::Expired,
                            certificate: public,
                        },
                        CertificateState::Revoked => CertificateStatus::Invalid {
                            reason: InvalidReason::Revoked {
                                on: revoked_on.unwrap_or(today),
                            },
                            certificate: public,
                        },
                    },
                ))
            })
            .await
    }

    /// The actor's own certificates, the most recently issued first, each with its state today.
    pub async fn my_certificates(&self, actor: &Account) -> Result<Vec<Certificate>, AppError> {
        let user = actor.user_id.clone();
        let today = self.clock.now().date();
        self.store
            .run(move |tx| {
                Ok(tx
                    .certificates_of_user(&user)?
                    .into_iter()
                    .map(|r| Certificate::from_record(r, today))
                    .collect())
            })
            .await
    }

    /// The certificates the actor may revoke: their own organisation's for a manager or an administrator,
    /// every organisation's for a coordinator's. By organisation, the soonest to expire first. Audited.
    pub async fn certificates_to_manage(
        &self,
        actor: &Account,
    ) -> Result<Vec<ManagedCertificate>, AppError> {
        may_manage(actor)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let today = self.clock.now().date();
        self.store
            .run(move |tx| {
                let everyone = actor.org_kind == OrganisationKind::Coordinator;
                let scope = (!everyone).then_some(&actor.org_id);
                let list = tx.certificates_by_organisation(scope)?;
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        reason: if everyone { "all organisations" } else { "" },
                        ..event(
                            &actor,
                            AuditAction::CertificateList,
                            "organisation",
                            actor.org_id.as_str(),
                        )
                    },
                )?;
                Ok(list
                    .into_iter()
                    .map(|c| ManagedCertificate {
                        org_id: c.org_id,
                        org_name: c.org_name,
                        org_area: c.org_area.as_deref().and_then(Area::from_code),
                        certificate: Certificate::from_record(c.certificate, today),
                    })
                    .collect())
            })
            .await
    }

    /// Revokes a certificate, for good, with a short reason the holder sees and the audit log keeps. For a
    /// manager or an administrator of the holder's organisation, or of a coordinator. `NotFound` for a code
    /// never issued or held in an organisation the actor may not act for; `Conflict` if it was revoked
    /// already.
    pub async fn revoke_certificate(
        &self,
        actor: &Account,
        code: &str,
        reason: &str,
    ) -> Result<Certificate, AppError> {
        may_manage(actor)?;
        let reason =
            RevocationReason::parse(reason).map_err(|e| AppError::Invalid(e.to_string()))?;
        let code = CertificateCode::parse(code).ok_or(AppError::NotFound)?;
        let actor = actor.clone();
        let keys = std::sync::Arc::clone(&self.keys);
        let at = self.clock.now();
        self.store
            .run(move |tx| {
                let record = tx.certificate(&code)?.ok_or(AppError::NotFound)?;
                let holder = tx.account(&record.user_id)?.ok_or(AppError::NotFound)?;
                if !may_revoke_certificate(
                    actor.role,
                    actor.org_kind,
                    holder.org_id == actor.org_id,
                ) {
                    return Err(AppError::NotFound);
                }
                let revocation = Revocation {
                    at,
                    by: actor.user_id.clone(),
                    reason: reason.as_str().to_owned(),
                };
                if !tx.revoke_certificate(&code, &revocation)? {
                    return Err(AppError::Conflict(
                        "this certificate was revoked already".into(),
                    ));
                }
                tx.audit(
                    &keys.audit,
                    &AuditEvent {
                        reason: reason.as_str(),
                        ..event(
                            &actor,
                            AuditAction::CertificateRevoke,
                            "certificate",
                            code.as_str(),
                        )
                    },
                )?;
                Ok(Certificate::from_record(
                    CertificateRecord {
                        revocation: Some(revocation),
                        ..record
                    },
                    at.date(),
                ))
            })
            .await
    }

    /// The public key that checks every certificate's token, to publish (as base64url, hex or PEM). Makes
    /// the signing key if none exists yet.
    pub async fn certificate_public_key(&self) -> Result<CertificatePublicKey, AppError> {
        let keys = std::sync::Arc::clone(&self.keys);
        self.store
            .run(move |tx| Ok(keys.certificate_key(tx)?.public_key()))
            .await
    }
}
