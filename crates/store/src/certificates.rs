//! Training certificates and the keys that sign them. A certificate row holds what its signed token says
//! (the holder's display name and nothing else about them) and the token itself; a signing key row holds
//! the public key and the secret wrapped by the master key, never the secret in plaintext.

use diesel::prelude::*;
use time::{Date, PrimitiveDateTime};
use waymark_domain::{Nation, OrgId, UserId};
use waymark_vault::CertificateCode;

use crate::repo::{corrupt, id, is_unique_violation};
use crate::schema::{certificates, organisations, signing_keys, users};
use crate::{StoreError, Tx};

/// The purpose of the key that signs training certificates (`signing_keys.purpose`).
pub const CERTIFICATE_SIGNING: &str = "certificate";

/// A signing key as stored.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct SigningKeyRecord {
    /// 16 hex characters of SHA-256 of the public key.
    pub id: String,
    pub purpose: String,
    pub public_key: Vec<u8>,
    /// The secret, wrapped by the master key (`MasterKey::wrap_certificate_key`).
    pub wrapped_key: Vec<u8>,
    pub master_key_id: String,
    pub created_at: PrimitiveDateTime,
    /// `None` while it is the purpose's active key.
    pub retired_at: Option<PrimitiveDateTime>,
}

/// Who revoked a certificate, when and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revocation {
    pub at: PrimitiveDateTime,
    pub by: UserId,
    /// A short single line (`waymark_domain::certificate::RevocationReason`).
    pub reason: String,
}

/// A certificate as stored: every column of its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRecord {
    pub code: CertificateCode,
    /// The holder.
    pub user_id: UserId,
    /// The key that signed the token.
    pub key_id: String,
    pub course_id: String,
    pub course_version: u32,
    pub nation: Nation,
    /// The holder's display name on the day it was issued.
    pub holder_name: String,
    pub issued_on: Date,
    /// The last day it is valid.
    pub expires_on: Date,
    /// The signed token, exactly as issued.
    pub token: String,
    pub revocation: Option<Revocation>,
}

/// A certificate with the organisation its holder belongs to, for lists by organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationCertificate {
    pub org_id: OrgId,
    pub org_name: String,
    /// Where the organisation works (for a coordinator's view by area).
    pub org_area: Option<String>,
    pub certificate: CertificateRecord,
}

type Row = (
    String,
    String,
    String,
    String,
    i32,
    String,
    String,
    Date,
    Date,
    String,
    Option<PrimitiveDateTime>,
    Option<String>,
    Option<String>,
);

macro_rules! certificate_columns {
    () => {
        (
            certificates::code,
            certificates::user_id,
            certificates::key_id,
            certificates::course_id,
            certificates::course_version,
            certificates::nation,
            certificates::holder_name,
            certificates::issued_on,
            certificates::expires_on,
            certificates::token,
            certificates::revoked_at,
            certificates::revoked_by,
            certificates::revoke_reason,
        )
    };
}

fn certificate(r: Row) -> Result<CertificateRecord, StoreError> {
    let (
        code,
        user_id,
        key_id,
        course_id,
        course_version,
        nation,
        holder_name,
        issued_on,
        expires_on,
        token,
        revoked_at,
        revoked_by,
        revoke_reason,
    ) = r;
    let revocation = match (revoked_at, revoked_by, revoke_reason) {
        (Some(at), Some(by), Some(reason)) => Some(Revocation {
            at,
            by: id(UserId::parse, &by)?,
            reason,
        }),
        (None, None, None) => None,
        _ => return Err(StoreError::Corrupt("a revocation is half recorded".into())),
    };
    Ok(CertificateRecord {
        code: CertificateCode::parse(&code)
            .filter(|c| c.as_str() == code)
            .ok_or_else(|| StoreError::Corrupt("a certificate code".into()))?,
        user_id: id(UserId::parse, &user_id)?,
        key_id,
        course_id,
        course_version: u32::try_from(course_version).map_err(corrupt("course version"))?,
        nation: Nation::parse(&nation).map_err(corrupt("nation"))?,
        holder_name,
        issued_on,
        expires_on,
        token,
        revocation,
    })
}

