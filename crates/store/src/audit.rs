//! The audit log: append-only, hash-chained with a key only the application holds, one entry for every
//! read and write of personal data. Appends are serialised so the chain has no forks.

use diesel::prelude::*;
use time::PrimitiveDateTime;
use time::format_description::well_known::Rfc3339;
use waymark_domain::OrgId;
use waymark_vault::{AuditKey, canonical_entry};

use crate::schema::audit_log;
use crate::{AnyConnection, StoreError, Tx};

/// What happened, to which record, by whom and why. Never personal data: ids and action names only.
#[derive(Debug, Clone)]
pub struct AuditEvent<'a> {
    /// A user id, or `public` / `cli` / `system`.
    pub actor: &'a str,
    pub org_id: Option<&'a OrgId>,
    /// A dotted action name such as `referral.read`.
    pub action: &'a str,
    pub record_type: &'a str,
    pub record_id: &'a str,
    pub reason: &'a str,
}

/// A stored entry.
#[derive(Debug, Clone, Queryable)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: PrimitiveDateTime,
    pub actor: String,
    pub org_id: Option<String>,
    pub action: String,
    pub record_type: String,
    pub record_id: String,
    pub reason: String,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

/// The result of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    pub entries: u64,
    /// The sequence number of the first entry that does not match, or where one is missing.
    pub first_bad: Option<i64>,
}

fn canonical(seq: i64, at: PrimitiveDateTime, e: &AuditEvent<'_>) -> Vec<u8> {
    let seq = seq.to_string();
    let at = at.assume_utc().format(&Rfc3339).unwrap_or_default();
    canonical_entry(&[
        &seq,
        &at,
        e.actor,
        e.org_id.map(OrgId::as_str).unwrap_or(""),
        e.action,
        e.record_type,
        e.record_id,
        e.reason,
    ])
}

impl Tx<'_> {
    /// Appends one entry to the chain, inside the caller's transaction: if the work fails, so does its
    /// audit entry, and no work commits without one.
    pub fn audit(&mut self, key: &AuditKey, event: &AuditEvent<'_>) -> Result<i64, StoreError> {
        if let AnyConnection::Postgresql(_) = self.conn {
            // Serialise appenders until this transaction ends. SQLite needs nothing: it has one writer.
            diesel::sql_query("SELECT pg_advisory_xact_lock(7316220251)").execute(self.conn)?;
        }
        let last = audit_log::table
            .order(audit_log::seq.desc())
            .select((audit_log::seq, audit_log::hash))
            .first::<(i64, Vec<u8>)>(self.conn)
            .optional()?;
        let (seq, prev) = match last {
            Some((seq, hash)) => (seq + 1, hash),
            None => (1, AuditKey::GENESIS.to_vec()),
        };
        let at = self.now;
        let hash = key.chain(&prev, &canonical(seq, at, event));
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::seq.eq(seq),
                audit_log::at.eq(at),
                audit_log::actor.eq(event.actor),
                audit_log::org_id.eq(event.org_id.map(OrgId::as_str)),
                audit_log::action.eq(event.action),
                audit_log::record_type.eq(event.record_type),
                audit_log::record_id.eq(event.record_id),
                audit_log::reason.eq(event.reason),
                audit_log::prev_hash.eq(&prev),
                audit_log::hash.eq(hash.as_slice()),
            ))
            .execute(self.conn)?;
        Ok(seq)
    }

    /// Recomputes the whole chain and reports the first entry that is altered, out of place or missing.
    pub fn verify_audit(&mut self, key: &AuditKey) -> Result<AuditReport, StoreError> {
        const PAGE: i64 = 1000;
        let mut expected_seq = 1i64;
        let mut prev = AuditKey::GENESIS.to_vec();
        let mut entries = 0u64;
        loop {
            let page = audit_log::table
                .filter(audit_log::seq.ge(expected_seq))
                .order(audit_log::seq.asc())
                .limit(PAGE)
                .load::<AuditEntry>(self.conn)?;
            let len = page.len();
            for e in page {
                let org = e
                    .org_id
                    .as_deref()
                    .map(OrgId::parse)
                    .transpose()
                    .ok()
                    .flatten();
                let event = AuditEvent {
                    actor: &e.actor,
                    org_id: org.as_ref(),
                    action: &e.action,
                    record_type: &e.record_type,
                    record_id: &e.record_id,
                    reason: &e.reason,
                };
                let org_matches = org.as_ref().map(OrgId::as_str) == e.org_id.as_deref();
                let ok = e.seq == expected_seq
                    && org_matches
                    && e.prev_hash == prev
                    && key.verify(&prev, &canonical(e.seq, e.at, &event), &e.hash);
                if !ok {
                    return Ok(AuditReport {
                        entries,
                        first_bad: Some(expected_seq.min(e.seq)),
                    });
                }
                entries += 1;
                expected_seq += 1;
                prev = e.hash;
            }
            if len < PAGE as usize {
                return Ok(AuditReport {
                    entries,
                    first_bad: None,
                });
            }
        }
    }

    /// The entries about one record, oldest first (for the record's access history and for tests).
    pub fn audit_for(&mut self, record_id: &str) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(audit_log::table
            .filter(audit_log::record_id.eq(record_id))
            .order(audit_log::seq.asc())
            .load::<AuditEntry>(self.conn)?)
    }
}
