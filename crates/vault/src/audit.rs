//! Keyed hashes: the audit log's hash chain and blind indexes for exact-match lookups on sealed values.

use std::fmt;

use ctutils::CtEq as _;
use hmac::Mac as _;
use zeroize::Zeroizing;

use crate::{hmac_sha256, push_prefixed};

/// Keyed hash chain of the audit log: `entry_hash = HMAC-SHA256(audit key, len(prev_hash) || prev_hash ||
/// canonical entry bytes)`, with `len` as a big-endian u64.
///
/// The chain is keyed so that someone with write access to the database but not the master key cannot
/// rewrite history and recompute a valid chain.
#[derive(Clone)]
pub struct AuditKey {
    key: Zeroizing<[u8; 32]>,
}

impl AuditKey {
    /// `prev_hash` of the first entry.
    pub const GENESIS: [u8; 32] = [0u8; 32];

    pub(crate) fn new(key: Zeroizing<[u8; 32]>) -> AuditKey {
        AuditKey { key }
    }

    /// Hash of an entry (`entry` from [`canonical_entry`]) that follows the entry hashed as `prev_hash`.
    pub fn chain(&self, prev_hash: &[u8], entry: &[u8]) -> [u8; 32] {
        let mut mac = hmac_sha256(self.key.as_ref());
        // Prefixing prev_hash's length keeps prev/entry boundaries unambiguous even for odd-sized input.
        mac.update(&(prev_hash.len() as u64).to_be_bytes());
        mac.update(prev_hash);
        mac.update(entry);
        mac.finalize().into_bytes().into()
    }

    /// Constant-time comparison of a stored hash with the recomputed one.
    #[must_use]
    pub fn verify(&self, prev_hash: &[u8], entry: &[u8], stored: &[u8]) -> bool {
        self.chain(prev_hash, entry)[..].ct_eq(stored).into()
    }
}

impl fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuditKey(redacted)")
    }
}

/// Canonical, unambiguous encoding of audit fields (each length-prefixed with a big-endian u64), used as
/// `entry` in [`AuditKey::chain`]. `["ab", "c"]` and `["a", "bc"]` encode differently.
pub fn canonical_entry(fields: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(fields.iter().map(|f| 8 + f.len()).sum());
    for field in fields {
        push_prefixed(&mut out, field.as_bytes());
    }
    out
}

/// Keyed blind index (HMAC-SHA256) for exact-match lookups on sealed values.
///
/// Values are normalised before hashing: surrounding whitespace is trimmed and the text is lowercased with
/// Unicode rules (`str::to_lowercase`), so " Ana " and "ana" match. There is no Unicode normalisation
/// (NFC/NFD): a composed "é" and "e" + combining accent index differently. Because the index is keyed,
/// someone holding the database alone cannot test guesses against it.
#[derive(Clone)]
pub struct BlindIndexKey {
    key: Zeroizing<[u8; 32]>,
}

impl BlindIndexKey {
    pub(crate) fn new(key: Zeroizing<[u8; 32]>) -> BlindIndexKey {
        BlindIndexKey { key }
    }

    /// The 32-byte index of `value` after trimming and Unicode lowercasing.
    pub fn index(&self, value: &str) -> Vec<u8> {
        // The normalised copy is personal data too, so it is wiped after use.
        let normalised = Zeroizing::new(value.trim().to_lowercase());
        let mut mac = hmac_sha256(self.key.as_ref());
        mac.update(normalised.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

impl fmt::Debug for BlindIndexKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BlindIndexKey(redacted)")
    }
}