impl Tx<'_> {
    /// The active key of a purpose (see [`CERTIFICATE_SIGNING`]), if one was made.
    pub fn active_signing_key(
        &mut self,
        purpose: &str,
    ) -> Result<Option<SigningKeyRecord>, StoreError> {
        Ok(signing_keys::table
            .filter(signing_keys::purpose.eq(purpose))
            .filter(signing_keys::retired_at.is_null())
            .first::<SigningKeyRecord>(self.conn)
            .optional()?)
    }

    /// A key by its id, active or retired (the key a token names).
    pub fn signing_key(&mut self, key_id: &str) -> Result<Option<SigningKeyRecord>, StoreError> {
        Ok(signing_keys::table
            .filter(signing_keys::id.eq(key_id))
            .first::<SigningKeyRecord>(self.conn)
            .optional()?)
    }

    /// Stores a new active key unless its purpose has one already; `false` when another was there first
    /// (created by another process a moment ago): read [`Tx::active_signing_key`] again then.
    pub fn insert_signing_key_unless_active(
        &mut self,
        key: &SigningKeyRecord,
    ) -> Result<bool, StoreError> {
        let insert = diesel::insert_into(signing_keys::table).values((
            signing_keys::id.eq(&key.id),
            signing_keys::purpose.eq(&key.purpose),
            signing_keys::public_key.eq(&key.public_key),
            signing_keys::wrapped_key.eq(&key.wrapped_key),
            signing_keys::master_key_id.eq(&key.master_key_id),
            signing_keys::created_at.eq(key.created_at),
            signing_keys::retired_at.eq(None::<PrimitiveDateTime>),
        ));
        // Inside a savepoint: when the partial unique index on active keys refuses the row (a concurrent
        // first use got there first; PostgreSQL waits for it to commit), only the savepoint is rolled
        // back, not the caller's transaction. (diesel's ON CONFLICT is not available through the
        // connection that spans both backends.)
        let result = self
            .conn
            .transaction::<_, diesel::result::Error, _>(|c| insert.execute(c));
        match result {
            Ok(n) => Ok(n == 1),
            Err(e) if is_unique_violation(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    pub fn insert_certificate(&mut self, c: &CertificateRecord) -> Result<(), StoreError> {
        let version = i32::try_from(c.course_version).map_err(corrupt("course version"))?;
        diesel::insert_into(certificates::table)
            .values((
                certificates::code.eq(c.code.as_str()),
                certificates::user_id.eq(c.user_id.as_str()),
                certificates::key_id.eq(&c.key_id),
                certificates::course_id.eq(&c.course_id),
                certificates::course_version.eq(version),
                certificates::nation.eq(c.nation.as_str()),
                certificates::holder_name.eq(&c.holder_name),
                certificates::issued_on.eq(c.issued_on),
                certificates::expires_on.eq(c.expires_on),
                certificates::token.eq(&c.token),
                certificates::revoked_at.eq(c.revocation.as_ref().map(|r| r.at)),
                certificates::revoked_by.eq(c.revocation.as_ref().map(|r| r.by.as_str())),
                certificates::revoke_reason.eq(c.revocation.as_ref().map(|r| r.reason.as_str())),
            ))
            .execute(self.conn)
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::Duplicate("certificate code")
                } else {
                    e.into()
                }
            })?;
        Ok(())
    }

    /// A certificate by its code.
    pub fn certificate(
        &mut self,
        code: &CertificateCode,
    ) -> Result<Option<CertificateRecord>, StoreError> {
        certificates::table
            .filter(certificates::code.eq(code.as_str()))
            .select(certificate_columns!())
            .first::<Row>(self.conn)
            .optional()?
            .map(certificate)
            .transpose()
    }

    /// One holder's certificates, the most recently issued first.
    pub fn certificates_of_user(
        &mut self,
        user: &UserId,
    ) -> Result<Vec<CertificateRecord>, StoreError> {
        certificates::table
            .filter(certificates::user_id.eq(user.as_str()))
            .order((certificates::issued_on.desc(), certificates::code.asc()))
            .select(certificate_columns!())
            .load::<Row>(self.conn)?
            .into_iter()
            .map(certificate)
            .collect()
    }

    /// Certificates with their holders' organisations: one organisation's, or every organisation's for
    /// `None`. By organisation name, then the soonest to expire first.
    pub fn certificates_by_organisation(
        &mut self,
        org: Option<&OrgId>,
    ) -> Result<Vec<OrganisationCertificate>, StoreError> {
        let mut query = certificates::table
            .inner_join(users::table.inner_join(organisations::table))
            .select((
                organisations::id,
                organisations::name,
                organisations::area,
                certificate_columns!(),
            ))
            .order((
                organisations::name.asc(),
                organisations::id.asc(),
                certificates::expires_on.asc(),
                certificates::code.asc(),
            ))
            .into_boxed();
        if let Some(org) = org {
            query = query.filter(users::org_id.eq(org.as_str()));
        }
        query
            .load::<(String, String, Option<String>, Row)>(self.conn)?
            .into_iter()
            .map(|(org_id, org_name, org_area, row)| {
                Ok(OrganisationCertificate {
                    org_id: id(OrgId::parse, &org_id)?,
                    org_name,
                    org_area,
                    certificate: certificate(row)?,
                })
            })
            .collect()
    }

    /// Revokes a certificate that is not revoked yet; `false` if there is no such certificate or it was
    /// revoked already (the first revocation stands).
    pub fn revoke_certificate(
        &mut self,
        code: &CertificateCode,
        revocation: &Revocation,
    ) -> Result<bool, StoreError> {
        let updated = diesel::update(
            certificates::table
                .filter(certificates::code.eq(code.as_str()))
                .filter(certificates::revoked_at.is_null()),
        )
        .set((
            certificates::revoked_at.eq(revocation.at),
            certificates::revoked_by.eq(revocation.by.as_str()),
            certificates::revoke_reason.eq(&revocation.reason),
        ))
        .execute(self.conn)?;
        Ok(updated == 1)
    }
}
